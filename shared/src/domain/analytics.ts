/**
 * Rules the dashboard's numbers follow, written once so the API, its tests and the web app
 * agree on what a bucket, a recurrence or a hidden cell is.
 */
import type { DecisionClass } from './decision-class'
import { MIN_ANONYMITY_GROUP } from './policy'
import { type Cell, suppressSmallCells } from './small-group-suppression'

export const decisionClasses = ['agreement', 'strategy_bearing'] as const satisfies readonly DecisionClass[]
/** An incident's decision class, or that it names no recorded decision (the dashboard's classes). */
export const incidentDecisionClasses = [...decisionClasses, 'no_decision_record'] as const
export type IncidentDecisionClass = (typeof incidentDecisionClasses)[number]

/** Discovery lag buckets, in days from the decision to its discovery; the last is open-ended. */
export const lagBuckets = [
  { key: '0-1', label: '0–1 days', minDays: 0, maxDays: 1 },
  { key: '2-7', label: '2–7 days', minDays: 2, maxDays: 7 },
  { key: '8-30', label: '8–30 days', minDays: 8, maxDays: 30 },
  { key: '31-90', label: '31–90 days', minDays: 31, maxDays: 90 },
  { key: '91+', label: '91+ days', minDays: 91, maxDays: null },
] as const
/** How the incident list names a bucket in its URL (`lagBucket=8-30`). */
export const lagBucketKeys = lagBuckets.map((b) => b.key)
export type LagBucketKey = (typeof lagBuckets)[number]['key']

/** Index into `lagBuckets` for a lag in whole days (negative lags count as 0, see discoveryLagDays). */
export function lagBucketIndex(days: number): number {
  const index = lagBuckets.findIndex((b) => b.maxDays === null || Math.max(0, days) <= b.maxDays)
  return index === -1 ? lagBuckets.length - 1 : index
}

export const DAYS_PER_MONTH = 30.4375

/**
 * Incidents per month between the first and last discovery in view. Spans under a month count as
 * one month, so a single burst reads as "n this month" rather than an inflated rate.
 */
export function recurrencePerMonth(incidents: number, spanDays: number): number {
  const months = Math.max(1, spanDays / DAYS_PER_MONTH)
  return Math.round((incidents / months) * 100) / 100
}

/**
 * suppressSmallCells for rows that carry more than a count: a hidden cell loses every measure
 * (its weighted harm or days lost would give the count away), keeping only its labels.
 */
export function suppressRows<T extends Record<string, unknown>, K extends keyof T>(
  rows: readonly T[],
  count: (row: T) => number,
  measures: readonly K[],
  min = MIN_ANONYMITY_GROUP,
): (Omit<T, K> & { [P in K]: T[P] | null } & { suppressed: boolean })[] {
  const cells: (Cell & { index: number })[] = rows.map((row, index) => ({ count: count(row), index }))
  return suppressSmallCells(cells, min).map((cell) => {
    const row = rows[cell.index] as T
    if (!cell.suppressed) return { ...row, suppressed: false }
    const hidden = { ...row, suppressed: true } as Record<string, unknown>
    for (const key of measures) hidden[key as string] = null
    return hidden as Omit<T, K> & { [P in K]: T[P] | null } & { suppressed: boolean }
  })
}

/**
 * The hidden cells of one breakdown taken together ("other teams"), or null when showing them
 * could tell anything the published figures do not. Shown only when the breakdown's own total is
 * published, at least two cells are hidden (one would be that cell itself) and together they
 * reach the minimum group: then the total minus the shown cells gives the same sum, and showing
 * it turns a row of "fewer than 5" marks into where the harm went.
 */
export function hiddenRemainder(
  cells: readonly { incidents: number; weightedHarm: number; suppressed: boolean }[],
  isTotalPublished: boolean,
  min = MIN_ANONYMITY_GROUP,
): { cells: number; incidents: number; weightedHarm: number } | null {
  const hidden = cells.filter((cell) => cell.suppressed)
  const incidents = hidden.reduce((sum, cell) => sum + cell.incidents, 0)
  if (!isTotalPublished || hidden.length < 2 || incidents < min) return null
  return { cells: hidden.length, incidents, weightedHarm: hidden.reduce((sum, cell) => sum + cell.weightedHarm, 0) }
}

/** A total under the anonymity threshold (but not zero) could point at a person, so it is hidden too. */
export const isSmallTotal = (count: number, min = MIN_ANONYMITY_GROUP) => count > 0 && count < min
