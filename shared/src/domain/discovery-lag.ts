/**
 * Calendar-date arithmetic for 'YYYY-MM-DD' strings. Dates are calendar days, not instants:
 * we count in UTC so a daylight-saving change can never turn a day into 23 or 25 hours.
 */

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/
const MS_PER_DAY = 86_400_000

/** Days since 1970-01-01, or null when the string is not a real calendar date. */
function toEpochDay(date: string): number | null {
  const parts = DATE_SHAPE.exec(date)
  if (!parts) return null
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])]
  const d = new Date(0)
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 onto 1900–1999.
  d.setUTCFullYear(year, month - 1, day)
  // Date rolls 2023-02-30 over to March; a round trip that changes the day means it was invalid.
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null
  return Math.round(d.getTime() / MS_PER_DAY)
}

/** True for a real 'YYYY-MM-DD' calendar date (2024-02-29 yes, 2023-02-29 no). */
export function isCalendarDate(value: string): boolean {
  return toEpochDay(value) !== null
}

function epochDayOrThrow(date: string, name: string): number {
  const day = toEpochDay(date)
  // Callers get dates from validated schemas, so a bad one is a bug to surface, not to guess at.
  if (day === null) throw new RangeError(`${name} must be a calendar date as YYYY-MM-DD, got '${date}'`)
  return day
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return epochDayOrThrow(to, 'to') - epochDayOrThrow(from, 'from')
}

/**
 * How many days a decision stayed unknown to the team it hurt. Null when the decision date is
 * unknown: an incident is often filed before anyone has traced the decision.
 */
export function discoveryLagDays(decidedAt: string | null | undefined, discoveredAt: string): number | null {
  if (decidedAt == null || decidedAt.trim() === '') return null
  // Discovering a decision before it was made (a leak, an early draft) is no lag at all;
  // a negative number would drag averages below what any team actually felt.
  return Math.max(0, daysBetween(decidedAt, discoveredAt))
}

/**
 * What is wrong with the day a decision is said to have been taken, when it is recorded while
 * filing a report discovered on `discoveredAt`: nothing (null), no day given, not a real day, or
 * a day after the discovery. A guessed "today" would make the discovery lag 0 and quietly skew
 * the lag chart, so the day is asked for, never assumed (docs/decisions/028).
 */
export type DecidedAtProblem = 'missing' | 'not_a_date' | 'after_discovery'

export function checkDecidedAt(decidedAt: string, discoveredAt: string | null | undefined): DecidedAtProblem | null {
  const day = decidedAt.trim()
  if (day === '') return 'missing'
  if (!isCalendarDate(day)) return 'not_a_date'
  if (discoveredAt && isCalendarDate(discoveredAt) && daysBetween(discoveredAt, day) > 0) return 'after_discovery'
  return null
}
