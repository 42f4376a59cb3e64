import { randomUUID } from 'node:crypto'
import { addDays, utcDay } from '@misalign/shared'
import { describe, expect, it } from 'vitest'
import { fileIncident } from '../fixtures'
import { useTestApp } from '../helper'
import { runSql } from '../sql'

const ctx = useTestApp()

interface GapJson {
  id: string
  version: number
  status: string
  ownerId: string | null
  addressedByStrategyId: string | null
  wontFixReason: string | null
  acknowledged: { at: string | null; byId: string | null }
  published: { at: string | null; byId: string | null }
  verified: { at: string | null; byId: string | null }
  wontFix: { at: string | null; byId: string | null }
}

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000)

async function openGap(overrides: Record<string, unknown> = {}): Promise<GapJson> {
  const res = await ctx.inject({
    method: 'POST',
    url: '/api/v1/strategy-gaps',
    payload: { title: 'No stated priority between API stability and speed', ...overrides },
  })
  if (res.statusCode !== 201) throw new Error(`openGap failed: ${res.statusCode} ${res.body}`)
  return res.json()
}

const move = (gap: { id: string; version: number }, body: object, version: number | null = gap.version) =>
  ctx.inject({
    method: 'POST',
    url: `/api/v1/strategy-gaps/${gap.id}/transitions`,
    headers: version === null ? {} : { 'if-match': `"${version}"` },
    payload: body,
  })

async function step(gap: { id: string; version: number }, body: object): Promise<GapJson> {
  const res = await move(gap, body)
  if (res.statusCode !== 200) throw new Error(`transition failed: ${res.statusCode} ${res.body}`)
  return res.json()
}

async function strategy(status: 'draft' | 'published' | 'retired'): Promise<{ id: string }> {
  const tradeoff = { prefer: 'one payments API', over: 'backwards compatibility', forGoal: 'halve integration cost' }
  const created = await ctx.inject({
    method: 'POST',
    url: '/api/v1/strategies',
    payload: { title: 'Payments prefers one API', ownerTeamId: ctx.teams.home, tradeoffs: [tradeoff], reviewBy: '2099-12-31' },
  })
  const { id } = created.json()
  if (status === 'draft') return { id }
  await ctx.inject({ method: 'POST', url: `/api/v1/strategies/${id}/publish`, headers: { 'if-match': '"1"' } })
  if (status === 'retired')
    await ctx.inject({ method: 'POST', url: `/api/v1/strategies/${id}/retire`, headers: { 'if-match': '"2"' } })
  return { id }
}

/** A gap closed by a strategy published `weeksAgo` weeks ago (the publication is moved back in time). */
async function publishedGap(weeksAgo: number) {
  const closing = await strategy('published')
  await runSql(ctx.database, 'update strategies set published_at = $1 where id = $2', [daysAgo(weeksAgo * 7), closing.id])
  const gap = await openGap()
  const acknowledged = await step(gap, { to: 'acknowledged', ownerId: ctx.actors.leader.id })
  return {
    gap: await step(acknowledged, { to: 'published', strategyId: closing.id }),
    publishedDay: utcDay(daysAgo(weeksAgo * 7)),
  }
}

describe('POST /api/v1/strategy-gaps', () => {
  it('opens a gap with no steps taken', async () => {
    const res = await ctx.inject({
      method: 'POST',
      url: '/api/v1/strategy-gaps',
      payload: { title: 'Nobody knows whether checkout may break old clients', description: 'The compatibility promise' },
    })
    expect(res.statusCode).toBe(201)
    const empty = { at: null, byId: null }
    expect(res.json()).toMatchObject({
      status: 'open',
      ownerId: null,
      addressedByStrategyId: null,
      acknowledged: empty,
      published: empty,
      verified: empty,
      wontFix: empty,
    })
    expect(res.headers.etag).toBe('"1"')
    expect(res.headers.location).toBe(`/api/v1/strategy-gaps/${res.json().id}`)
  })

  it('rejects unknown fields, such as a status', async () => {
    const res = await ctx.inject({ method: 'POST', url: '/api/v1/strategy-gaps', payload: { title: 'x', status: 'verified' } })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors).toContainEqual({ field: 'status', message: expect.stringMatching(/not a field/) })
  })

  it('says when the owner does not exist', async () => {
    const res = await ctx.inject({ method: 'POST', url: '/api/v1/strategy-gaps', payload: { title: 'x', ownerId: randomUUID() } })
    expect(res.statusCode).toBe(422)
    expect(res.json().detail).toMatch(/ownerId/)
  })

  it('lets a lead open a gap but not a member', async () => {
    const payload = { title: 'x' }
    expect((await ctx.as('lead').inject({ method: 'POST', url: '/api/v1/strategy-gaps', payload })).statusCode).toBe(201)
    expect((await ctx.as('member').inject({ method: 'POST', url: '/api/v1/strategy-gaps', payload })).statusCode).toBe(403)
  })
})

describe('GET and PATCH /api/v1/strategy-gaps/:id', () => {
  it('reads a gap with its ETag, and answers 404 for an unknown one', async () => {
    const gap = await openGap()
    const res = await ctx.inject({ method: 'GET', url: `/api/v1/strategy-gaps/${gap.id}` })
    expect(res.json().id).toBe(gap.id)
    expect(res.headers.etag).toBe('"1"')
    const missing = await ctx.inject({ method: 'GET', url: `/api/v1/strategy-gaps/${randomUUID()}` })
    expect(missing.statusCode).toBe(404)
    expect(missing.json().detail).toMatch(/strategy gap/)
  })

  it('changes the title, description and owner', async () => {
    const gap = await openGap()
    const res = await ctx.inject({
      method: 'PATCH',
      url: `/api/v1/strategy-gaps/${gap.id}`,
      headers: { 'if-match': '"1"' },
      payload: { title: 'Renamed', ownerId: ctx.actors.leader.id },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ title: 'Renamed', ownerId: ctx.actors.leader.id, status: 'open', version: 2 })
  })

  it('answers 412 to a stale write, 428 without If-Match and 400 for a status change', async () => {
    const gap = await openGap()
    const change = (payload: object, headers: Record<string, string>) =>
      ctx.inject({ method: 'PATCH', url: `/api/v1/strategy-gaps/${gap.id}`, headers, payload })
    expect((await change({ title: 'First' }, { 'if-match': '"1"' })).statusCode).toBe(200)
    expect((await change({ title: 'Second' }, { 'if-match': '"1"' })).statusCode).toBe(412)
    expect((await change({ title: 'Third' }, {})).statusCode).toBe(428)
    expect((await change({ status: 'verified' }, { 'if-match': '"2"' })).statusCode).toBe(400)
  })
})

describe('POST /api/v1/strategy-gaps/:id/transitions', () => {
  it('walks a gap from open to published, recording who took each step and when', async () => {
    const closing = await strategy('published')
    const gap = await openGap()
    const acknowledged = await step(gap, { to: 'acknowledged', ownerId: ctx.actors.leader.id })
    expect(acknowledged).toMatchObject({
      status: 'acknowledged',
      ownerId: ctx.actors.leader.id,
      acknowledged: { at: expect.any(String), byId: ctx.actors.admin.id },
    })
    const published = await step(acknowledged, { to: 'published', strategyId: closing.id })
    expect(published).toMatchObject({
      status: 'published',
      addressedByStrategyId: closing.id,
      published: { at: expect.any(String), byId: ctx.actors.admin.id },
      acknowledged: acknowledged.acknowledged,
    })
    const audit = (await ctx.app.repos.audit.list({ entityId: gap.id })).items
    expect(audit.map((e) => e.action).sort()).toEqual(['create', 'transition', 'transition'])
  })

  it('refuses a strategy before the gap is acknowledged, with the reason', async () => {
    const closing = await strategy('published')
    const gap = await openGap()
    const res = await move(gap, { to: 'published', strategyId: closing.id })
    expect(res.statusCode).toBe(422)
    expect(res.json().detail).toBe('A leader must acknowledge the gap and own it before a strategy can close it')
  })

  it('refuses to verify a gap whose strategy is not published yet', async () => {
    const gap = await step(await openGap(), { to: 'acknowledged', ownerId: ctx.actors.leader.id })
    const res = await move(gap, { to: 'verified' })
    expect(res.statusCode).toBe(422)
    expect(res.json().detail).toMatch(/publish the strategy that closes it first/)
  })

  it('refuses a draft, retired or unknown strategy as the one that closes the gap', async () => {
    const gap = await step(await openGap(), { to: 'acknowledged', ownerId: ctx.actors.leader.id })
    const tryWith = async (strategyId: string) => (await move(gap, { to: 'published', strategyId })).json().detail
    expect(await tryWith((await strategy('draft')).id)).toMatch(/still a draft: publish it first/)
    expect(await tryWith((await strategy('retired')).id)).toMatch(/retired/)
    expect(await tryWith(randomUUID())).toMatch(/does not exist/)
  })

  it('says when the owning leader does not exist', async () => {
    const gap = await openGap()
    const res = await move(gap, { to: 'acknowledged', ownerId: randomUUID() })
    expect(res.statusCode).toBe(422)
    expect(res.json().detail).toMatch(/ownerId/)
  })

  it('verifies a gap that stayed quiet for the chosen weeks after its strategy was published', async () => {
    const { gap } = await publishedGap(9)
    const reporting = ctx.teams.away
    await fileIncident(ctx.inject, reporting, { gapId: gap.id, discoveredAt: utcDay(daysAgo(70)) })
    const verified = await step(gap, { to: 'verified' })
    expect(verified).toMatchObject({ status: 'verified', verified: { at: expect.any(String), byId: ctx.actors.admin.id } })
  })

  it('refuses to verify before the quiet weeks have passed, and says when they will', async () => {
    const { gap, publishedDay } = await publishedGap(3)
    const res = await move(gap, { to: 'verified' })
    expect(res.statusCode).toBe(422)
    expect(res.json().detail).toContain(`8 quiet weeks since its strategy was published on ${publishedDay}`)
    expect(res.json().detail).toContain(`possible from ${addDays(publishedDay, 56)}`)
    expect((await move(gap, { to: 'verified', weeks: 2 })).statusCode).toBe(200)
  })

  it('refuses to verify a gap with an incident discovered after its strategy was published', async () => {
    const { gap, publishedDay } = await publishedGap(9)
    const discoveredAt = utcDay(daysAgo(10))
    await fileIncident(ctx.inject, ctx.teams.away, { gapId: gap.id, discoveredAt })
    const res = await move(gap, { to: 'verified' })
    expect(res.statusCode).toBe(422)
    expect(res.json().detail).toBe(
      `An incident in this gap was discovered on ${discoveredAt}, on or after its strategy was published on ${publishedDay}: the strategy has not closed the gap yet. To address it with another strategy, close it as won't fix and reopen it`,
    )
  })

  it("closes a gap as won't fix with its reason, and reopens it", async () => {
    const gap = await openGap()
    const blank = await move(gap, { to: 'wont_fix', reason: '  ' })
    expect(blank.statusCode).toBe(422)
    expect(blank.json().detail).toMatch(/Say why/)
    const closed = await step(gap, { to: 'wont_fix', reason: ' The product is being sunset ' })
    expect(closed).toMatchObject({
      status: 'wont_fix',
      wontFixReason: 'The product is being sunset',
      wontFix: { at: expect.any(String), byId: ctx.actors.admin.id },
    })
    const settled = await move(closed, { to: 'acknowledged', ownerId: ctx.actors.leader.id })
    expect(settled.statusCode).toBe(422)
    const reopened = await step(closed, { to: 'open' })
    expect(reopened).toMatchObject({ status: 'open', wontFixReason: null, wontFix: { at: null, byId: null } })
  })

  it('refuses to reopen a gap that is still in progress', async () => {
    const gap = await step(await openGap(), { to: 'acknowledged', ownerId: ctx.actors.leader.id })
    const res = await move(gap, { to: 'open' })
    expect(res.statusCode).toBe(422)
    expect(res.json().detail).toMatch(/Only a verified or won't-fix gap can be reopened/)
  })

  it('needs If-Match, answers 412 to a stale one and 404 for an unknown gap', async () => {
    const gap = await openGap()
    const body = { to: 'acknowledged', ownerId: ctx.actors.leader.id }
    expect((await move(gap, body, null)).statusCode).toBe(428)
    expect((await move(gap, body, 5)).statusCode).toBe(412)
    expect((await move({ id: randomUUID(), version: 1 }, body)).statusCode).toBe(404)
  })

  it('rejects a body that fits no step', async () => {
    const gap = await openGap()
    expect((await move(gap, { to: 'acknowledged' })).statusCode).toBe(400)
    expect((await move(gap, { to: 'verified', weeks: 0 })).statusCode).toBe(400)
    expect((await move(gap, { to: 'closed' })).statusCode).toBe(400)
  })

  it('lets leaders move a gap but not leads', async () => {
    const gap = await openGap()
    const body = { to: 'acknowledged', ownerId: ctx.actors.leader.id }
    const headers = { 'if-match': '"1"' }
    const url = `/api/v1/strategy-gaps/${gap.id}/transitions`
    expect((await ctx.as('lead').inject({ method: 'POST', url, headers, payload: body })).statusCode).toBe(403)
    const res = await ctx.as('leader').inject({ method: 'POST', url, headers, payload: body })
    expect(res.statusCode).toBe(200)
    expect(res.json().acknowledged.byId).toBe(ctx.actors.leader.id)
  })
})

describe('GET /api/v1/strategy-gaps', () => {
  it('filters by status and owner', async () => {
    await openGap({ title: 'Unowned' })
    await openGap({ title: 'Owned', ownerId: ctx.actors.leader.id })
    await step(await openGap({ title: 'Acknowledged' }), { to: 'acknowledged', ownerId: ctx.actors.admin.id })
    const titles = async (query: string) =>
      (await ctx.inject({ method: 'GET', url: `/api/v1/strategy-gaps?${query}` }))
        .json()
        .items.map((g: { title: string }) => g.title)
    expect(await titles('status=open')).toEqual(['Owned', 'Unowned'])
    expect(await titles(`ownerId=${ctx.actors.leader.id}`)).toEqual(['Owned'])
    expect(await titles('status=acknowledged')).toEqual(['Acknowledged'])
  })

  it('pages newest first with a cursor', async () => {
    for (let i = 1; i <= 5; i++) await openGap({ title: `G${i}` })
    const titles: string[] = []
    let cursor: string | null = null
    do {
      const url: string = `/api/v1/strategy-gaps?limit=2${cursor ? `&cursor=${cursor}` : ''}`
      const page = (await ctx.inject({ method: 'GET', url })).json()
      titles.push(...page.items.map((g: { title: string }) => g.title))
      cursor = page.nextCursor
    } while (cursor)
    expect(titles).toEqual(['G5', 'G4', 'G3', 'G2', 'G1'])
  })

  it('rejects a cursor it did not give out', async () => {
    const res = await ctx.inject({ method: 'GET', url: '/api/v1/strategy-gaps?cursor=garbage' })
    expect(res.statusCode).toBe(400)
  })
})
