/** Calendar arithmetic on 'YYYY-MM-DD' strings, in UTC, so results never depend on the machine's time zone. */

const dayMs = 86_400_000
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/

/** Days since 1970-01-01 for a 'YYYY-MM-DD' date; throws on anything else. */
export function dayNumber(date: string): number {
  const match = isoDate.exec(date)
  if (!match) throw new RangeError(`expected a date as YYYY-MM-DD, got "${date}"`)
  const [, y, m, d] = match
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d))
  if (formatDay(ms / dayMs) !== date) throw new RangeError(`"${date}" is not a calendar date`)
  return ms / dayMs
}

const formatted = new Map<number, string>()

/** 'YYYY-MM-DD' for a day number; memoised, since a million incidents share a few hundred days. */
export function formatDay(day: number): string {
  let text = formatted.get(day)
  if (text === undefined) {
    text = new Date(day * dayMs).toISOString().slice(0, 10)
    if (formatted.size < 10_000) formatted.set(day, text)
  }
  return text
}

/** A timestamp on the given day, `minutes` after midnight UTC. */
export function timestampOn(day: number, minutes = 0): Date {
  return new Date(day * dayMs + Math.round(minutes) * 60_000)
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7
}

/** "Q3 2026" for the quarter the day falls in. */
export function quarterOf(day: number): string {
  const d = new Date(day * dayMs)
  return `Q${Math.floor(d.getUTCMonth() / 3) + 1} ${d.getUTCFullYear()}`
}
