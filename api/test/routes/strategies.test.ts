import { randomUUID } from 'node:crypto'
import { utcDay } from '@misalign/shared'
import { describe, expect, it } from 'vitest'
import { createTeam } from '../fixtures'
import { useTestApp } from '../helper'

const ctx = useTestApp()

const tradeoff = { prefer: 'one payments API', over: 'backwards compatibility', forGoal: 'halve integration cost' }
const future = '2099-12-31'

interface StrategyJson {
  id: string
  version: number
  status: string
  revision: number
  supersedesId: string | null
  publishedAt: string | null
  isStale: boolean
  title: string
}

function strategyBody(ownerTeamId: string, overrides: Record<string, unknown> = {}) {
  return { title: 'Payments prefers one API', ownerTeamId, tradeoffs: [tradeoff], reviewBy: future, ...overrides }
}

async function draft(overrides: Record<string, unknown> = {}): Promise<StrategyJson> {
  const res = await ctx.inject({ method: 'POST', url: '/api/v1/strategies', payload: strategyBody(ctx.teams.home, overrides) })
  if (res.statusCode !== 201) throw new Error(`draft failed: ${res.statusCode} ${res.body}`)
  return res.json()
}

const act = (id: string, action: 'publish' | 'retire', version: number | null) =>
  ctx.inject({
    method: 'POST',
    url: `/api/v1/strategies/${id}/${action}`,
    headers: version === null ? {} : { 'if-match': `"${version}"` },
  })

const revise = (id: string) => ctx.inject({ method: 'POST', url: `/api/v1/strategies/${id}/revisions` })

const patch = (id: string, payload: object, version: number | null = 1) =>
  ctx.inject({
    method: 'PATCH',
    url: `/api/v1/strategies/${id}`,
    headers: version === null ? {} : { 'if-match': `"${version}"` },
    payload,
  })

async function published(overrides: Record<string, unknown> = {}): Promise<StrategyJson> {
  const created = await draft(overrides)
  const res = await act(created.id, 'publish', created.version)
  if (res.statusCode !== 200) throw new Error(`publish failed: ${res.statusCode} ${res.body}`)
  return res.json()
}

const read = async (id: string): Promise<StrategyJson> =>
  (await ctx.inject({ method: 'GET', url: `/api/v1/strategies/${id}` })).json()

describe('POST /api/v1/strategies', () => {
  it('drafts a strategy at revision 1', async () => {
    const res = await ctx.inject({ method: 'POST', url: '/api/v1/strategies', payload: strategyBody(ctx.teams.home) })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({
      status: 'draft',
      revision: 1,
      supersedesId: null,
      publishedAt: null,
      isStale: false,
      scopeTeamIds: [],
      context: '',
      tradeoffs: [tradeoff],
    })
    expect(res.headers.etag).toBe('"1"')
    expect(res.headers.location).toBe(`/api/v1/strategies/${res.json().id}`)
  })

  it('refuses a tradeoff with a blank part', async () => {
    const res = await ctx.inject({
      method: 'POST',
      url: '/api/v1/strategies',
      payload: strategyBody(ctx.teams.home, { tradeoffs: [tradeoff, { ...tradeoff, over: ' ' }] }),
    })
    expect(res.statusCode).toBe(422)
    expect(res.json().errors).toEqual([{ field: 'tradeoffs.1', message: expect.stringMatching(/all three parts/) }])
  })

  it('rejects unknown fields, such as a status', async () => {
    const res = await ctx.inject({
      method: 'POST',
      url: '/api/v1/strategies',
      payload: strategyBody(ctx.teams.home, { status: 'published' }),
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors).toContainEqual({ field: 'status', message: expect.stringMatching(/not a field/) })
  })

  it('says which field refers to a team that does not exist', async () => {
    const owner = await ctx.inject({ method: 'POST', url: '/api/v1/strategies', payload: strategyBody(randomUUID()) })
    expect(owner.statusCode).toBe(422)
    expect(owner.json().detail).toMatch(/ownerTeamId/)
    const scope = await ctx.inject({
      method: 'POST',
      url: '/api/v1/strategies',
      payload: strategyBody(ctx.teams.home, { scopeTeamIds: [randomUUID()] }),
    })
    expect(scope.statusCode).toBe(422)
    expect(scope.json().errors[0].field).toBe('scopeTeamIds')
  })

  it('lets a lead draft for their own team only, and refuses members', async () => {
    const lead = ctx.as('lead')
    const own = await lead.inject({ method: 'POST', url: '/api/v1/strategies', payload: strategyBody(ctx.teams.home) })
    expect(own.statusCode).toBe(201)
    const other = await lead.inject({ method: 'POST', url: '/api/v1/strategies', payload: strategyBody(ctx.teams.away) })
    expect(other.statusCode).toBe(403)
    const member = await ctx
      .as('member')
      .inject({ method: 'POST', url: '/api/v1/strategies', payload: strategyBody(ctx.teams.home) })
    expect(member.statusCode).toBe(403)
  })
})

describe('PATCH /api/v1/strategies/:id', () => {
  it('changes a draft in place', async () => {
    const created = await draft()
    const res = await patch(created.id, { title: 'Payments prefers a single API', context: 'Two APIs cost us a team' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ title: 'Payments prefers a single API', version: 2, status: 'draft' })
    expect(res.headers.etag).toBe('"2"')
  })

  it('answers 409 for a published strategy and says to revise it', async () => {
    const strategy = await published()
    const res = await patch(strategy.id, { title: 'Quietly changed' }, strategy.version)
    expect(res.statusCode).toBe(409)
    expect(res.json().detail).toBe(
      `A published strategy is revised, not overwritten: POST /api/v1/strategies/${strategy.id}/revisions`,
    )
    expect((await read(strategy.id)).title).toBe('Payments prefers one API')
  })

  it('answers 409 for a retired strategy', async () => {
    const strategy = await published()
    const retired = (await act(strategy.id, 'retire', strategy.version)).json()
    const res = await patch(strategy.id, { title: 'x' }, retired.version)
    expect(res.statusCode).toBe(409)
    expect(res.json().detail).toMatch(/retired/)
  })

  it('answers 412 to a stale write, 428 without If-Match and 404 for an unknown id', async () => {
    const created = await draft()
    expect((await patch(created.id, { title: 'First' })).statusCode).toBe(200)
    const stale = await patch(created.id, { title: 'Second' })
    expect(stale.statusCode).toBe(412)
    expect(stale.json().detail).toMatch(/Someone else changed this strategy/)
    expect((await patch(created.id, { title: 'Third' }, null)).statusCode).toBe(428)
    expect((await patch(randomUUID(), { title: 'x' })).statusCode).toBe(404)
  })
})

describe('POST /api/v1/strategies/:id/publish', () => {
  it('publishes a draft and stamps the time', async () => {
    const created = await draft()
    const res = await act(created.id, 'publish', 1)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ status: 'published', version: 2 })
    expect(Date.parse(res.json().publishedAt)).toBeGreaterThan(Date.now() - 60_000)
    const audit = (await ctx.app.repos.audit.list({ entityId: created.id })).items.map((e) => e.action)
    expect(audit.sort()).toEqual(['create', 'publish'])
  })

  it('needs If-Match, and answers 412 to a stale one', async () => {
    const created = await draft()
    expect((await act(created.id, 'publish', null)).statusCode).toBe(428)
    expect((await act(created.id, 'publish', 7)).statusCode).toBe(412)
  })

  it('answers 409 when the strategy is already published', async () => {
    const strategy = await published()
    const res = await act(strategy.id, 'publish', strategy.version)
    expect(res.statusCode).toBe(409)
    expect(res.json().detail).toMatch(/already published/)
  })

  it('answers 404 for an unknown strategy', async () => {
    expect((await act(randomUUID(), 'publish', 1)).statusCode).toBe(404)
  })
})

describe('revisions', () => {
  it('starts a draft revision that copies the published strategy', async () => {
    const strategy = await published({ context: 'Two APIs cost us a team', scopeTeamIds: [ctx.teams.away] })
    const res = await revise(strategy.id)
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({
      status: 'draft',
      revision: 2,
      supersedesId: strategy.id,
      publishedAt: null,
      title: strategy.title,
      context: 'Two APIs cost us a team',
      scopeTeamIds: [ctx.teams.away],
      tradeoffs: [tradeoff],
    })
    expect(res.headers.location).toBe(`/api/v1/strategies/${res.json().id}`)
  })

  it('retires the superseded strategy when the revision is published', async () => {
    const first = await published()
    const revision = (await revise(first.id)).json()
    await patch(revision.id, { tradeoffs: [{ ...tradeoff, forGoal: 'ship checkout by April' }] }, revision.version)
    const res = await act(revision.id, 'publish', revision.version + 1)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ status: 'published', revision: 2 })
    expect(await read(first.id)).toMatchObject({ status: 'retired', version: first.version + 1 })
    const audit = (await ctx.app.repos.audit.list({ entityId: first.id })).items.map((e) => e.action)
    expect(audit).toContain('retire')
  })

  it('allows one open draft revision at a time', async () => {
    const strategy = await published()
    const open = (await revise(strategy.id)).json()
    const res = await revise(strategy.id)
    expect(res.statusCode).toBe(409)
    expect(res.json().detail).toContain(open.id)
  })

  it('does not revise a draft or a retired strategy', async () => {
    const created = await draft()
    const ofDraft = await revise(created.id)
    expect(ofDraft.statusCode).toBe(409)
    expect(ofDraft.json().detail).toMatch(/changed in place/)
    const strategy = await published()
    await act(strategy.id, 'retire', strategy.version)
    const ofRetired = await revise(strategy.id)
    expect(ofRetired.statusCode).toBe(409)
    expect(ofRetired.json().detail).toMatch(/retired/)
    expect((await revise(randomUUID())).statusCode).toBe(404)
  })

  it('lists the whole lineage oldest first, from any revision in it', async () => {
    const first = await published()
    const second = (await revise(first.id)).json()
    await act(second.id, 'publish', second.version)
    const third = (await revise(second.id)).json()
    await published({ title: 'Unrelated' })
    for (const id of [first.id, second.id, third.id]) {
      const res = await ctx.inject({ method: 'GET', url: `/api/v1/strategies/${id}/revisions` })
      expect(res.statusCode).toBe(200)
      expect(res.json().items.map((s: StrategyJson) => [s.revision, s.status])).toEqual([
        [1, 'retired'],
        [2, 'published'],
        [3, 'draft'],
      ])
    }
    expect((await ctx.inject({ method: 'GET', url: `/api/v1/strategies/${randomUUID()}/revisions` })).statusCode).toBe(404)
  })
})

describe('POST /api/v1/strategies/:id/retire', () => {
  it('retires a published strategy', async () => {
    const strategy = await published()
    const res = await act(strategy.id, 'retire', strategy.version)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ status: 'retired', isStale: false })
  })

  it('does not retire a draft', async () => {
    const created = await draft()
    const res = await act(created.id, 'retire', created.version)
    expect(res.statusCode).toBe(409)
    expect(res.json().detail).toMatch(/Only a published strategy is retired/)
  })

  it("lets a lead retire their own team's strategy but not another team's", async () => {
    const strategy = await published()
    const res = await ctx.as('lead').inject({
      method: 'POST',
      url: `/api/v1/strategies/${strategy.id}/retire`,
      headers: { 'if-match': `"${strategy.version}"` },
    })
    expect(res.statusCode).toBe(200)
    const other = await published({ ownerTeamId: ctx.teams.away })
    const refused = await ctx
      .as('lead')
      .inject({ method: 'POST', url: `/api/v1/strategies/${other.id}/retire`, headers: { 'if-match': `"${other.version}"` } })
    expect(refused.statusCode).toBe(403)
  })
})

describe('GET /api/v1/strategies', () => {
  const yesterday = utcDay(new Date(Date.now() - 86_400_000))
  const today = utcDay(new Date())

  it('marks a published strategy past its review date as stale, and filters on it', async () => {
    const stale = await published({ title: 'Stale', reviewBy: yesterday })
    const dueToday = await published({ title: 'Due today', reviewBy: today })
    await draft({ title: 'Old draft', reviewBy: yesterday })
    expect(stale.isStale).toBe(true)
    expect(dueToday.isStale).toBe(false)
    const titles = async (query: string) =>
      (await ctx.inject({ method: 'GET', url: `/api/v1/strategies?${query}` })).json().items.map((s: StrategyJson) => s.title)
    expect(await titles('stale=true')).toEqual(['Stale'])
    expect((await titles('stale=false')).sort()).toEqual(['Due today', 'Old draft'])
    expect(await titles('status=draft')).toEqual(['Old draft'])
  })

  it('filters by owner team', async () => {
    const team = await createTeam(ctx.inject)
    await draft({ title: 'Home' })
    await draft({ title: 'Theirs', ownerTeamId: team.id })
    const res = await ctx.inject({ method: 'GET', url: `/api/v1/strategies?ownerTeamId=${team.id}` })
    expect(res.json().items.map((s: StrategyJson) => s.title)).toEqual(['Theirs'])
  })

  it('pages newest first with a cursor', async () => {
    for (let i = 1; i <= 5; i++) await draft({ title: `S${i}` })
    const titles: string[] = []
    let cursor: string | null = null
    do {
      const url: string = `/api/v1/strategies?limit=2${cursor ? `&cursor=${cursor}` : ''}`
      const page = (await ctx.inject({ method: 'GET', url })).json()
      titles.push(...page.items.map((s: StrategyJson) => s.title))
      cursor = page.nextCursor
    } while (cursor)
    expect(titles).toEqual(['S5', 'S4', 'S3', 'S2', 'S1'])
  })

  it('rejects a cursor it did not give out', async () => {
    const res = await ctx.inject({ method: 'GET', url: '/api/v1/strategies?cursor=garbage' })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors[0].field).toBe('cursor')
  })
})
