/**
 * How the strategy gap register ranks gaps and measures a strategy's effect, written once so
 * the API, its tests and the screens say the same thing. No I/O, no clock: callers pass `today`.
 */
import { addDays } from './dates'
import { daysBetween } from './discovery-lag'

/** The formula the register ranks by, shown on the screen and returned by the API. */
export const GAP_RANKING_FORMULA =
  'Rank = weighted harm: the sum of harm × surprise (1–25 each) over the gap’s incidents discovered in the window, and over the harm other teams added to them ("this hurt us too"); ties go to more incidents'

/** A quarter: the span of a periodic leadership review, and long enough for halves to compare. */
export const defaultRankingWindowDays = 90

export interface DayWindow {
  from: string
  to: string
}

/** The window a ranking covers: what was asked, else the `defaultRankingWindowDays` ending today. */
export function rankingWindow(query: { from?: string; to?: string }, today: string): DayWindow {
  const to = query.to ?? today
  const from = query.from ?? addDays(to, -(defaultRankingWindowDays - 1))
  return { from, to }
}

/** The last day of the window's earlier half; the later half starts the day after. */
export function earlierHalfEnd(window: DayWindow): string {
  const days = daysBetween(window.from, window.to) + 1
  return addDays(window.from, Math.floor(days / 2) - 1)
}

export const gapTrends = ['rising', 'falling', 'steady', 'quiet'] as const
export type GapTrend = (typeof gapTrends)[number]

/**
 * Compares incidents in the window's earlier and later halves. A change counts only when it is
 * both relative (half again, or a third less) and absolute (at least 2 incidents): with the small
 * counts a gap usually has, 1 → 2 is noise, not a rise.
 */
export function trendOf(earlier: number, later: number): GapTrend {
  if (earlier === 0 && later === 0) return 'quiet'
  const change = later - earlier
  if (Math.abs(change) < 2) return 'steady'
  if (later >= earlier * 1.5) return 'rising'
  if (later <= earlier * (2 / 3)) return 'falling'
  return 'steady'
}

/** Default span on each side of a strategy's publication for the before/after comparison. */
export const defaultImpactWeeks = 12
export const maxImpactWeeks = 52

export interface ImpactWindow {
  /** Weeks on each side; 0 when the strategy was published less than a week ago. */
  weeks: number
  /** First day of the before window. */
  beforeFrom: string
  /** The publication day: the first day of the after window. */
  publishedAt: string
  /** Last day of the after window. */
  afterTo: string
}

/**
 * Equal windows before and after publication. The after window cannot reach past today, so the
 * asked-for weeks shrink to the whole weeks that have passed: comparing 12 weeks before with 3
 * weeks after would make any strategy look like it worked.
 */
export function impactWindow(publishedAt: string, today: string, requestedWeeks = defaultImpactWeeks): ImpactWindow {
  const elapsedWeeks = Math.max(0, Math.floor((daysBetween(publishedAt, today) + 1) / 7))
  const weeks = Math.max(0, Math.min(requestedWeeks, maxImpactWeeks, elapsedWeeks))
  return {
    weeks,
    beforeFrom: addDays(publishedAt, -7 * weeks),
    publishedAt,
    afterTo: addDays(publishedAt, 7 * weeks - 1),
  }
}

/** The start day of each week of the comparison, aligned on the publication day, oldest first. */
export function impactWeekStarts(window: ImpactWindow): string[] {
  const starts: string[] = []
  for (let k = -window.weeks; k < window.weeks; k += 1) starts.push(addDays(window.publishedAt, 7 * k))
  return starts
}

/** A suggested gap must carry at least this much weighted harm, over at least two incidents. */
export const suggestionMinimum = { weightedHarm: 20, incidents: 2 } as const
