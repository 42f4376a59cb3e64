import type { AnalyticsInterval, RootCause } from '@misalign/shared'
import { formatDayInYear, formatMonth } from '../../../lib/labels'

/**
 * Colours from the Okabe–Ito set, readable with the common colour-vision deficiencies. The two
 * root causes that say most about the org's strategy get the strongest colours.
 */
export const rootCauseColors: Record<RootCause, string> = {
  hidden_decision: '#c24e00',
  missing_strategy: '#0068a5',
  stale_strategy: '#8a6f00',
  agreement_without_why: '#007a5a',
  conflicting_priorities: '#a8508a',
  unknown: '#6b7075',
}

export const colors = {
  primary: '#1f5f8b',
  secondary: '#c24e00',
  tertiary: '#007a5a',
  muted: '#8c9196',
  grid: '#e3e5e8',
  text: '#50575e',
}

/** Lag buckets from "found at once" (light) to "found months later" (dark). */
export const lagColors = ['#c6dbef', '#8fbfdf', '#4f94c7', '#22649e', '#0b3466']
export const unknownLagColor = '#b9bcc0'

/** "Apr 2026" for a month, "6 Apr" for the Monday a week starts on (the app's one date format). */
export function periodLabel(interval: AnalyticsInterval, period: string): string {
  return interval === 'month' ? formatMonth(period) : formatDayInYear(period)
}

export const periodAxisLabel = (interval: AnalyticsInterval) => (interval === 'month' ? 'Month' : 'Week starting')

/** Long titles on a category axis are cut; the table view and the tooltip carry them whole. */
export const shorten = (text: string, max = 34) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

/** Whether a period lies only partly inside the chosen dates (its count covers fewer days). */
export function isPartialPeriod(start: string, end: string, from: string | undefined, to: string | undefined): boolean {
  return Boolean((from && start < from) || (to && end > to))
}

/** A fixed tick interval: recharts' automatic one measures every label's text first. */
export const tickEvery = (count: number, labels = 8) => Math.max(0, Math.ceil(count / labels) - 1)

/**
 * An axis title in the charts' one style: under a bottom axis, or turned along a side axis and
 * moved down by `dy` so a long title stays centred on the plot rather than the axis.
 */
export function axisTitle(value: string, side: 'bottom' | 'top' | 'left' | 'right' = 'bottom', dy?: number) {
  const font = { fill: colors.text, fontSize: 12 }
  if (side === 'bottom') return { value, position: 'insideBottom', offset: -4, ...font } as const
  if (side === 'top') return { value, position: 'insideTop', offset: -2, ...font } as const
  return {
    value,
    angle: side === 'left' ? -90 : 90,
    position: side === 'left' ? 'insideLeft' : 'insideRight',
    ...font,
    dy,
  } as const
}
