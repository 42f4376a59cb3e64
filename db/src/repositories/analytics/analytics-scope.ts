import { type AnalyticsInterval, type AnalyticsQuery, addDays, utcDay } from '@misalign/shared'
import { and, gte, inArray, lte, type SQL, sql } from 'drizzle-orm'
import { incidents } from '../../schema/index'
import { type IncidentViewer, shownTeamFor, visibleTo } from '../incidents/incident-visibility'

/**
 * The team each reporting team shows as on an anonymous report (the rule of `displayedTeamId`),
 * computed once per query for the few dozen teams instead of once per incident row.
 */
export const shownTeamsCte = sql`select t.id, ${shownTeamFor(sql`t.id`)} as small_shown from teams t`

/** The displayed reporting team of the incident row in scope (see `displayedTeamId`). */
const shownTeamId = sql`case when ${incidents.anonymous} then shown.small_shown else ${incidents.reportingTeamId} end`

/** Filters the incident list also takes, with the reporting team as others see it. */
export function analyticsFilters(query: AnalyticsQuery): SQL | undefined {
  return and(
    query.reportingTeamId?.length ? sql`${shownTeamId} in ${query.reportingTeamId}` : undefined,
    query.decisionOwnerTeamId?.length ? inArray(incidents.decisionOwnerTeamId, query.decisionOwnerTeamId) : undefined,
    query.rootCause?.length ? inArray(incidents.rootCause, query.rootCause) : undefined,
    query.status?.length ? inArray(incidents.status, query.status) : undefined,
    query.discoveryChannel?.length ? inArray(incidents.discoveryChannel, query.discoveryChannel) : undefined,
    query.from ? gte(incidents.discoveredAt, query.from) : undefined,
    query.to ? lte(incidents.discoveredAt, query.to) : undefined,
  )
}

/** Any filter beyond the date range: used where a filter narrows something other than incidents. */
export const hasIncidentFilters = (query: AnalyticsQuery) =>
  Boolean(
    query.reportingTeamId?.length ||
      query.decisionOwnerTeamId?.length ||
      query.rootCause?.length ||
      query.status?.length ||
      query.discoveryChannel?.length,
  )

/**
 * `with shown as (…), scope as (…)`: the incidents this viewer may see (restricted ones only
 * for those allowed, via `visibleTo`) that match the filters, with the displayed reporting
 * team. Only the columns the charts read, so Postgres can skip the wide text columns.
 * `shown` is materialized: inlined, its member count would run once per incident row.
 */
export function scopeCte(query: AnalyticsQuery, viewer: IncidentViewer): SQL {
  return sql`with shown as materialized (${shownTeamsCte}),
  scope as (
    select ${incidents.id} as id, ${incidents.discoveredAt} as discovered_at, ${incidents.rootCause} as root_cause,
      ${incidents.discoveryChannel} as discovery_channel, ${incidents.status} as status,
      ${incidents.decisionOwnerTeamId} as decision_owner_team_id, ${incidents.decisionId} as decision_id,
      ${incidents.gapId} as gap_id, ${incidents.weightedHarm} as weighted_harm, ${incidents.harmKinds} as harm_kinds,
      ${incidents.engineerDaysLost} as engineer_days_lost, ${incidents.delayDays} as delay_days,
      ${shownTeamId} as shown_team_id
    from ${incidents} join shown on shown.id = ${incidents.reportingTeamId}
    where ${and(visibleTo(viewer), analyticsFilters(query)) ?? sql`true`}
  )`
}

/** date_trunc on a calendar day, as a calendar day (weeks start on Monday, ISO 8601). */
export const periodOf = (interval: AnalyticsInterval, column: SQL) => sql`date_trunc(${interval}, (${column})::timestamp)::date`

const parseDay = (day: string) => Date.parse(`${day}T00:00:00Z`)

/** The first day of the week (Monday) or month a calendar day falls in. */
export function periodStart(interval: AnalyticsInterval, day: string): string {
  if (interval === 'month') return `${day.slice(0, 7)}-01`
  const ms = parseDay(day)
  const weekday = (new Date(ms).getUTCDay() + 6) % 7
  return addDays(day, -weekday)
}

/** Every period from the one holding `first` to the one holding `last`, so a chart has no holes. */
export function periodsBetween(interval: AnalyticsInterval, first: string, last: string): string[] {
  const out: string[] = []
  let current = periodStart(interval, first)
  const end = periodStart(interval, last)
  // A guard against a pathological range (years of weeks) turning into an enormous answer.
  while (current <= end && out.length < 2_000) {
    out.push(current)
    if (interval === 'week') current = addDays(current, 7)
    else {
      const d = new Date(parseDay(current))
      d.setUTCMonth(d.getUTCMonth() + 1)
      current = utcDay(d)
    }
  }
  return out
}
