import {
  type IncidentDecisionClass,
  type IncidentStatus,
  type LagBucketKey,
  lagBuckets,
  type RootCause,
  type StrategyStatus,
} from '@misalign/shared'

/** The words of the report form live in shared: Slack's filing modal says the same. */
export { discoveryChannelLabels, harmKindLabels, harmWords, surpriseWords } from '@misalign/shared'

/** Plain words for the enumerations of DESIGN.md, so no screen shows a snake_case value. */
export const rootCauseLabels: Record<RootCause, { label: string; meaning: string }> = {
  missing_strategy: { label: 'Missing strategy', meaning: 'No stated strategy or priority would have let us predict it' },
  stale_strategy: {
    label: 'Stale strategy',
    meaning: 'A strategy existed, but priorities changed and the change was not re-shared',
  },
  agreement_without_why: {
    label: 'Agreement without a why',
    meaning: 'The decision was an agreement without its tradeoff, so we could not generalise from it',
  },
  hidden_decision: { label: 'Hidden decision', meaning: 'The decision was made where we could not discover it in time' },
  conflicting_priorities: {
    label: 'Conflicting priorities',
    meaning: 'Both teams followed stated priorities that conflict: a gap one level up',
  },
  unknown: { label: 'Not yet analysed', meaning: 'Nobody has traced the root cause yet' },
}

export const incidentStatusLabels: Record<IncidentStatus, string> = {
  open: 'Open',
  triaged: 'Triaged',
  in_retro: 'In a retro',
  resolved: 'Resolved',
}

export const strategyStatusLabels: Record<StrategyStatus, string> = { draft: 'Draft', published: 'Published', retired: 'Retired' }

export const gapStatusLabels = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  published: 'Strategy published',
  verified: 'Verified',
  wont_fix: "Won't fix",
} as const

/** The person's own calendar day, YYYY-MM-DD: "today" on a form means their today. */
export function localDay(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/*
 * One date format on every screen: "14 Mar 2026" (day, short month, year; never 03/14 or
 * 14/03, which read differently in different countries). Charts drop what their axis already
 * says: "14 Mar" for a week, "Mar 2026" for a month. Machine formats (CSV, Markdown exports,
 * the API) keep ISO dates.
 */
const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
const dayInYearFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' })
const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' })

const toDate = (value: string) => new Date(value.length === 10 ? `${value}T00:00:00Z` : value)

/** "14 Mar 2026" from 'YYYY-MM-DD' or an ISO instant. */
export function formatDay(value: string | null | undefined): string {
  if (!value) return '—'
  const date = toDate(value)
  return Number.isNaN(date.getTime()) ? value : dayFormat.format(date)
}

/** "14 Mar": a day on an axis whose year the chart already shows. */
export const formatDayInYear = (value: string): string => dayInYearFormat.format(toDate(value))

/** "Mar 2026" for the month that 'YYYY-MM-DD' falls in. */
export const formatMonth = (value: string): string => monthFormat.format(toDate(value))

/** The noun for a count: "incident" for 1, "incidents" otherwise (0 included); `plural` for the irregular ones. */
export const nounFor = (count: number, noun: string, plural = `${noun}s`) => (count === 1 ? noun : plural)

/** "1 incident", "3 incidents", "2 strategies" (with `plural`): a count never reads "1 incidents". */
export const countOf = (count: number, noun: string, plural?: string) =>
  `${count.toLocaleString('en-GB')} ${nounFor(count, noun, plural)}`

/** The dashboard's decision classes, as the incident list's filter names them. */
export const decisionClassLabels: Record<IncidentDecisionClass, string> = {
  strategy_bearing: 'Strategy-bearing decision (stated tradeoff)',
  agreement: 'Agreement (decision without a tradeoff)',
  no_decision_record: 'No decision recorded',
}

/** "Found 8–30 days after the decision", by the incident list's lag bucket key. */
export const lagBucketLabels: Record<LagBucketKey, string> = Object.fromEntries(
  lagBuckets.map((bucket) => [bucket.key, `Found ${bucket.label} after the decision`]),
) as Record<LagBucketKey, string>
