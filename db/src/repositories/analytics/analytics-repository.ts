import {
  type AnalyticsIntervalQuery,
  type AnalyticsQuery,
  type AnalyticsTopQuery,
  alignmentActionKinds,
  type DecisionClassBreakdown,
  type DiscoveryLag,
  type HarmBreakdown,
  harmKinds,
  hiddenRemainder,
  isSmallTotal,
  lagBuckets,
  type RemediationMix,
  recurrencePerMonth,
  rootCauses,
  suppressRows,
  suppressSmallCells,
  type TeamMatrix,
  type TopDecisions,
  type TopGaps,
  type Trends,
} from '@misalign/shared'
import { type SQL, sql } from 'drizzle-orm'
import { type Db, queryRows } from '../../client'
import { gapClaimsQuery } from '../gaps/gap-attribution'
import type { IncidentViewer } from '../incidents/incident-visibility'
import { factsCte, shapes } from './analytics-facts'
import { analyticsHeadline } from './analytics-headline'
import { hasIncidentFilters, periodOf, periodStart, periodsBetween, scopeCte } from './analytics-scope'

/*
 * The dashboard's numbers. Every chart sums a `facts` CTE (analytics-facts.ts): only incidents
 * the viewer may see (restricted ones are absent for outsiders), filtered as the incident list
 * filters, with the reporting team as others see it (a small team's anonymous reports count under
 * its parent) — read from the trigger-kept rollups when the filters allow, else from incidents.
 *
 * Small-group suppression (docs/decisions/011): breakdowns by reporting team — the team matrix
 * and harm by team — hide cells under 5 incidents, with complementary cells, because a small
 * count for one team can point at the few people who could have filed it. Breakdowns that do
 * not name a reporting team (root cause, channel, harm kind, decision, gap) cannot point at a
 * reporter and are shown whole; the list of incidents already shows each one to its viewers.
 */

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : null)
const num = (value: unknown) => Number(value ?? 0)

const completeTradeoff = sql`coalesce(btrim(d.tradeoff_prefer), '') <> '' and coalesce(btrim(d.tradeoff_over), '') <> ''
  and coalesce(btrim(d.tradeoff_for_goal), '') <> ''`

export function analyticsRepository(db: Db) {
  const rows = <T>(query: SQL) => queryRows<T>(db, query)

  async function trends(query: AnalyticsIntervalQuery, viewer: IncidentViewer): Promise<Trends> {
    const interval = query.interval ?? 'week'
    const incidentRows = await rows<{
      period: string
      root_cause: string
      n: number
      wh: number
    }>(sql`${factsCte(shapes.rootCause, query, viewer, ['day', 'root_cause'])}
      select ${periodOf(interval, sql`day`)}::text as period, root_cause, sum(incidents)::int as n, sum(weighted_harm)::int as wh
      from facts group by 1, 2`)
    const days = incidentRows.map((r) => r.period).sort()
    const first = query.from ?? days[0]
    // The last period's start is enough when `to` is open: the period holds every later day of it.
    const last = query.to ?? (days.length ? lastDayOf(interval, days[days.length - 1] as string) : undefined)
    if (!first || !last) return { interval, periods: [] }
    // Decisions recorded over the same days; only the owner filter applies to decisions.
    const owners = query.decisionOwnerTeamId
    const decisionRows = await rows<{ period: string; n: number }>(sql`
      select ${periodOf(interval, sql`decided_at`)}::text as period, count(*)::int as n from decisions
      where decided_at between ${first} and ${last} ${owners?.length ? sql`and owning_team_id in ${owners}` : sql``}
      group by 1`)
    const decided = new Map(decisionRows.map((r) => [r.period, r.n]))
    const byPeriod = new Map<string, Map<string, { n: number; wh: number }>>()
    for (const r of incidentRows) {
      const cells = byPeriod.get(r.period) ?? new Map()
      cells.set(r.root_cause, { n: r.n, wh: r.wh })
      byPeriod.set(r.period, cells)
    }
    const periods = periodsBetween(interval, first, last).map((period) => {
      const cells = byPeriod.get(period)
      const byRootCause = rootCauses.map((rootCause) => ({
        rootCause,
        incidents: cells?.get(rootCause)?.n ?? 0,
        weightedHarm: cells?.get(rootCause)?.wh ?? 0,
      }))
      const incidents = byRootCause.reduce((sum, c) => sum + c.incidents, 0)
      const decisionsRecorded = decided.get(period) ?? 0
      return {
        period,
        incidents,
        weightedHarm: byRootCause.reduce((sum, c) => sum + c.weightedHarm, 0),
        byRootCause,
        decisionsRecorded,
        incidentsPerDecision: ratio(incidents, decisionsRecorded),
      }
    })
    return { interval, periods }
  }

  async function teamMatrix(query: AnalyticsQuery, viewer: IncidentViewer): Promise<TeamMatrix> {
    const found = await rows<{
      owner: string | null
      team: string
      n: number
      wh: number
    }>(sql`${factsCte(shapes.teamPair, query, viewer, ['decision_owner_team_id', 'shown_team_id'])}
      select decision_owner_team_id as owner, shown_team_id as team, sum(incidents)::int as n, sum(weighted_harm)::int as wh
      from facts group by 1, 2 order by 2, 1 nulls last`)
    // Per harmed team: harm-by-team publishes each team's total, so a lone hidden cell in a
    // column could be recovered by subtraction; complementary suppression works column-wise.
    const byTeam = new Map<string, typeof found>()
    for (const r of found) byTeam.set(r.team, [...(byTeam.get(r.team) ?? []), r])
    const columns = [...byTeam.values()].map((column) => ({
      column,
      cells: suppressRows(
        column.map((r) => ({ decisionOwnerTeamId: r.owner, reportingTeamId: r.team, incidents: r.n, weightedHarm: r.wh })),
        (r) => r.incidents,
        ['incidents', 'weightedHarm'] as const,
      ),
    }))
    // Each column's total as harm-by-team publishes it (same incidents, same rule).
    const totals = suppressSmallCells(columns.map(({ column }) => ({ count: column.reduce((sum, r) => sum + r.n, 0) })))
    const otherOwners = columns.flatMap(({ column, cells }, k) => {
      const remainder = hiddenRemainder(
        column.map((r, i) => ({ incidents: r.n, weightedHarm: r.wh, suppressed: cells[i]?.suppressed ?? true })),
        totals[k]?.suppressed === false,
      )
      const team = column[0]?.team
      return remainder && team
        ? [
            {
              reportingTeamId: team,
              ownerTeams: remainder.cells,
              incidents: remainder.incidents,
              weightedHarm: remainder.weightedHarm,
            },
          ]
        : []
    })
    return { cells: columns.flatMap(({ cells }) => cells), otherOwners }
  }

  async function discoveryLag(query: AnalyticsQuery, viewer: IncidentViewer): Promise<DiscoveryLag> {
    const found = await rows<{
      channel: string
      bucket: number | null
      n: number
    }>(sql`${factsCte(shapes.lag, query, viewer, ['discovery_channel', 'lag_bucket'])}
      select discovery_channel as channel, lag_bucket as bucket, sum(incidents)::int as n from facts group by 1, 2`)
    const channels = new Map<string, { counts: number[]; unknownLag: number }>()
    for (const r of found) {
      const entry = channels.get(r.channel) ?? { counts: lagBuckets.map(() => 0), unknownLag: 0 }
      if (r.bucket === null) entry.unknownLag += r.n
      else entry.counts[r.bucket] = (entry.counts[r.bucket] ?? 0) + r.n
      channels.set(r.channel, entry)
    }
    return {
      buckets: lagBuckets.map((b) => ({ ...b })),
      channels: [...channels.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([discoveryChannel, entry]) => ({ discoveryChannel: discoveryChannel as never, ...entry })),
    }
  }

  async function harm(query: AnalyticsQuery, viewer: IncidentViewer): Promise<HarmBreakdown> {
    const sums = sql`sum(incidents)::int as n, sum(weighted_harm)::int as wh,
      sum(engineer_days_lost)::float8 as eng, sum(delay_days)::float8 as delay`
    const [teams, kinds] = await Promise.all([
      rows<{
        team: string
        n: number
        wh: number
        eng: number
        delay: number
      }>(sql`${factsCte(shapes.teamPair, query, viewer, ['shown_team_id'])}
        select shown_team_id as team, ${sums} from facts group by 1 order by 1`),
      rows<{
        kind: string
        n: number
        wh: number
        eng: number
        delay: number
      }>(sql`${factsCte(shapes.harmKind, query, viewer, ['harm_kind'])}
        select harm_kind as kind, ${sums} from facts group by 1`),
    ])
    const total = {
      incidents: teams.reduce((s, r) => s + r.n, 0),
      weightedHarm: teams.reduce((s, r) => s + r.wh, 0),
      engineerDaysLost: round1(teams.reduce((s, r) => s + num(r.eng), 0)),
      delayDays: teams.reduce((s, r) => s + num(r.delay), 0),
    }
    const measures = ['incidents', 'weightedHarm', 'engineerDaysLost', 'delayDays'] as const
    const byKind = new Map(kinds.map((k) => [k.kind, k]))
    return {
      // A total under 5 (a filter down to one small team) is as telling as a cell.
      totals: isSmallTotal(total.incidents)
        ? { incidents: null, weightedHarm: null, engineerDaysLost: null, delayDays: null, suppressed: true }
        : { ...total, suppressed: false },
      byTeam: suppressRows(
        teams.map((r) => ({
          reportingTeamId: r.team,
          incidents: r.n,
          weightedHarm: r.wh,
          engineerDaysLost: round1(num(r.eng)),
          delayDays: num(r.delay),
        })),
        (r) => r.incidents,
        measures,
      ),
      byKind: harmKinds.map((harmKind) => {
        const k = byKind.get(harmKind)
        return {
          harmKind,
          incidents: k?.n ?? 0,
          weightedHarm: k?.wh ?? 0,
          engineerDaysLost: round1(num(k?.eng)),
          delayDays: num(k?.delay),
        }
      }),
    }
  }

  type RankedRow = { id: string; n: number; wh: number; teams: number; first: string; last: string; span: number }
  /** Per decision or gap in `facts`: the sums, teams affected, and the first and last day of discovery. */
  const rankBy = (column: SQL, teams = sql`0`) => sql`select ${column} as id, sum(incidents)::int as n,
      sum(weighted_harm)::int as wh, ${teams}::int as teams, min(first_day)::text as first, max(last_day)::text as last,
      (max(last_day) - min(first_day))::int as span
    from facts where ${column} is not null group by 1`
  const ranked = (r: RankedRow) => ({
    incidents: r.n,
    weightedHarm: r.wh,
    teamsAffected: r.teams,
    recurrencePerMonth: recurrencePerMonth(r.n, r.span),
    firstDiscoveredAt: r.first,
    lastDiscoveredAt: r.last,
  })

  async function topDecisions(query: AnalyticsTopQuery, viewer: IncidentViewer): Promise<TopDecisions> {
    const found = await rows<
      RankedRow & { title: string; owner: string; strategy_bearing: boolean }
    >(sql`${factsCte(shapes.decision, query, viewer, ['decision_id'])},
      ranked as (${rankBy(sql`decision_id`)})
      select ranked.*, d.title, d.owning_team_id as owner, (${completeTradeoff}) as strategy_bearing
      from ranked join decisions d on d.id = ranked.id
      order by ranked.wh desc, ranked.n desc, ranked.id limit ${query.limit ?? 10}`)
    // Teams affected, for the few ranked decisions only: the ranking itself needs no team.
    const teams = found.length
      ? await rows<{
          id: string
          teams: number
        }>(sql`${factsCte(shapes.decisionTeam, query, viewer, ['decision_id', 'shown_team_id'])}
          select decision_id as id, count(distinct shown_team_id)::int as teams from facts
          where decision_id in ${found.map((r) => r.id)} group by 1`)
      : []
    const teamsOf = new Map(teams.map((t) => [t.id, t.teams]))
    return {
      items: found.map((r) => ({
        decisionId: r.id,
        title: r.title,
        owningTeamId: r.owner,
        decisionClass: r.strategy_bearing ? 'strategy_bearing' : 'agreement',
        ...ranked({ ...r, teams: teamsOf.get(r.id) ?? 0 }),
      })),
    }
  }

  /**
   * Gaps by the incidents that count towards them (ADR 017): those naming the gap, plus those
   * naming no gap whose decision the gap claims, resolved at read time so a change of a gap's
   * decisions shows at once.
   */
  async function topGaps(query: AnalyticsTopQuery, viewer: IncidentViewer): Promise<TopGaps> {
    const found = await rows<RankedRow & { title: string; status: string }>(sql`with facts as (
        (${factsCte(shapes.gapTeam, query, viewer, ['gap_id', 'shown_team_id'])}
          select gap_id, shown_team_id, incidents, weighted_harm, first_day, last_day from facts)
        union all
        (${factsCte(shapes.gaplessDecisionTeam, query, viewer, ['decision_id', 'shown_team_id'])}
          select claims.gap_id, facts.shown_team_id, facts.incidents, facts.weighted_harm, facts.first_day, facts.last_day
          from facts join (${gapClaimsQuery}) claims on claims.decision_id = facts.decision_id)
      ),
      ranked as (${rankBy(sql`gap_id`, sql`count(distinct shown_team_id)`)})
      select ranked.*, g.title, g.status from ranked join strategy_gaps g on g.id = ranked.id
      order by ranked.wh desc, ranked.n desc, ranked.id limit ${query.limit ?? 10}`)
    return { items: found.map((r) => ({ gapId: r.id, title: r.title, status: r.status as never, ...ranked(r) })) }
  }

  /**
   * Retro actions by when they were recorded. Actions are not incidents: the date range applies
   * to them directly, and the other filters keep actions of retros whose cluster holds at least
   * one matching incident the viewer may see.
   */
  async function remediationMix(query: AnalyticsIntervalQuery, viewer: IncidentViewer): Promise<RemediationMix> {
    const interval = query.interval ?? 'week'
    const day = sql`(a.created_at at time zone 'UTC')::date`
    const found = await rows<{ period: string; alignment: number; anti: number }>(sql`${scopeCte(query, viewer)}
      select ${periodOf(interval, day)}::text as period,
        count(*) filter (where a.kind::text in ${[...alignmentActionKinds]})::int as alignment,
        count(*) filter (where a.kind::text not in ${[...alignmentActionKinds]})::int as anti
      from actions a
      where true ${query.from ? sql`and ${day} >= ${query.from}` : sql``} ${query.to ? sql`and ${day} <= ${query.to}` : sql``}
      ${
        hasIncidentFilters(query)
          ? sql`and exists (select 1 from retros r join cluster_members cm on cm.cluster_id = r.cluster_id
              join scope on scope.id = cm.incident_id where r.id = a.retro_id)`
          : sql``
      }
      group by 1`)
    const byPeriod = new Map(found.map((r) => [r.period, r]))
    const known = found.map((r) => r.period).sort()
    const first = query.from ?? known[0]
    const last = query.to ?? known[known.length - 1]
    if (!first || !last) return { interval, periods: [] }
    return {
      interval,
      periods: periodsBetween(interval, first, last).map((period) => {
        const r = byPeriod.get(period)
        const alignment = r?.alignment ?? 0
        const antiMisalignment = r?.anti ?? 0
        return {
          period,
          alignment,
          antiMisalignment,
          antiMisalignmentShare: ratio(antiMisalignment, alignment + antiMisalignment),
        }
      }),
    }
  }

  async function decisionClasses(query: AnalyticsQuery, viewer: IncidentViewer): Promise<DecisionClassBreakdown> {
    const found = await rows<{
      class: string
      n: number
      wh: number
      decisions: number
    }>(sql`${factsCte(shapes.decision, query, viewer, ['decision_id'])},
      per_decision as (select decision_id, sum(incidents) as n, sum(weighted_harm) as wh from facts group by 1)
      select case when d.id is null then 'no_decision_record' when ${completeTradeoff} then 'strategy_bearing' else 'agreement' end as class,
        sum(n)::int as n, sum(wh)::int as wh, count(d.id)::int as decisions
      from per_decision left join decisions d on d.id = per_decision.decision_id group by 1`)
    const byClass = new Map(found.map((r) => [r.class, r]))
    const classes = ['strategy_bearing', 'agreement', 'no_decision_record'] as const
    return {
      items: classes.map((decisionClass) => {
        const r = byClass.get(decisionClass)
        return { decisionClass, incidents: r?.n ?? 0, weightedHarm: r?.wh ?? 0, decisions: r?.decisions ?? 0 }
      }),
    }
  }

  const { headline } = analyticsHeadline(db)
  return { trends, teamMatrix, discoveryLag, harm, topDecisions, topGaps, remediationMix, decisionClasses, headline }
}

const round1 = (value: number) => Math.round(value * 10) / 10

/** The last calendar day of the period starting at `start`. */
function lastDayOf(interval: 'week' | 'month', start: string): string {
  const d = new Date(`${periodStart(interval, start)}T00:00:00Z`)
  if (interval === 'week') d.setUTCDate(d.getUTCDate() + 6)
  else d.setUTCMonth(d.getUTCMonth() + 1, 0)
  return d.toISOString().slice(0, 10)
}

export type AnalyticsRepository = ReturnType<typeof analyticsRepository>
