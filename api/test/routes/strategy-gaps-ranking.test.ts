import { randomUUID } from 'node:crypto'
import { clusterMembers, clusters } from '@misalign/db'
import { generateOrg, writeOrg } from '@misalign/db/seed'
import { addDays, GAP_RANKING_FORMULA, trendOf, utcDay } from '@misalign/shared'
import { describe, expect, it } from 'vitest'
import { fileIncident } from '../fixtures'
import { type ActorName, useTestApp } from '../helper'
import { runSql } from '../sql'

const ctx = useTestApp()
const today = utcDay(new Date())

type RankingItem = {
  gapId: string
  status: string
  incidents: number
  weightedHarm: number
  teamsAffected: number
  recurrencePerMonth: number
  trend: string
  earlierHalf: number
  laterHalf: number
  engineerDaysLost: number
  lastSeenAt: string | null
}
type Ranking = { formula: string; from: string; to: string; items: RankingItem[] }

async function get<T>(as: ActorName, url: string): Promise<T> {
  const res = await ctx.as(as).inject({ method: 'GET', url })
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as T
}

/** The displayed reporting team, by the per-row rule of DESIGN.md (see analytics.test.ts). */
const displayed = `case when i.anonymous and (select count(*) from memberships m join users u on u.id = m.user_id
    and u.disabled_at is null where m.team_id = i.reporting_team_id) < 5
  then coalesce((select t.parent_team_id from teams t where t.id = i.reporting_team_id), i.reporting_team_id)
  else i.reporting_team_id end`

/**
 * An incident counts towards the gap it names, else towards the gap that named its decision first
 * (ADR 017), written per row.
 */
const countsTowards = `coalesce(i.gap_id, (select gd.gap_id from strategy_gap_decisions gd where gd.decision_id = i.decision_id
  order by gd.created_at, gd.gap_id limit 1)) = g.id`

/** The ranking written naively from the issue's words, one gap at a time, in plain SQL. */
async function naiveRanking(as: ActorName, from: string, to: string, middle: string) {
  const actor = ctx.actors[as]
  const seesAll = actor.role === 'leader' || actor.role === 'admin'
  const visible = seesAll ? 'true' : `(not i.restricted or i.reporting_team_id = $4 or i.reporter_id = $5)`
  const params: unknown[] = [from, to, middle]
  if (!seesAll) params.push(actor.teamId, actor.id)
  const rows = await runSql<{
    id: string
    n: number
    wh: number
    teams: number
    earlier: number
    later: number
    days: string | number
    last: string | null
  }>(
    ctx.database,
    `select g.id,
      (select count(*)::int from incidents i where ${countsTowards} and ${visible} and i.discovered_at between $1 and $2) as n,
      (select coalesce(sum(i.harm * i.surprise), 0)::int from incidents i where ${countsTowards} and ${visible} and i.discovered_at between $1 and $2) as wh,
      (select count(distinct ${displayed})::int from incidents i where ${countsTowards} and ${visible} and i.discovered_at between $1 and $2) as teams,
      (select count(*)::int from incidents i where ${countsTowards} and ${visible} and i.discovered_at between $1 and $3) as earlier,
      (select count(*)::int from incidents i where ${countsTowards} and ${visible} and i.discovered_at > $3 and i.discovered_at <= $2) as later,
      (select coalesce(sum(i.engineer_days_lost), 0) from incidents i where ${countsTowards} and ${visible} and i.discovered_at between $1 and $2) as days,
      (select max(i.discovered_at)::text from incidents i where ${countsTowards} and ${visible} and i.discovered_at <= $2) as last
    from strategy_gaps g`,
    params,
  )
  return rows
}

async function checkRanking(as: ActorName, from: string, to: string) {
  const got = await get<Ranking>(as, `/api/v1/strategy-gaps/ranking?from=${from}&to=${to}&limit=500`)
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1
  const middle = addDays(from, Math.floor(days / 2) - 1)
  const expected = await naiveRanking(as, from, to, middle)
  expect(got.items.length).toBe(expected.length)
  const byId = new Map(got.items.map((item) => [item.gapId, item]))
  for (const row of expected) {
    const item = byId.get(row.id)
    expect(item, `gap ${row.id} ranked`).toBeDefined()
    expect(item).toMatchObject({
      incidents: row.n,
      weightedHarm: row.wh,
      teamsAffected: row.teams,
      earlierHalf: row.earlier,
      laterHalf: row.later,
      trend: trendOf(row.earlier, row.later),
      engineerDaysLost: Math.round(Number(row.days) * 10) / 10,
      lastSeenAt: row.last,
    })
  }
  const harms = got.items.map((i) => i.weightedHarm)
  expect(harms).toEqual([...harms].sort((a, b) => b - a))
  return got
}

async function decision(title: string) {
  const res = await ctx.inject({
    method: 'POST',
    url: '/api/v1/decisions',
    payload: { title, owningTeamId: ctx.teams.away, decidedAt: addDays(today, -60) },
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string }
}

async function openGap(payload: object, as: ActorName = 'admin') {
  return ctx.as(as).inject({ method: 'POST', url: '/api/v1/strategy-gaps', payload: { title: 'Gap', ...payload } })
}

describe('GET /api/v1/strategy-gaps/ranking', () => {
  it('equals a naive SQL over the incidents of a generated org, for every window and viewer', async () => {
    await writeOrg(ctx.database, generateOrg({ incidents: 1_500, seed: 11, today }))
    // Some gaps also name decisions, one decision behind two gaps: the ranking counts through them.
    await runSql(
      ctx.database,
      `insert into strategy_gap_decisions (gap_id, decision_id, created_at)
        select g.id, d.id, now() - (g.k + d.k) * interval '1 minute'
        from (select id, row_number() over (order by id) as k from strategy_gaps) g
        join (select id, row_number() over (order by id) as k from decisions) d on d.k in (g.k, g.k + 1)`,
    )
    for (const as of ['admin', 'outsider'] as const) {
      const got = await checkRanking(as, addDays(today, -89), today)
      expect(got.items.some((i) => i.incidents > 0)).toBe(true)
      await checkRanking(as, addDays(today, -365), addDays(today, -1))
      await checkRanking(as, addDays(today, -200), addDays(today, -150))
    }
  }, 120_000)

  it('defaults to the last 90 days and returns the formula it ranks by', async () => {
    const got = await get<Ranking>('member', '/api/v1/strategy-gaps/ranking')
    expect(got).toMatchObject({ formula: GAP_RANKING_FORMULA, from: addDays(today, -89), to: today })
    expect(got.formula).toMatch(/harm × surprise/)
  })

  it('counts a restricted incident only for those who may see it', async () => {
    const gap = (await openGap({ title: 'Restricted harm' })).json()
    const discoveredAt = addDays(today, -5)
    await fileIncident(ctx.as('member').inject, ctx.teams.home, {
      gapId: gap.id,
      restricted: true,
      harm: 5,
      surprise: 5,
      discoveredAt,
    })
    await fileIncident(ctx.as('member').inject, ctx.teams.home, { gapId: gap.id, harm: 2, surprise: 2, discoveredAt })
    const harmFor = async (as: ActorName) =>
      (await get<Ranking>(as, '/api/v1/strategy-gaps/ranking')).items.find((i) => i.gapId === gap.id)?.weightedHarm
    expect(await harmFor('outsider')).toBe(4)
    expect(await harmFor('member')).toBe(29)
    expect(await harmFor('leader')).toBe(29)
  })

  it('filters by status and refuses a backwards window or an unknown parameter', async () => {
    await openGap({ title: 'Open one' })
    const acknowledged = await get<Ranking>('admin', '/api/v1/strategy-gaps/ranking?status=acknowledged')
    expect(acknowledged.items).toEqual([])
    const backwards = await ctx.inject({ method: 'GET', url: '/api/v1/strategy-gaps/ranking?from=2026-05-01&to=2026-04-01' })
    expect(backwards.statusCode).toBe(400)
    expect(backwards.json().detail).toMatch(/from must be on or before to/)
    expect((await ctx.inject({ method: 'GET', url: '/api/v1/strategy-gaps/ranking?sort=harm' })).statusCode).toBe(400)
  })

  it('pages the register with its total, in the order of the whole ranking', async () => {
    const gaps = []
    for (let k = 1; k <= 7; k++) gaps.push((await openGap({ title: `Gap number ${k}` })).json() as { id: string })
    // Two carry harm, so the order is by weighted harm first and by age after.
    for (const [k, harm] of [
      [2, 3],
      [5, 5],
    ] as const)
      await fileIncident(ctx.as('member').inject, ctx.teams.home, {
        gapId: gaps[k]?.id,
        harm,
        surprise: 4,
        discoveredAt: addDays(today, -3),
      })
    const window = `from=${addDays(today, -365)}&to=${today}`
    const whole = await get<Ranking & { total: number; nextCursor: string | null }>(
      'admin',
      `/api/v1/strategy-gaps/ranking?${window}&limit=500`,
    )
    expect(whole.total).toBe(whole.items.length)
    expect(whole.nextCursor).toBeNull()
    expect(whole.total).toBe(7)
    expect(whole.items.slice(0, 2).map((i) => i.gapId)).toEqual([gaps[5]?.id, gaps[2]?.id])

    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page: Ranking & { total: number; nextCursor: string | null } = await get(
        'admin',
        `/api/v1/strategy-gaps/ranking?${window}&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      )
      expect(page.total).toBe(whole.total)
      expect(page.items.length).toBeLessThanOrEqual(3)
      seen.push(...page.items.map((i) => i.gapId))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toEqual(whole.items.map((i) => i.gapId))

    const past = await get<Ranking & { total: number; nextCursor: string | null }>(
      'admin',
      `/api/v1/strategy-gaps/ranking?${window}&cursor=${Buffer.from(JSON.stringify([10_000])).toString('base64url')}`,
    )
    expect(past).toMatchObject({ items: [], total: whole.total, nextCursor: null })
    const forged = await ctx.as('admin').inject({ method: 'GET', url: '/api/v1/strategy-gaps/ranking?cursor=bm90LWpzb24' })
    expect(forged.statusCode).toBe(400)
    expect(forged.headers['content-type']).toMatch(/application\/problem\+json/)
    const negative = Buffer.from(JSON.stringify([-3])).toString('base64url')
    expect(
      (await ctx.as('admin').inject({ method: 'GET', url: `/api/v1/strategy-gaps/ranking?cursor=${negative}` })).statusCode,
    ).toBe(400)
  })
})

describe('GET /api/v1/strategy-gaps/:id/impact', () => {
  it("shows the planted dropping gap's incidents falling after its strategy was published", async () => {
    const org = generateOrg({ incidents: 1_500, seed: 11, today })
    await writeOrg(ctx.database, org)
    const { gapId, publishedAt } = org.planted.droppingGap
    const got = await get<{
      publishedAt: string
      windowWeeks: number
      before: { from: string; to: string; incidents: number; weightedHarm: number }
      after: { from: string; to: string; incidents: number; weightedHarm: number }
      series: { period: string; side: string; incidents: number; weightedHarm: number; decisions: number }[]
    }>('leader', `/api/v1/strategy-gaps/${gapId}/impact`)
    expect(got.publishedAt).toBe(publishedAt)
    expect(got.windowWeeks).toBe(12)
    expect(got.after.incidents).toBeLessThan(got.before.incidents)
    expect(got.after.weightedHarm).toBeLessThan(got.before.weightedHarm)
    expect(got.series.filter((s) => s.side === 'before')).toHaveLength(12)
    expect(got.series.filter((s) => s.side === 'after')).toHaveLength(12)
    const sum = (side: string) => got.series.filter((s) => s.side === side).reduce((n, s) => n + s.incidents, 0)
    expect(sum('before')).toBe(got.before.incidents)
    expect(sum('after')).toBe(got.after.incidents)
    const [naive] = await runSql<{ before: number; after: number }>(
      ctx.database,
      `select count(*) filter (where discovered_at between $2 and $3)::int as before,
        count(*) filter (where discovered_at between $4 and $5)::int as after
      from incidents where gap_id = $1`,
      [gapId, got.before.from, got.before.to, got.after.from, got.after.to],
    )
    expect(naive).toEqual({ before: got.before.incidents, after: got.after.incidents })
    expect(got.before.to).toBe(addDays(publishedAt, -1))
    expect(got.after.to).toBe(addDays(publishedAt, 12 * 7 - 1))
  }, 60_000)

  it('has no windows for a gap no published strategy addresses, and 404 for an unknown gap', async () => {
    const gap = (await openGap({})).json()
    const got = await get<{ publishedAt: null; series: unknown[] }>('member', `/api/v1/strategy-gaps/${gap.id}/impact`)
    expect(got).toMatchObject({ publishedAt: null, windowWeeks: 0, before: null, after: null, series: [] })
    const missing = await ctx.inject({ method: 'GET', url: `/api/v1/strategy-gaps/${randomUUID()}/impact` })
    expect(missing.statusCode).toBe(404)
    expect((await ctx.inject({ method: 'GET', url: `/api/v1/strategy-gaps/${gap.id}/impact?weeks=0` })).statusCode).toBe(400)
  })
})

describe('GET /api/v1/strategy-gaps/suggestions and opening a gap from one', () => {
  async function harmfulDecision() {
    const made = await decision('Checkout drops the v1 payments API')
    const ids: string[] = []
    for (const days of [3, 10, 20]) {
      const filed = await fileIncident(ctx.as('lead').inject, ctx.teams.home, {
        decisionId: made.id,
        discoveredAt: addDays(today, -days),
        harm: 4,
        surprise: 4,
        missingContext: `Quote ${days}`,
      })
      ids.push(filed.id)
    }
    return { decisionId: made.id, ids }
  }

  it('suggests a harmful decision whose incidents point at no gap, and forgets it once a gap takes them', async () => {
    const { decisionId, ids } = await harmfulDecision()
    const quiet = await decision('A small one')
    await fileIncident(ctx.inject, ctx.teams.home, {
      decisionId: quiet.id,
      discoveredAt: addDays(today, -3),
      harm: 1,
      surprise: 1,
    })
    const before = await get<{
      items: {
        source: string
        sourceId: string
        decisionIds: string[]
        weightedHarm: number
        incidentIds: string[]
        missingContext: string[]
      }[]
    }>('leader', '/api/v1/strategy-gaps/suggestions')
    // The cluster engine may also group these incidents: the same story is then one suggestion
    // with both reasons (ADR 017), and the decision is what this test plants.
    const decisions = before.items.filter((s) => s.decisionIds.length > 0)
    expect(decisions.flatMap((s) => s.decisionIds)).toEqual([decisionId])
    expect(decisions[0]).toMatchObject({ source: 'decision', sourceId: decisionId })
    expect(decisions[0]).toMatchObject({ weightedHarm: 48, incidents: 3, teamsAffected: 1 })
    expect([...(decisions[0]?.incidentIds ?? [])].sort()).toEqual([...ids].sort())
    expect(decisions[0]?.missingContext).toHaveLength(3)

    const opened = await openGap({ title: 'Nobody knew checkout prefers one API', incidentIds: ids }, 'leader')
    expect(opened.statusCode, opened.body).toBe(201)
    const gapId = opened.json().id
    const [attached] = await runSql<{ n: number; versions: number }>(
      ctx.database,
      'select count(*)::int as n, min(version)::int as versions from incidents where gap_id = $1',
      [gapId],
    )
    expect(attached).toEqual({ n: 3, versions: 2 })
    const audit = (await ctx.app.repos.audit.list({ entityId: ids[0] })).items
    expect(audit.some((e) => e.action === 'update' && JSON.stringify(e.changes).includes(gapId))).toBe(true)
    const after = await get<{ items: unknown[] }>('leader', '/api/v1/strategy-gaps/suggestions')
    expect(after.items).toEqual([])
    const ranked = await get<Ranking>('leader', '/api/v1/strategy-gaps/ranking')
    expect(ranked.items[0]).toMatchObject({ gapId, incidents: 3, weightedHarm: 48 })
  })

  it('suggests a cluster of incidents in no gap, counting only the members the viewer may see', async () => {
    const members = []
    for (const restricted of [false, false, true]) {
      const filed = await fileIncident(ctx.as('member').inject, ctx.teams.home, {
        restricted,
        discoveredAt: addDays(today, -4),
        harm: 5,
        surprise: 5,
      })
      members.push(filed.id)
    }
    const [cluster] = await ctx.database.db.insert(clusters).values({ title: 'Launch dates', status: 'confirmed' }).returning()
    if (!cluster) throw new Error('no cluster')
    await ctx.database.db
      .insert(clusterMembers)
      .values(members.map((incidentId) => ({ clusterId: cluster.id, incidentId, source: 'auto' as const })))
    type Suggested = {
      items: { source: string; sourceId: string; reasons: { sourceId: string }[]; incidents: number; weightedHarm: number }[]
    }
    // The cluster engine may group the same incidents too: then the story is one suggestion, this cluster one of its reasons.
    const seenBy = async (as: ActorName) =>
      (await get<Suggested>(as, '/api/v1/strategy-gaps/suggestions')).items.find((s) =>
        s.reasons.some((r) => r.sourceId === cluster.id),
      )
    expect(await seenBy('member')).toMatchObject({ source: 'cluster', incidents: 3, weightedHarm: 75 })
    expect(await seenBy('outsider')).toMatchObject({ source: 'cluster', incidents: 2, weightedHarm: 50 })
    await ctx.database.db.update(clusters).set({ status: 'dismissed' })
    expect(await seenBy('member')).toBeUndefined()
  })

  it('refuses to attach an incident already in a gap, one the caller may not change, or one they cannot see', async () => {
    const { ids } = await harmfulDecision()
    const first = await openGap({ incidentIds: [ids[0]] })
    expect(first.statusCode).toBe(201)
    const again = await openGap({ incidentIds: [ids[0], ids[1]] })
    expect(again.statusCode).toBe(422)
    expect(again.json().detail).toMatch(/already points at a gap/)
    const away = await fileIncident(ctx.as('outsider').inject, ctx.teams.away, { discoveredAt: addDays(today, -2) })
    const byLead = await openGap({ incidentIds: [away.id] }, 'lead')
    expect(byLead.statusCode).toBe(403)
    const hidden = await fileIncident(ctx.as('member').inject, ctx.teams.home, {
      restricted: true,
      discoveredAt: addDays(today, -2),
    })
    const byOutsideLead = await openGap({ incidentIds: [hidden.id] }, 'outsideLead')
    expect(byOutsideLead.statusCode).toBe(422)
    expect(byOutsideLead.json().detail).toMatch(/No incident/)
    const [unchanged] = await runSql<{ n: number }>(ctx.database, 'select count(*)::int as n from strategy_gaps')
    expect(unchanged?.n).toBe(1)
  })
})

describe('GET /api/v1/strategy-gaps/:id/context', () => {
  it('names who took each step, the decisions behind the incidents and when verifying becomes possible', async () => {
    const made = await decision('Drop v1')
    const gap = (await openGap({ title: 'With context' })).json()
    await fileIncident(ctx.inject, ctx.teams.home, { gapId: gap.id, decisionId: made.id, discoveredAt: addDays(today, -40) })
    const tradeoffs = [{ prefer: 'one API', over: 'compatibility', forGoal: 'speed' }]
    const strategy = (
      await ctx.inject({
        method: 'POST',
        url: '/api/v1/strategies',
        payload: { title: 'One API', ownerTeamId: ctx.teams.home, tradeoffs, reviewBy: '2099-01-01' },
      })
    ).json()
    await ctx.inject({ method: 'POST', url: `/api/v1/strategies/${strategy.id}/publish`, headers: { 'if-match': '"1"' } })
    const url = `/api/v1/strategy-gaps/${gap.id}/transitions`
    await ctx.as('leader').inject({
      method: 'POST',
      url,
      headers: { 'if-match': '"1"' },
      payload: { to: 'acknowledged', ownerId: ctx.actors.leader.id },
    })
    const published = await ctx
      .as('leader')
      .inject({ method: 'POST', url, headers: { 'if-match': '"2"' }, payload: { to: 'published', strategyId: strategy.id } })
    expect(published.statusCode, published.body).toBe(200)
    const got = await get<Record<string, unknown>>('member', `/api/v1/strategy-gaps/${gap.id}/context`)
    expect(got).toMatchObject({
      people: [{ id: ctx.actors.leader.id, displayName: ctx.actors.leader.displayName }],
      strategy: { id: strategy.id, title: 'One API', status: 'published', publishedAt: today },
      decisions: [{ id: made.id, title: 'Drop v1', hasTradeoff: false, incidents: 1, weightedHarm: 12 }],
      verification: { weeks: 8, state: 'waiting', earliestAt: addDays(today, 56), lastIncidentAt: null },
    })
  })
})
