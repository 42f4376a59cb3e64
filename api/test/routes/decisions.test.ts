import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createTeam } from '../fixtures'
import { useTestApp } from '../helper'

const ctx = useTestApp()

const tradeoff = { prefer: 'one payments API', over: 'backwards compatibility', forGoal: 'halve integration cost' }

function decisionBody(owningTeamId: string, overrides: Record<string, unknown> = {}) {
  return { title: 'Deprecate payments API v1', owningTeamId, decidedAt: '2026-03-01', ...overrides }
}

async function createDecision(owningTeamId: string, overrides: Record<string, unknown> = {}) {
  const res = await ctx.inject({ method: 'POST', url: '/api/v1/decisions', payload: decisionBody(owningTeamId, overrides) })
  if (res.statusCode !== 201) throw new Error(`createDecision failed: ${res.statusCode} ${res.body}`)
  return res.json() as { id: string; version: number; title: string }
}

const patch = (id: string, payload: object, version: number | null = 1) =>
  ctx.inject({
    method: 'PATCH',
    url: `/api/v1/decisions/${id}`,
    headers: version === null ? {} : { 'if-match': `"${version}"` },
    payload,
  })

describe('POST /api/v1/decisions', () => {
  it('records a decision without a tradeoff as an agreement', async () => {
    const team = await createTeam(ctx.inject)
    const res = await ctx.inject({ method: 'POST', url: '/api/v1/decisions', payload: decisionBody(team.id) })
    expect(res.statusCode).toBe(201)
    const decision = res.json()
    expect(decision).toMatchObject({
      status: 'active',
      tradeoff: null,
      decisionClass: 'agreement',
      summary: '',
      sharedWithTeamIds: [],
    })
    expect(res.headers.etag).toBe('"1"')
    expect(res.headers.location).toBe(`/api/v1/decisions/${decision.id}`)
  })

  it('marks a decision with a tradeoff as strategy-bearing and trims the tradeoff', async () => {
    const team = await createTeam(ctx.inject)
    const padded = { prefer: ` ${tradeoff.prefer} `, over: tradeoff.over, forGoal: `${tradeoff.forGoal}\n` }
    const decision = await createDecision(team.id, { tradeoff: padded })
    expect(decision).toMatchObject({ tradeoff, decisionClass: 'strategy_bearing' })
  })

  it('treats an all-blank tradeoff as no tradeoff', async () => {
    const team = await createTeam(ctx.inject)
    const decision = await createDecision(team.id, { tradeoff: { prefer: ' ', over: ' ', forGoal: ' ' } })
    expect(decision).toMatchObject({ tradeoff: null, decisionClass: 'agreement' })
  })

  it('refuses half a tradeoff with a message that says what is missing', async () => {
    const team = await createTeam(ctx.inject)
    const res = await ctx.inject({
      method: 'POST',
      url: '/api/v1/decisions',
      payload: decisionBody(team.id, { tradeoff: { ...tradeoff, forGoal: '  ' } }),
    })
    expect(res.statusCode).toBe(422)
    expect(res.json().detail).toMatch(/all three parts/)
    expect(res.json().errors).toEqual([{ field: 'tradeoff', message: expect.any(String) }])
  })

  it('rejects unknown fields', async () => {
    const team = await createTeam(ctx.inject)
    const res = await ctx.inject({
      method: 'POST',
      url: '/api/v1/decisions',
      payload: decisionBody(team.id, { status: 'active' }),
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors).toContainEqual({ field: 'status', message: expect.stringMatching(/not a field/) })
  })

  it('says which field refers to a team that does not exist', async () => {
    const res = await ctx.inject({ method: 'POST', url: '/api/v1/decisions', payload: decisionBody(randomUUID()) })
    expect(res.statusCode).toBe(422)
    expect(res.json().detail).toMatch(/owningTeamId/)
  })

  it('refuses an audience of teams that do not exist', async () => {
    const team = await createTeam(ctx.inject)
    const ghost = randomUUID()
    const res = await ctx.inject({
      method: 'POST',
      url: '/api/v1/decisions',
      payload: decisionBody(team.id, { sharedWithTeamIds: [team.id, ghost] }),
    })
    expect(res.statusCode).toBe(422)
    expect(res.json().detail).toContain(ghost)
    expect(res.json().errors[0].field).toBe('sharedWithTeamIds')
  })

  it('writes an audit entry with the decision', async () => {
    const team = await createTeam(ctx.inject)
    const decision = await createDecision(team.id)
    const entries = (await ctx.app.repos.audit.list({ entityId: decision.id })).items
    expect(entries).toEqual([expect.objectContaining({ action: 'create', entityType: 'decision', actorId: ctx.actors.admin.id })])
  })
})

describe('GET /api/v1/decisions/:id', () => {
  it('reads a decision with its ETag', async () => {
    const team = await createTeam(ctx.inject)
    const decision = await createDecision(team.id, { tradeoff })
    const res = await ctx.inject({ method: 'GET', url: `/api/v1/decisions/${decision.id}` })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ id: decision.id, decisionClass: 'strategy_bearing' })
    expect(res.headers.etag).toBe('"1"')
  })

  it('answers 404 as problem+json for an unknown id', async () => {
    const res = await ctx.inject({ method: 'GET', url: `/api/v1/decisions/${randomUUID()}` })
    expect(res.statusCode).toBe(404)
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
    expect(res.json().detail).toMatch(/decision/)
  })
})

describe('PATCH /api/v1/decisions/:id', () => {
  it('adds a tradeoff, making the decision strategy-bearing', async () => {
    const team = await createTeam(ctx.inject)
    const decision = await createDecision(team.id)
    const res = await patch(decision.id, { tradeoff })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ tradeoff, decisionClass: 'strategy_bearing', version: 2 })
    expect(res.headers.etag).toBe('"2"')
  })

  it('removes the tradeoff when sent tradeoff: null', async () => {
    const team = await createTeam(ctx.inject)
    const decision = await createDecision(team.id, { tradeoff })
    const res = await patch(decision.id, { tradeoff: null })
    expect(res.json()).toMatchObject({ tradeoff: null, decisionClass: 'agreement' })
    const entries = (await ctx.app.repos.audit.list({ entityId: decision.id })).items
    expect(entries.map((e) => e.action).sort()).toEqual(['create', 'update'])
    expect(entries.find((e) => e.action === 'update')?.changes).toHaveProperty('decisionClass')
  })

  it('keeps the tradeoff when the change does not mention it', async () => {
    const team = await createTeam(ctx.inject)
    const decision = await createDecision(team.id, { tradeoff })
    const res = await patch(decision.id, { title: 'Retire payments API v1' })
    expect(res.json()).toMatchObject({ title: 'Retire payments API v1', tradeoff })
  })

  it('answers 412 to a stale write and keeps the other change', async () => {
    const team = await createTeam(ctx.inject)
    const decision = await createDecision(team.id)
    expect((await patch(decision.id, { title: 'First' })).statusCode).toBe(200)
    const stale = await patch(decision.id, { title: 'Second' })
    expect(stale.statusCode).toBe(412)
    expect(stale.headers.etag).toBe('"2"')
    const now = await ctx.inject({ method: 'GET', url: `/api/v1/decisions/${decision.id}` })
    expect(now.json().title).toBe('First')
  })

  it('answers 428 without If-Match', async () => {
    const team = await createTeam(ctx.inject)
    const decision = await createDecision(team.id)
    const res = await patch(decision.id, { title: 'x' }, null)
    expect(res.statusCode).toBe(428)
    expect(res.json().detail).toMatch(/If-Match/)
  })

  it('answers 404 for an unknown decision', async () => {
    const res = await patch(randomUUID(), { title: 'x' })
    expect(res.statusCode).toBe(404)
  })

  it('marks a decision superseded by another one', async () => {
    const team = await createTeam(ctx.inject)
    const [old, replacement] = [await createDecision(team.id), await createDecision(team.id)]
    const res = await patch(old.id, { status: 'superseded', supersededById: replacement.id })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ status: 'superseded', supersededById: replacement.id })
  })

  it('refuses "superseded" without the decision that replaced it', async () => {
    const team = await createTeam(ctx.inject)
    const decision = await createDecision(team.id)
    const res = await patch(decision.id, { status: 'superseded' })
    expect(res.statusCode).toBe(422)
    expect(res.json().detail).toBe('A superseded decision needs supersededById: say which decision replaced it')
  })

  it('refuses a decision superseded by itself', async () => {
    const team = await createTeam(ctx.inject)
    const decision = await createDecision(team.id)
    const res = await patch(decision.id, { status: 'superseded', supersededById: decision.id })
    expect(res.statusCode).toBe(422)
    expect(res.json().detail).toMatch(/cannot be superseded by itself/)
  })

  it('refuses a supersededById on a decision that is not superseded', async () => {
    const team = await createTeam(ctx.inject)
    const [old, replacement] = [await createDecision(team.id), await createDecision(team.id)]
    await patch(old.id, { status: 'superseded', supersededById: replacement.id })
    const res = await patch(old.id, { status: 'active' }, 2)
    expect(res.statusCode).toBe(422)
    expect(res.json().detail).toMatch(/supersededById: null/)
    expect((await patch(old.id, { status: 'active', supersededById: null }, 2)).statusCode).toBe(200)
  })

  it('says when the replacing decision does not exist', async () => {
    const team = await createTeam(ctx.inject)
    const decision = await createDecision(team.id)
    const res = await patch(decision.id, { status: 'superseded', supersededById: randomUUID() })
    expect(res.statusCode).toBe(422)
    expect(res.json().detail).toMatch(/supersededById/)
  })

  it('says when the new owning team does not exist', async () => {
    const team = await createTeam(ctx.inject)
    const decision = await createDecision(team.id)
    const res = await patch(decision.id, { owningTeamId: randomUUID() })
    expect(res.statusCode).toBe(422)
    expect(res.json().detail).toMatch(/owningTeamId/)
  })

  it('rejects an empty change', async () => {
    const team = await createTeam(ctx.inject)
    const decision = await createDecision(team.id)
    expect((await patch(decision.id, {})).statusCode).toBe(400)
  })
})

describe('who may change a decision', () => {
  it('lets any member record a decision, whoever owns it', async () => {
    const res = await ctx.as('member').inject({ method: 'POST', url: '/api/v1/decisions', payload: decisionBody(ctx.teams.away) })
    expect(res.statusCode).toBe(201)
  })

  it("lets a lead change their own team's decision but not another team's", async () => {
    const [own, other] = [await createDecision(ctx.teams.home), await createDecision(ctx.teams.away)]
    const lead = ctx.as('lead')
    const change = (id: string) =>
      lead.inject({
        method: 'PATCH',
        url: `/api/v1/decisions/${id}`,
        headers: { 'if-match': '"1"' },
        payload: { title: 'Renamed' },
      })
    expect((await change(own.id)).statusCode).toBe(200)
    const refused = await change(other.id)
    expect(refused.statusCode).toBe(403)
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/)
  })

  it('refuses a member changing a decision, and an anonymous caller reading one', async () => {
    const decision = await createDecision(ctx.teams.home)
    const res = await ctx.as('member').inject({
      method: 'PATCH',
      url: `/api/v1/decisions/${decision.id}`,
      headers: { 'if-match': '"1"' },
      payload: { title: 'x' },
    })
    expect(res.statusCode).toBe(403)
    expect((await ctx.app.inject({ method: 'GET', url: `/api/v1/decisions/${decision.id}` })).statusCode).toBe(401)
  })
})

describe('GET /api/v1/decisions', () => {
  const titles = async (query: string) => {
    const res = await ctx.inject({ method: 'GET', url: `/api/v1/decisions?${query}` })
    expect(res.statusCode).toBe(200)
    return res.json().items.map((d: { title: string }) => d.title)
  }

  it('filters by owning team, status and class', async () => {
    const [a, b] = [await createTeam(ctx.inject), await createTeam(ctx.inject)]
    const first = await createDecision(a.id, { title: 'A agreement', decidedAt: '2026-01-01' })
    await createDecision(a.id, { title: 'A strategy', decidedAt: '2026-01-02', tradeoff })
    const replacement = await createDecision(b.id, { title: 'B agreement', decidedAt: '2026-01-03' })
    await patch(first.id, { status: 'superseded', supersededById: replacement.id })

    expect(await titles(`owningTeamId=${a.id}`)).toEqual(['A strategy', 'A agreement'])
    expect(await titles('decisionClass=agreement')).toEqual(['B agreement', 'A agreement'])
    expect(await titles('decisionClass=strategy_bearing')).toEqual(['A strategy'])
    expect(await titles('status=superseded')).toEqual(['A agreement'])
    expect(await titles(`status=active&owningTeamId=${a.id}`)).toEqual(['A strategy'])
  })

  it('searches every word in the title or summary, ignoring case', async () => {
    const team = await createTeam(ctx.inject)
    await createDecision(team.id, {
      title: 'Move search to batch indexing',
      summary: 'Nightly rebuilds',
      decidedAt: '2026-01-01',
    })
    await createDecision(team.id, {
      title: 'Freeze the checkout schema',
      summary: 'Until the Q3 launch',
      decidedAt: '2026-01-02',
    })
    expect(await titles('q=SEARCH')).toEqual(['Move search to batch indexing'])
    expect(await titles('q=batch%20nightly')).toEqual(['Move search to batch indexing'])
    expect(await titles('q=batch%20launch')).toEqual([])
    expect(await titles('q=q3')).toEqual(['Freeze the checkout schema'])
  })

  it('takes % and _ in a search literally', async () => {
    const team = await createTeam(ctx.inject)
    await createDecision(team.id, { title: 'Cap error budget at 5% per quarter', decidedAt: '2026-01-01' })
    await createDecision(team.id, { title: 'Rename user_id to account_id', decidedAt: '2026-01-02' })
    await createDecision(team.id, { title: 'Plain words only', decidedAt: '2026-01-03' })
    expect(await titles('q=%25')).toEqual(['Cap error budget at 5% per quarter'])
    expect(await titles('q=_')).toEqual(['Rename user_id to account_id'])
    expect(await titles('q=%5C')).toEqual([])
  })

  it('pages most recently decided first, with ties on one day kept in a stable order', async () => {
    const team = await createTeam(ctx.inject)
    for (const [i, day] of ['2026-01-05', '2026-01-07', '2026-01-07', '2026-01-07', '2026-01-06'].entries()) {
      await createDecision(team.id, { title: `D${i}`, decidedAt: day })
    }
    const all = (await ctx.inject({ method: 'GET', url: '/api/v1/decisions' })).json().items as {
      id: string
      decidedAt: string
    }[]
    expect(all.map((d) => d.decidedAt)).toEqual(['2026-01-07', '2026-01-07', '2026-01-07', '2026-01-06', '2026-01-05'])
    const paged: string[] = []
    let cursor: string | null = null
    do {
      const url: string = `/api/v1/decisions?limit=2${cursor ? `&cursor=${cursor}` : ''}`
      const page = (await ctx.inject({ method: 'GET', url })).json()
      paged.push(...page.items.map((d: { id: string }) => d.id))
      cursor = page.nextCursor
    } while (cursor)
    expect(paged).toEqual(all.map((d) => d.id))
  })

  it('rejects a cursor it did not give out', async () => {
    const forged = Buffer.from(JSON.stringify(['2026-02-30', randomUUID()])).toString('base64url')
    for (const cursor of ['garbage', forged]) {
      const res = await ctx.inject({ method: 'GET', url: `/api/v1/decisions?cursor=${cursor}` })
      expect(res.statusCode).toBe(400)
      expect(res.json().errors[0].field).toBe('cursor')
    }
  })

  it('rejects an unknown filter', async () => {
    const res = await ctx.inject({ method: 'GET', url: '/api/v1/decisions?class=agreement' })
    expect(res.statusCode).toBe(400)
  })
})
