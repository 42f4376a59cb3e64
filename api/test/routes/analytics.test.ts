import { generateOrg, writeOrg } from '@misalign/db/seed'
import { alignmentActionKinds, lagBuckets } from '@misalign/shared'
import { describe, expect, it } from 'vitest'
import { fileIncident } from '../fixtures'
import { type ActorName, useTestApp } from '../helper'
import { runSql } from '../sql'

const ctx = useTestApp()
const today = '2026-06-30'

/** The demo generator's org with 2,000 incidents, beside the test's own teams and actors. */
async function seed() {
  const org = generateOrg({ incidents: 2_000, seed: 7, today })
  await writeOrg(ctx.database, org)
  return org
}

type Filters = {
  from?: string
  to?: string
  reportingTeamId?: string[]
  decisionOwnerTeamId?: string[]
  rootCause?: string[]
  discoveryChannel?: string[]
  status?: string[]
}

const query = (filters: Filters & Record<string, unknown>) => {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined) continue
    for (const v of Array.isArray(value) ? value : [value]) search.append(key, String(v))
  }
  return search.toString() ? `?${search}` : ''
}

async function get<T>(as: ActorName, path: string, filters: Filters & Record<string, unknown> = {}): Promise<T> {
  const res = await ctx.as(as).inject({ method: 'GET', url: `/api/v1/analytics/${path}${query(filters)}` })
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as T
}

/**
 * The naive answer, written from DESIGN.md rather than from the repository: the displayed team
 * by the per-row rule, restriction by the policy's wording, filters one by one.
 */
const displayed = `case when i.anonymous and (select count(*) from memberships m join users u on u.id = m.user_id
    and u.disabled_at is null where m.team_id = i.reporting_team_id) < 5
  then coalesce((select t.parent_team_id from teams t where t.id = i.reporting_team_id), i.reporting_team_id)
  else i.reporting_team_id end`

function naiveWhere(filters: Filters, as: ActorName): { text: string; params: unknown[] } {
  const params: unknown[] = []
  const p = (value: unknown) => {
    params.push(value)
    return `$${params.length}`
  }
  const parts: string[] = ['true']
  const actor = ctx.actors[as]
  if (actor.role !== 'leader' && actor.role !== 'admin') {
    parts.push(`(not i.restricted or i.reporting_team_id = ${p(actor.teamId)} or i.reporter_id = ${p(actor.id)})`)
  }
  if (filters.from) parts.push(`i.discovered_at >= ${p(filters.from)}`)
  if (filters.to) parts.push(`i.discovered_at <= ${p(filters.to)}`)
  if (filters.reportingTeamId) parts.push(`(${displayed})::text = any(${p(filters.reportingTeamId)})`)
  if (filters.decisionOwnerTeamId) parts.push(`i.decision_owner_team_id::text = any(${p(filters.decisionOwnerTeamId)})`)
  if (filters.rootCause) parts.push(`i.root_cause::text = any(${p(filters.rootCause)})`)
  if (filters.discoveryChannel) parts.push(`i.discovery_channel::text = any(${p(filters.discoveryChannel)})`)
  if (filters.status) parts.push(`i.status::text = any(${p(filters.status)})`)
  return { text: parts.join(' and '), params }
}

async function naive<T>(filters: Filters, as: ActorName, select: (where: string) => string): Promise<T[]> {
  const where = naiveWhere(filters, as)
  return runSql<T>(ctx.database, select(where.text), where.params)
}

type Trends = {
  periods: {
    period: string
    incidents: number
    weightedHarm: number
    decisionsRecorded: number
    incidentsPerDecision: number | null
    byRootCause: { rootCause: string; incidents: number; weightedHarm: number }[]
  }[]
}
type Cell = { incidents: number | null; weightedHarm: number | null; suppressed: boolean }

async function checkTrends(filters: Filters, as: ActorName, interval: 'week' | 'month') {
  const got = await get<Trends>(as, 'trends', { ...filters, interval })
  const rows = await naive<{ period: string; root_cause: string; n: number; wh: number }>(
    filters,
    as,
    (where) => `select date_trunc('${interval}', i.discovered_at::timestamp)::date::text as period, i.root_cause,
      count(*)::int as n, sum(i.harm * i.surprise)::int as wh from incidents i where ${where} group by 1, 2`,
  )
  const cells = got.periods.flatMap((p) =>
    p.byRootCause
      .filter((c) => c.incidents > 0)
      .map((c) => ({ period: p.period, root_cause: c.rootCause, n: c.incidents, wh: c.weightedHarm })),
  )
  const order = (a: { period: string; root_cause: string }, b: { period: string; root_cause: string }) =>
    `${a.period}${a.root_cause}`.localeCompare(`${b.period}${b.root_cause}`)
  expect(cells.sort(order)).toEqual(rows.sort(order))
  for (const p of got.periods) expect(p.incidents).toBe(p.byRootCause.reduce((s, c) => s + c.incidents, 0))
  if (got.periods.length === 0) return
  const first = filters.from ?? got.periods[0]?.period
  const lastPeriod = got.periods.at(-1)?.period as string
  const last =
    filters.to ??
    (
      await runSql<{ d: string }>(
        ctx.database,
        `select (date_trunc('${interval}', $1::date::timestamp) + interval '1 ${interval}' - interval '1 day')::date::text as d`,
        [lastPeriod],
      )
    )[0]?.d
  const owners = filters.decisionOwnerTeamId
  const decided = await runSql<{ period: string; n: number }>(
    ctx.database,
    `select date_trunc('${interval}', decided_at::timestamp)::date::text as period, count(*)::int as n from decisions
     where decided_at between $1 and $2 ${owners ? 'and owning_team_id::text = any($3)' : ''} group by 1`,
    owners ? [first, last, owners] : [first, last],
  )
  const decidedBy = new Map(decided.map((r) => [r.period, r.n]))
  for (const p of got.periods) {
    expect(p.decisionsRecorded, p.period).toBe(decidedBy.get(p.period) ?? 0)
    expect(p.incidentsPerDecision).toBe(p.decisionsRecorded ? Math.round((p.incidents / p.decisionsRecorded) * 100) / 100 : null)
  }
}

/** Visible cells equal the naive count; every small cell is hidden; a group hides none or at least two. */
function checkSuppressed<T extends Cell>(got: T[], naiveCount: (cell: T) => number, groupOf: (cell: T) => string) {
  const hiddenPerGroup = new Map<string, number>()
  const sizeOfGroup = new Map<string, number>()
  for (const cell of got) {
    sizeOfGroup.set(groupOf(cell), (sizeOfGroup.get(groupOf(cell)) ?? 0) + 1)
    const expected = naiveCount(cell)
    if (cell.suppressed) {
      expect(cell.incidents).toBeNull()
      expect(cell.weightedHarm).toBeNull()
      hiddenPerGroup.set(groupOf(cell), (hiddenPerGroup.get(groupOf(cell)) ?? 0) + 1)
    } else {
      expect(cell.incidents).toBe(expected)
      expect(expected === 0 || expected >= 5).toBe(true)
    }
  }
  // One hidden cell among visible ones could be recovered from the total; a lone cell is the total.
  for (const [group, hidden] of hiddenPerGroup) expect(hidden >= 2 || hidden === sizeOfGroup.get(group)).toBe(true)
}

async function checkMatrix(filters: Filters, as: ActorName) {
  const got = await get<{
    cells: (Cell & { decisionOwnerTeamId: string | null; reportingTeamId: string })[]
    otherOwners: { reportingTeamId: string; ownerTeams: number; incidents: number; weightedHarm: number }[]
  }>(as, 'team-matrix', filters)
  const rows = await naive<{ owner: string | null; team: string; n: number; wh: number }>(
    filters,
    as,
    (where) => `select i.decision_owner_team_id::text as owner, (${displayed})::text as team, count(*)::int as n,
      sum(i.harm * i.surprise)::int as wh from incidents i where ${where} group by 1, 2`,
  )
  const key = (owner: string | null, team: string) => `${owner}|${team}`
  const byKey = new Map(rows.map((r) => [key(r.owner, r.team), r]))
  expect(got.cells.length).toBe(rows.length)
  checkSuppressed(
    got.cells,
    (c) => byKey.get(key(c.decisionOwnerTeamId, c.reportingTeamId))?.n ?? -1,
    (c) => c.reportingTeamId,
  )
  for (const c of got.cells.filter((c) => !c.suppressed)) {
    expect(c.weightedHarm).toBe(byKey.get(key(c.decisionOwnerTeamId, c.reportingTeamId))?.wh)
  }
  // "Other owner teams": a column's hidden cells together, only as the column total (published
  // by harm-by-team) minus its shown cells, at least two of them and at least 5 incidents.
  const harm = await get<{ byTeam: (Cell & { reportingTeamId: string })[] }>(as, 'harm', filters)
  for (const other of got.otherOwners) {
    const column = got.cells.filter((c) => c.reportingTeamId === other.reportingTeamId)
    const hidden = column.filter((c) => c.suppressed)
    const total = harm.byTeam.find((t) => t.reportingTeamId === other.reportingTeamId)
    expect(total?.suppressed).toBe(false)
    expect(other.ownerTeams).toBe(hidden.length)
    expect(other.ownerTeams).toBeGreaterThanOrEqual(2)
    expect(other.incidents).toBeGreaterThanOrEqual(5)
    const shown = column.filter((c) => !c.suppressed).reduce((sum, c) => sum + (c.incidents ?? 0), 0)
    expect(other.incidents).toBe((total?.incidents ?? 0) - shown)
    const naiveHidden = hidden.map((c) => byKey.get(key(c.decisionOwnerTeamId, c.reportingTeamId)))
    expect(other.weightedHarm).toBe(naiveHidden.reduce((sum, r) => sum + (r?.wh ?? 0), 0))
  }
  // And every column that could have one has it.
  for (const total of harm.byTeam.filter((t) => !t.suppressed)) {
    const hidden = got.cells.filter((c) => c.reportingTeamId === total.reportingTeamId && c.suppressed)
    const sum = hidden.reduce((s, c) => s + (byKey.get(key(c.decisionOwnerTeamId, c.reportingTeamId))?.n ?? 0), 0)
    const expected = hidden.length >= 2 && sum >= 5
    expect(got.otherOwners.some((o) => o.reportingTeamId === total.reportingTeamId)).toBe(expected)
  }
  return got
}

async function checkLag(filters: Filters, as: ActorName) {
  const got = await get<{ channels: { discoveryChannel: string; counts: number[]; unknownLag: number }[] }>(
    as,
    'discovery-lag',
    filters,
  )
  const rows = await naive<{ channel: string; lag: number | null; n: number }>(
    filters,
    as,
    (
      where,
    ) => `select i.discovery_channel::text as channel, case when d.id is not null then greatest(0, i.discovered_at - d.decided_at) end as lag, count(*)::int as n
      from incidents i left join decisions d on d.id = i.decision_id where ${where} group by 1, 2`,
  )
  const expected = new Map<string, { counts: number[]; unknownLag: number }>()
  for (const r of rows) {
    const e = expected.get(r.channel) ?? { counts: lagBuckets.map(() => 0), unknownLag: 0 }
    if (r.lag === null) e.unknownLag += r.n
    else {
      const bucket = lagBuckets.findIndex((b) => b.maxDays === null || (r.lag as number) <= b.maxDays)
      e.counts[bucket] = (e.counts[bucket] ?? 0) + r.n
    }
    expected.set(r.channel, e)
  }
  expect(Object.fromEntries(got.channels.map(({ discoveryChannel, ...rest }) => [discoveryChannel, rest]))).toEqual(
    Object.fromEntries(expected),
  )
}

async function checkHarm(filters: Filters, as: ActorName) {
  type Harm = {
    totals: Cell & { engineerDaysLost: number | null; delayDays: number | null }
    byTeam: (Cell & { reportingTeamId: string; engineerDaysLost: number | null; delayDays: number | null })[]
    byKind: { harmKind: string; incidents: number; weightedHarm: number; engineerDaysLost: number; delayDays: number }[]
  }
  const got = await get<Harm>(as, 'harm', filters)
  const teams = await naive<{ team: string; n: number; wh: number; eng: number; delay: number }>(
    filters,
    as,
    (where) => `select (${displayed})::text as team, count(*)::int as n, sum(i.harm * i.surprise)::int as wh,
      coalesce(sum(i.engineer_days_lost), 0)::float8 as eng, coalesce(sum(i.delay_days), 0)::int as delay
      from incidents i where ${where} group by 1`,
  )
  const byTeam = new Map(teams.map((r) => [r.team, r]))
  expect(got.byTeam.length).toBe(teams.length)
  checkSuppressed(
    got.byTeam,
    (c) => byTeam.get(c.reportingTeamId)?.n ?? -1,
    () => 'all',
  )
  for (const c of got.byTeam.filter((c) => !c.suppressed)) {
    const r = byTeam.get(c.reportingTeamId)
    expect([c.weightedHarm, c.engineerDaysLost, c.delayDays]).toEqual([r?.wh, Math.round((r?.eng ?? 0) * 10) / 10, r?.delay])
  }
  const total = teams.reduce((s, r) => s + r.n, 0)
  if (total > 0 && total < 5) expect(got.totals).toMatchObject({ incidents: null, suppressed: true })
  else expect(got.totals.incidents).toBe(total)
  const kinds = await naive<{ kind: string; n: number; wh: number; eng: number; delay: number }>(
    filters,
    as,
    (where) => `select k::text as kind, count(*)::int as n, sum(i.harm * i.surprise)::int as wh,
      coalesce(sum(i.engineer_days_lost), 0)::float8 as eng, coalesce(sum(i.delay_days), 0)::int as delay
      from incidents i cross join lateral unnest(i.harm_kinds) as k where ${where} group by 1`,
  )
  for (const k of got.byKind) {
    const r = kinds.find((x) => x.kind === k.harmKind)
    expect([k.incidents, k.weightedHarm, k.engineerDaysLost, k.delayDays]).toEqual([
      r?.n ?? 0,
      r?.wh ?? 0,
      Math.round((r?.eng ?? 0) * 10) / 10,
      r?.delay ?? 0,
    ])
  }
}

async function checkTop(filters: Filters, as: ActorName, kind: 'decision' | 'gap') {
  const path = kind === 'decision' ? 'top-decisions' : 'top-strategy-gaps'
  type Item = { incidents: number; weightedHarm: number; teamsAffected: number; recurrencePerMonth: number }
  const got = await get<{ items: (Item & { decisionId?: string; gapId?: string })[] }>(as, path, { ...filters, limit: 50 })
  // An incident counts towards the gap it names, else the gap that named its decision first (ADR 017).
  const column =
    kind === 'decision'
      ? 'i.decision_id'
      : `coalesce(i.gap_id, (select gd.gap_id from strategy_gap_decisions gd where gd.decision_id = i.decision_id
          order by gd.created_at, gd.gap_id limit 1))`
  const rows = await naive<{ id: string; n: number; wh: number; teams: number; span: number }>(
    filters,
    as,
    (where) => `select ${column}::text as id, count(*)::int as n, sum(i.harm * i.surprise)::int as wh,
      count(distinct ${displayed})::int as teams, (max(i.discovered_at) - min(i.discovered_at))::int as span
      from incidents i where ${where} and ${column} is not null group by 1
      order by wh desc, n desc, id limit 50`,
  )
  expect(
    got.items.map((item) => ({
      id: item.decisionId ?? item.gapId,
      n: item.incidents,
      wh: item.weightedHarm,
      teams: item.teamsAffected,
    })),
  ).toEqual(rows.map(({ span: _, ...rest }) => rest))
  rows.forEach((r, index) => {
    const months = Math.max(1, r.span / 30.4375)
    expect(got.items[index]?.recurrencePerMonth).toBeCloseTo(r.n / months, 2)
  })
}

async function checkDecisionClasses(filters: Filters, as: ActorName) {
  const got = await get<{ items: { decisionClass: string; incidents: number; weightedHarm: number }[] }>(
    as,
    'decision-classes',
    filters,
  )
  const rows = await naive<{ class: string; n: number; wh: number }>(
    filters,
    as,
    (where) => `select case when d.id is null then 'no_decision_record'
        when d.tradeoff_prefer is not null then 'strategy_bearing' else 'agreement' end as class,
      count(*)::int as n, sum(i.harm * i.surprise)::int as wh
      from incidents i left join decisions d on d.id = i.decision_id where ${where} group by 1`,
  )
  for (const item of got.items) {
    const r = rows.find((x) => x.class === item.decisionClass)
    expect([item.incidents, item.weightedHarm], item.decisionClass).toEqual([r?.n ?? 0, r?.wh ?? 0])
  }
}

async function checkRemediation(filters: Filters) {
  const got = await get<{ periods: { period: string; alignment: number; antiMisalignment: number }[] }>(
    'admin',
    'remediation-mix',
    {
      from: filters.from,
      to: filters.to,
      interval: 'month',
    } as Filters,
  )
  const day = `(created_at at time zone 'UTC')::date`
  const where = [filters.from ? `${day} >= '${filters.from}'` : 'true', filters.to ? `${day} <= '${filters.to}'` : 'true']
  const rows = await runSql<{ period: string; alignment: number; anti: number }>(
    ctx.database,
    `select date_trunc('month', (created_at at time zone 'UTC')::date::timestamp)::date::text as period,
       count(*) filter (where kind::text = any($1))::int as alignment, count(*) filter (where not kind::text = any($1))::int as anti
     from actions where ${where.join(' and ')} group by 1`,
    [[...alignmentActionKinds]],
  )
  const nonEmpty = got.periods.filter((p) => p.alignment + p.antiMisalignment > 0)
  expect(nonEmpty.map((p) => ({ period: p.period, alignment: p.alignment, anti: p.antiMisalignment }))).toEqual(
    rows.sort((a, b) => a.period.localeCompare(b.period)),
  )
}

describe('GET /api/v1/analytics/*', () => {
  it('equals a naive GROUP BY over the incidents for every endpoint, filter set and viewer', async () => {
    const org = await seed()
    const small = org.planted.smallTeamIds[0] as string
    const smallParent = org.teams.find((t) => t.id === small)?.parentTeamId as string
    const hot = org.planted.hotTeamPairs[0]
    const filterSets: Filters[] = [
      {},
      { from: '2026-04-01', to: '2026-06-29' },
      { rootCause: ['missing_strategy', 'hidden_decision'], status: ['open', 'resolved'] },
      { reportingTeamId: [smallParent, hot?.reportingTeamId as string], from: '2025-10-01' },
      { decisionOwnerTeamId: [hot?.ownerTeamId as string], discoveryChannel: ['code_review', 'planning', 'chat'] },
      // Filters each rollup can apply itself (analytics-facts.ts), rather than falling back to incidents.
      { rootCause: ['agreement_without_why'], from: '2026-01-05' },
      { discoveryChannel: ['chat', 'launch'], to: '2026-05-31' },
      { decisionOwnerTeamId: [hot?.ownerTeamId as string] },
    ]
    // An admin sees every restricted incident, a member those of their team and their own, an outsider none.
    for (let i = 0; i < 3; i++) await fileIncident(ctx.as('lead').inject, ctx.teams.home, { restricted: true })
    await fileIncident(ctx.as('member').inject, ctx.teams.away, { restricted: true })
    let otherOwnerCells = 0
    for (const as of ['admin', 'member', 'outsider'] as const) {
      for (const filters of filterSets) {
        await checkTrends(filters, as, 'week')
        await checkTrends(filters, as, 'month')
        otherOwnerCells += (await checkMatrix(filters, as)).otherOwners.length
        await checkLag(filters, as)
        await checkHarm(filters, as)
        await checkTop(filters, as, 'decision')
        await checkTop(filters, as, 'gap')
        await checkDecisionClasses(filters, as)
      }
    }
    expect(otherOwnerCells).toBeGreaterThan(0)
    await checkRemediation({})
    await checkRemediation({ from: '2026-01-01', to: '2026-06-29' })
  }, 300_000)

  it('counts top strategy gaps through the decisions behind them, as the naive recompute does', async () => {
    const org = await seed()
    // Each gap names two decisions; neighbouring gaps share one, which counts towards the gap that named it first.
    await runSql(
      ctx.database,
      `insert into strategy_gap_decisions (gap_id, decision_id, created_at)
        select g.id, d.id, now() - (g.k + d.k) * interval '1 minute'
        from (select id, row_number() over (order by id) as k from strategy_gaps) g
        join (select id, row_number() over (order by id) as k from decisions) d on d.k in (g.k, g.k + 1)`,
    )
    const hot = org.planted.hotTeamPairs[0]
    const filterSets: Filters[] = [
      {},
      { from: '2026-04-01', to: '2026-06-29' },
      { reportingTeamId: [hot?.reportingTeamId as string] },
      { rootCause: ['missing_strategy', 'hidden_decision'] },
    ]
    await fileIncident(ctx.as('lead').inject, ctx.teams.home, { restricted: true })
    for (const as of ['admin', 'member', 'outsider'] as const) {
      for (const filters of filterSets) await checkTop(filters, as, 'gap')
    }
    const [through] = await runSql<{ n: number }>(
      ctx.database,
      `select count(*)::int as n from incidents i join strategy_gap_decisions gd on gd.decision_id = i.decision_id
        where i.gap_id is null`,
    )
    expect(through?.n).toBeGreaterThan(0)
  }, 120_000)

  it('leaves restricted incidents out of every count for an outsider, and counts them for their team', async () => {
    const home = ctx.teams.home
    for (let i = 0; i < 6; i++) await fileIncident(ctx.as('member').inject, home, { restricted: true, harm: 5, surprise: 5 })
    const filters = { reportingTeamId: [home] }
    for (const path of ['trends', 'team-matrix', 'harm', 'discovery-lag', 'decision-classes']) {
      const outsider = JSON.stringify(await get('outsider', path, filters))
      const lead = JSON.stringify(await get('lead', path, filters))
      expect(outsider, path).not.toMatch(/"(incidents|unknownLag)":[1-9]/)
      expect(lead, path).toMatch(/"(incidents|unknownLag)":6/)
    }
    const seen = await get<{ totals: { incidents: number | null } }>('outsider', 'harm')
    expect(seen.totals.incidents).toBe(0)
  })

  it('hides small reporting-team cells and their complements, and a small total', async () => {
    const { home, away } = ctx.teams
    for (let i = 0; i < 7; i++) await fileIncident(ctx.inject, home)
    for (let i = 0; i < 2; i++) await fileIncident(ctx.inject, away)
    const harm = await get<{ byTeam: (Cell & { reportingTeamId: string })[] }>('member', 'harm')
    // Away's 2 would be recoverable as total − home, so home is hidden too.
    expect(harm.byTeam.every((c) => c.suppressed && c.incidents === null && c.weightedHarm === null)).toBe(true)
    const one = await get<{ totals: Cell }>('member', 'harm', { reportingTeamId: [away] })
    expect(one.totals).toMatchObject({ incidents: null, weightedHarm: null, suppressed: true })
    const matrix = await get<{ cells: Cell[] }>('member', 'team-matrix')
    expect(matrix.cells.filter((c) => c.suppressed)).toHaveLength(1)
  })

  it('rejects an unknown filter rather than counting everything', async () => {
    const res = await ctx.inject({ method: 'GET', url: '/api/v1/analytics/trends?rootcause=unknown' })
    expect(res.statusCode).toBe(400)
  })
})
