/** The calendar day (YYYY-MM-DD) of an instant, in UTC. */
export function utcDay(instant: Date): string {
  return instant.toISOString().slice(0, 10)
}

/**
 * The latest calendar day it is anywhere on Earth (UTC+14). A report filed "today" from
 * Kiribati is not "in the future", so date checks compare against this, not the UTC day.
 */
export function latestCalendarDay(now: Date): string {
  return utcDay(new Date(now.getTime() + 14 * 60 * 60 * 1000))
}

/** A calendar day `days` later (or earlier), in calendar days: no clock, no daylight saving. */
export function addDays(day: string, days: number): string {
  return utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000))
}
