import { type AnalyticsInterval, type AnalyticsQuery, addDays } from '@misalign/shared'
import { filtersFromSearch, type IncidentFilters, incidentListHref } from '../../lib/incident-filters'
import { formatDay } from '../../lib/labels'

/**
 * The dashboard reads the incident list's URL vocabulary (from, to, teams, root cause, status,
 * channel), so a dashboard link and the list it drills into mean the same thing. Two words are
 * the dashboard's own: `range` (a rolling window, used when no dates are given) and `interval`.
 */

export const dashboardRanges = [
  { value: '30d', label: 'Last 30 days', days: 30 },
  { value: '90d', label: 'Last 90 days', days: 90 },
  { value: '365d', label: 'Last 12 months', days: 365 },
  { value: 'all', label: 'All time', days: null },
] as const
export type DashboardRange = (typeof dashboardRanges)[number]['value'] | 'custom'
export const defaultRange = '90d'

/** Filters the analytics API takes; the list's search, decision and gap filters stay with the list. */
const analyticsKeys = ['reportingTeamId', 'decisionOwnerTeamId', 'rootCause', 'status', 'discoveryChannel'] as const
const listOnlyKeys = ['q', 'decisionId', 'gapId'] as const

export interface DashboardView {
  /** What every chart asks for: the URL's filters with the rolling range turned into dates. */
  filters: AnalyticsQuery
  range: DashboardRange
  interval: AnalyticsInterval
  /** Whether the interval came from the URL rather than from the length of the range. */
  isIntervalChosen: boolean
  /** List-only filters found in the URL, which the charts cannot apply. */
  ignored: string[]
}

export function viewFromSearch(search: URLSearchParams, today: string): DashboardView {
  const parsed = filtersFromSearch(search)
  const filters: AnalyticsQuery = {}
  for (const key of analyticsKeys) {
    const values = parsed[key]
    if (values?.length) (filters as Record<string, unknown>)[key] = values
  }
  let range: DashboardRange
  if (parsed.from || parsed.to) {
    range = 'custom'
    if (parsed.from) filters.from = parsed.from
    if (parsed.to) filters.to = parsed.to
  } else {
    const chosen = dashboardRanges.find((r) => r.value === search.get('range')) ?? rangeOf(defaultRange)
    range = chosen.value
    if (chosen.days !== null) {
      filters.from = addDays(today, -(chosen.days - 1))
      filters.to = today
    }
  }
  const asked = search.get('interval')
  const isIntervalChosen = asked === 'week' || asked === 'month'
  const interval: AnalyticsInterval = isIntervalChosen ? (asked as AnalyticsInterval) : naturalInterval(filters)
  return { filters, range, interval, isIntervalChosen, ignored: listOnlyKeys.filter((k) => parsed[k]) }
}

const rangeOf = (value: string) => dashboardRanges.find((r) => r.value === value) ?? dashboardRanges[1]

/** Weeks while there are few enough to read (about four months), months beyond. */
function naturalInterval(filters: AnalyticsQuery): AnalyticsInterval {
  if (!filters.from || !filters.to) return 'month'
  const days = (Date.parse(filters.to) - Date.parse(filters.from)) / 86_400_000
  return days <= 126 ? 'week' : 'month'
}

/** The last day of the week (Monday start) or month that begins on `start`. */
export function periodEnd(interval: AnalyticsInterval, start: string): string {
  if (interval === 'week') return addDays(start, 6)
  const d = new Date(`${start}T00:00:00Z`)
  d.setUTCMonth(d.getUTCMonth() + 1, 0)
  return d.toISOString().slice(0, 10)
}

/**
 * The incident list behind one mark: the dashboard's filters plus the mark's own. A period is
 * clipped to the filtered range, since the first and last periods can be partly outside it.
 */
export function drillHref(
  filters: AnalyticsQuery,
  mark: Omit<IncidentFilters, 'from' | 'to' | 'q'> & { period?: { start: string; end: string } },
): string {
  const { period, ...own } = mark
  const merged: IncidentFilters = { ...filters, ...own }
  if (period) {
    merged.from = filters.from && filters.from > period.start ? filters.from : period.start
    merged.to = filters.to && filters.to < period.end ? filters.to : period.end
  }
  return incidentListHref(merged)
}

/** The rolling range written as dates, for the words above the charts. */
export function describeRange(view: DashboardView): string {
  const { from, to } = view.filters
  if (!from && !to) return 'all time'
  if (from && to) return `${formatDay(from)} to ${formatDay(to)}`
  return from ? `from ${formatDay(from)}` : `until ${formatDay(to)}`
}
