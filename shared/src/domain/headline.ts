/**
 * The dashboard's headline: a window against the window of equal length just before it, and the
 * few places whose weighted harm moved most. Pure, so the API, its tests and the web app agree on
 * what a previous period, a change, a median lag bucket and a listed entry are (docs/decisions/031).
 */
import { lagBuckets } from './analytics'
import { addDays } from './dates'
import { daysBetween } from './discovery-lag'
import type { DayWindow } from './gap-ranking'
import { MIN_ANONYMITY_GROUP } from './policy'

/** Days in the dashboard's default window (its "Last 90 days"), used when the query gives no from. */
export const HEADLINE_DEFAULT_DAYS = 90
/** How many rises and how many falls the "what changed" list shows. */
export const WHAT_CHANGED_LIMIT = 5

/**
 * The window the headline compares, and the one before it: the same number of days ending the day
 * before `from`. A missing `to` is today; a missing `from` is the default window ending on `to`.
 */
export function headlineWindows(
  query: { from?: string; to?: string },
  today: string,
): { current: DayWindow; previous: DayWindow } {
  const to = query.to ?? (query.from && query.from > today ? query.from : today)
  const from = query.from ?? addDays(to, -(HEADLINE_DEFAULT_DAYS - 1))
  const days = daysBetween(from, to) + 1
  const previousTo = addDays(from, -1)
  return { current: { from, to }, previous: { from: addDays(previousTo, -(days - 1)), to: previousTo } }
}

export interface Change {
  current: number
  previous: number
  /** current − previous. */
  change: number
  /** The change as a percentage of previous, one decimal; null when previous is 0 (no base to compare with). */
  changePercent: number | null
}

/** A measure now and before, with its change. `digits` rounds the change like the measure. */
export function changeOf(current: number, previous: number, digits = 2): Change {
  const scale = 10 ** digits
  return {
    current,
    previous,
    change: Math.round((current - previous) * scale) / scale,
    changePercent: previous === 0 ? null : Math.round(((current - previous) / previous) * 1000) / 10,
  }
}

/**
 * The lag bucket (index into `lagBuckets`) holding the median incident: the first bucket whose
 * running count reaches half of all incidents with a known lag. Null when none has a known lag.
 */
export function medianLagBucket(countsPerBucket: readonly number[]): number | null {
  const total = countsPerBucket.reduce((sum, n) => sum + n, 0)
  if (total === 0) return null
  let running = 0
  for (let index = 0; index < countsPerBucket.length; index++) {
    running += countsPerBucket[index] ?? 0
    if (running * 2 >= total) return index
  }
  return lagBuckets.length - 1
}

/**
 * A team-level entry may be listed only when neither of its counts could point at a few people:
 * each is 0 or at least the minimum group (ADR 011). Its change would otherwise reveal a small
 * count by subtraction from the other.
 */
export function isListableTeamCount(current: number, previous: number, min = MIN_ANONYMITY_GROUP): boolean {
  const safe = (n: number) => n === 0 || n >= min
  return safe(current) && safe(previous)
}

export interface Measured {
  incidents: number
  weightedHarm: number
}

export interface ChangeCandidate {
  /** Unique across kinds, e.g. 'decision:<id>': the final tiebreak, so the order is stable. */
  key: string
  label: string
  current: Measured
  previous: Measured
}

/**
 * The largest rises and falls, ranked by the change in weighted harm (the measure every ranking
 * of this product sums), then by the change in incidents, then by key. Entries that did not move
 * are neither. Up to `limit` of each.
 */
export function rankChanges<T extends ChangeCandidate>(
  candidates: readonly T[],
  limit = WHAT_CHANGED_LIMIT,
): { rises: T[]; falls: T[] } {
  const delta = (c: T) => c.current.weightedHarm - c.previous.weightedHarm
  const incidentDelta = (c: T) => c.current.incidents - c.previous.incidents
  const byKey = (a: T, b: T) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  const rises = candidates
    .filter((c) => delta(c) > 0)
    .sort((a, b) => delta(b) - delta(a) || incidentDelta(b) - incidentDelta(a) || byKey(a, b))
  const falls = candidates
    .filter((c) => delta(c) < 0)
    .sort((a, b) => delta(a) - delta(b) || incidentDelta(a) - incidentDelta(b) || byKey(a, b))
  return { rises: rises.slice(0, limit), falls: falls.slice(0, limit) }
}
