import { dayNumber, formatDay, weekday } from './dates'

/**
 * When incidents happen. The year of incidents is days 0..364 (day 0 is today − 365). Each day
 * gets a weight — weekdays over weekends, slow growth in adoption, two planning seasons and a
 * launch — and incident i lands on the day where the cumulative weight passes (i + ½)/n. So
 * incidents come out in date order (MIS numbers follow discovery), every size follows the same
 * curve, and "which indexes fall in this window" is a binary search, not a scan.
 */

export const yearDays = 365

export interface Burst {
  label: string
  kind: 'planning' | 'launch'
  /** Day offsets, inclusive. */
  from: number
  to: number
  peak: number
}

/** Planning seasons half a year apart, and a launch six weeks before today. */
export const burstSpecs: readonly Burst[] = [
  { label: 'H1 planning season', kind: 'planning', from: 93, to: 107, peak: 1.6 },
  { label: 'H2 planning season', kind: 'planning', from: 275, to: 289, peak: 1.6 },
  { label: 'Marketplace launch', kind: 'launch', from: 312, to: 323, peak: 2.2 },
]

export class Calendar {
  readonly todayDay: number
  readonly startDay: number
  private readonly cumulative: Float64Array
  private readonly total: number

  constructor(
    today: string,
    readonly incidentCount: number,
  ) {
    this.todayDay = dayNumber(today)
    this.startDay = this.todayDay - yearDays
    this.cumulative = new Float64Array(yearDays)
    let sum = 0
    for (let d = 0; d < yearDays; d++) {
      sum += this.weight(d)
      this.cumulative[d] = sum
    }
    this.total = sum
  }

  /** Relative incident volume on day offset d. */
  weight(d: number): number {
    const isWeekend = [0, 6].includes(weekday(this.startDay + d))
    let w = (0.85 + (0.3 * d) / yearDays) * (isWeekend ? 0.25 : 1)
    for (const burst of burstSpecs) {
      if (d < burst.from || d > burst.to) continue
      const mid = (burst.from + burst.to) / 2
      const half = (burst.to - burst.from) / 2
      // A tent: rising to the peak mid-burst. Weekends still dip, so the shape stays believable.
      w += burst.peak * (1 - Math.abs(d - mid) / (half + 1)) * (isWeekend ? 0.3 : 1)
    }
    return w
  }

  /** Day offset (0..364) of incident `index`. */
  offsetOf(index: number): number {
    return this.offsetAtQuantile((index + 0.5) / this.incidentCount)
  }

  /** Day offset where the cumulative volume passes quantile q in [0, 1): also used for decision dates. */
  offsetAtQuantile(q: number): number {
    const target = q * this.total
    let lo = 0
    let hi = yearDays - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((this.cumulative[mid] ?? 0) > target) hi = mid
      else lo = mid + 1
    }
    return lo
  }

  /** Smallest incident index whose day offset is ≥ `offset` (n when none is). */
  firstIndexFrom(offset: number): number {
    let lo = 0
    let hi = this.incidentCount
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.offsetOf(mid) >= offset) hi = mid
      else lo = mid + 1
    }
    return lo
  }

  date(offset: number): string {
    return formatDay(this.startDay + offset)
  }
}
