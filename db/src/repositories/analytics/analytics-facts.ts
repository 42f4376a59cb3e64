import type { AnalyticsQuery } from '@misalign/shared'
import { rolesSeeingAllRestricted } from '@misalign/shared'
import { and, gte, lte, type SQL, sql } from 'drizzle-orm'
import { incidents } from '../../schema/index'
import { type IncidentViewer, visibleTo } from '../incidents/incident-visibility'
import { analyticsFilters, shownTeamsCte } from './analytics-scope'

/*
 * Where a chart's numbers come from (docs/decisions/011, 021). Every chart reads a `facts` CTE of one
 * shape: a few dimensions and summed measures. When every filter of the request is on the
 * shape's dimensions, facts come from the daily rollup (read with its pending deltas, ADR 021): whole for leaders and admins
 * (who see every restricted incident); for everyone else its unrestricted rows plus the
 * restricted incidents they may see, aggregated on the spot from a small partial index.
 * Otherwise facts are aggregated from the visible, filtered incidents. Either way the answer is
 * the same; only the cost differs, and the tests hold both paths to the naive GROUP BY.
 */

type Filter = keyof Omit<AnalyticsQuery, 'from' | 'to'>

export interface FactShape {
  /** The rollup as read: folded rows plus pending deltas (migrations 0006, 0009 and 0012). */
  table: string
  /** Fact column → its value on an incident row (`incidents`, with `d` its decision when `joinDecision`). */
  dims: Record<string, SQL>
  /** Fact column → its aggregate over incident rows; the rollup column of the same name holds it summed. */
  measures: Record<string, SQL>
  /** Filters the rollup can apply: those on its dimensions (dates are always there). */
  serves: readonly Filter[]
  /** Extra FROM clause on the incidents side (a join or an unnest). */
  joins?: SQL
  /** Which incident rows belong to the rollup at all. */
  only?: SQL
}

const count = sql`count(*)::int`
const weightedHarm = sql`sum(${incidents.weightedHarm})::bigint`
const harmMeasures = {
  incidents: count,
  weighted_harm: weightedHarm,
  engineer_days_lost: sql`coalesce(sum(${incidents.engineerDaysLost}), 0)`,
  delay_days: sql`coalesce(sum(${incidents.delayDays}), 0)::bigint`,
}
const reporting = { reporting_team_id: sql`${incidents.reportingTeamId}`, anonymous: sql`${incidents.anonymous}` }
const day = sql`${incidents.discoveredAt}`

export const shapes = {
  rootCause: {
    table: 'analytics_root_cause_days_exact',
    dims: { day, ...reporting, root_cause: sql`${incidents.rootCause}` },
    measures: { incidents: count, weighted_harm: weightedHarm },
    serves: ['reportingTeamId', 'rootCause'],
  },
  teamPair: {
    table: 'analytics_team_pair_days_exact',
    dims: { day, ...reporting, decision_owner_team_id: sql`${incidents.decisionOwnerTeamId}` },
    measures: harmMeasures,
    serves: ['reportingTeamId', 'decisionOwnerTeamId'],
  },
  harmKind: {
    table: 'analytics_harm_kind_days_exact',
    dims: { day, ...reporting, harm_kind: sql`kind` },
    measures: harmMeasures,
    serves: ['reportingTeamId'],
    joins: sql`cross join unnest(${incidents.harmKinds}) as kind`,
  },
  lag: {
    table: 'analytics_lag_days_exact',
    dims: {
      day,
      discovery_channel: sql`${incidents.discoveryChannel}`,
      lag_bucket: sql`analytics_lag_bucket(${incidents.discoveredAt} - d.decided_at)`,
    },
    measures: { incidents: count },
    serves: ['discoveryChannel'],
    joins: sql`left join decisions d on d.id = ${incidents.decisionId}`,
  },
  decision: {
    table: 'analytics_decision_days_exact',
    dims: { day, decision_id: sql`${incidents.decisionId}` },
    measures: { incidents: count, weighted_harm: weightedHarm },
    serves: [],
  },
  decisionTeam: {
    table: 'analytics_decision_team_days_exact',
    dims: { decision_id: sql`${incidents.decisionId}`, day, ...reporting },
    measures: { incidents: count, weighted_harm: weightedHarm },
    serves: ['reportingTeamId'],
    only: sql`${incidents.decisionId} is not null`,
  },
  gapTeam: {
    table: 'analytics_gap_team_days_exact',
    dims: { gap_id: sql`${incidents.gapId}`, day, ...reporting },
    measures: { incidents: count, weighted_harm: weightedHarm },
    serves: ['reportingTeamId'],
    only: sql`${incidents.gapId} is not null`,
  },
  /** Incidents that name no gap but a decision: they count towards the gap behind it (ADR 017). */
  gaplessDecisionTeam: {
    table: 'analytics_gapless_decision_team_days_exact',
    dims: { decision_id: sql`${incidents.decisionId}`, day, ...reporting },
    measures: { incidents: count, weighted_harm: weightedHarm },
    serves: ['reportingTeamId'],
    only: sql`${incidents.gapId} is null and ${incidents.decisionId} is not null`,
  },
} satisfies Record<string, FactShape>

const filterNames: readonly Filter[] = ['reportingTeamId', 'decisionOwnerTeamId', 'rootCause', 'status', 'discoveryChannel']

/** Can the rollup answer this request: is every filter given on its dimensions? */
export function rollupServes(shape: FactShape, query: AnalyticsQuery): boolean {
  return filterNames.every((name) => !query[name]?.length || shape.serves.includes(name))
}

/** The displayed reporting team of a fact row (the small-team rule of `displayedTeamId`). */
const shownOf = (anonymous: SQL, reportingTeam: SQL) =>
  sql`case when ${anonymous} then shown.small_shown else ${reportingTeam} end`

const ident = (name: string) => sql.identifier(name)
const commaList = (parts: SQL[]) => sql.join(parts, sql`, `)

/** What the chart needs from facts: some of the shape's dimensions, and maybe the displayed team. */
export type Keep<S extends FactShape> = readonly (
  | Exclude<keyof S['dims'] & string, 'reporting_team_id' | 'anonymous'>
  | ('reporting_team_id' extends keyof S['dims'] ? 'shown_team_id' : never)
)[]

interface Plan {
  /** Dimensions grouped on each side (the raw reporting team when a displayed team is needed). */
  groups: string[]
  /** Whether facts carry `first_day`/`last_day` in place of `day`. */
  spans: boolean
}

function planOf(shape: FactShape, query: AnalyticsQuery, keep: readonly string[]): Plan {
  // A shape without the reporting team never serves its filter: incidents apply it (`analyticsFilters`).
  const needsTeam =
    'reporting_team_id' in shape.dims && (keep.includes('shown_team_id') || Boolean(query.reportingTeamId?.length))
  const groups = keep.filter((name) => name !== 'shown_team_id')
  if (needsTeam) groups.push('reporting_team_id', 'anonymous')
  return { groups, spans: !keep.includes('day') && 'day' in shape.dims }
}

/** Incident rows aggregated into the plan's groups. */
function fromIncidents(shape: FactShape, plan: Plan, where: SQL | undefined): SQL {
  const selected = [
    ...plan.groups.map((name) => sql`${shape.dims[name]} as ${ident(name)}`),
    ...Object.entries(shape.measures).map(([name, value]) => sql`${value} as ${ident(name)}`),
    ...(plan.spans ? [sql`min(${incidents.discoveredAt}) as first_day, max(${incidents.discoveredAt}) as last_day`] : []),
  ]
  const groupBy = plan.groups.length ? sql`group by ${sql.raw(plan.groups.map((_, i) => String(i + 1)).join(', '))}` : sql``
  // `shown` is joined for the reporting-team filter of `analyticsFilters`.
  return sql`select ${commaList(selected)}
    from ${incidents} join shown on shown.id = ${incidents.reportingTeamId} ${shape.joins ?? sql``}
    where ${and(shape.only, where) ?? sql`true`} ${groupBy}`
}

/** The rollup's rows in the date range and the filters it serves (but the team), summed into the plan's groups. */
function fromRollup(shape: FactShape, plan: Plan, query: AnalyticsQuery, withRestricted: boolean): SQL {
  const selected = [
    ...plan.groups.map((name) => sql`r.${ident(name)}`),
    ...Object.keys(shape.measures).map((name) => sql`sum(r.${ident(name)}) as ${ident(name)}`),
    ...(plan.spans ? [sql`min(r.day) as first_day, max(r.day) as last_day`] : []),
  ]
  const where = and(
    withRestricted ? undefined : sql`not r.restricted`,
    query.from ? sql`r.day >= ${query.from}` : undefined,
    query.to ? sql`r.day <= ${query.to}` : undefined,
    query.rootCause?.length ? sql`r.root_cause in ${query.rootCause}` : undefined,
    query.decisionOwnerTeamId?.length ? sql`r.decision_owner_team_id in ${query.decisionOwnerTeamId}` : undefined,
    query.discoveryChannel?.length ? sql`r.discovery_channel in ${query.discoveryChannel}` : undefined,
  )
  const groupBy = plan.groups.length ? sql`group by ${commaList(plan.groups.map((name) => sql`r.${ident(name)}`))}` : sql``
  return sql`select ${commaList(selected)} from ${ident(shape.table)} r where ${where ?? sql`true`} ${groupBy}`
}

/**
 * `with shown as (…), facts as (…)` for one shape, this viewer and these filters, grouped by the
 * dimensions in `keep` (fewer groups, less to sum). Facts hold the kept dimensions, `shown_team_id`
 * when kept, the shape's measures summed, and — when `day` is not kept — `first_day`/`last_day`.
 * Grouping before the displayed team is worked out keeps that join to a few thousand rows.
 */
export function factsCte<S extends FactShape>(shape: S, query: AnalyticsQuery, viewer: IncidentViewer, keep: Keep<S>): SQL {
  const plan = planOf(shape, query, keep)
  const dateRange = and(
    query.from ? gte(incidents.discoveredAt, query.from) : undefined,
    query.to ? lte(incidents.discoveredAt, query.to) : undefined,
  )
  const seesAllRestricted = rolesSeeingAllRestricted.includes(viewer.role)
  const grouped = !rollupServes(shape, query)
    ? fromIncidents(shape, plan, and(visibleTo(viewer), analyticsFilters(query)))
    : seesAllRestricted
      ? fromRollup(shape, plan, query, true)
      : sql`${fromRollup(shape, plan, query, false)}
        union all
        ${fromIncidents(shape, plan, and(sql`${incidents.restricted}`, visibleTo(viewer), dateRange, analyticsFilters(query)))}`
  const byTeam = plan.groups.includes('reporting_team_id')
  const shown = shownOf(sql`g.anonymous`, sql`g.reporting_team_id`)
  const columns = [
    ...keep.map((name) => (name === 'shown_team_id' ? sql`${shown} as shown_team_id` : sql`g.${ident(name)}`)),
    ...Object.keys(shape.measures).map((name) => sql`g.${ident(name)}`),
    ...(plan.spans ? [sql`g.first_day, g.last_day`] : []),
  ]
  const facts = sql`select ${commaList(columns)} from (${grouped}) g
    ${byTeam ? sql`join shown on shown.id = g.reporting_team_id` : sql``}
    ${byTeam && query.reportingTeamId?.length ? sql`where ${shown} in ${query.reportingTeamId}` : sql``}`
  return sql`with shown as materialized (${shownTeamsCte}), facts as (${facts})`
}
