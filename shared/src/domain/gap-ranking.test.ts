import { describe, expect, it } from 'vitest'
import {
  defaultRankingWindowDays,
  earlierHalfEnd,
  impactWeekStarts,
  impactWindow,
  maxImpactWeeks,
  rankingWindow,
  trendOf,
} from './gap-ranking'

describe('rankingWindow', () => {
  it('defaults to the last 90 days, today included', () => {
    expect(defaultRankingWindowDays).toBe(90)
    expect(rankingWindow({}, '2026-03-31')).toEqual({ from: '2026-01-01', to: '2026-03-31' })
  })

  it('keeps what was asked for, and counts back from an asked end', () => {
    expect(rankingWindow({ from: '2025-01-01', to: '2025-06-30' }, '2026-03-31')).toEqual({
      from: '2025-01-01',
      to: '2025-06-30',
    })
    expect(rankingWindow({ to: '2025-03-31' }, '2026-03-31')).toEqual({ from: '2025-01-01', to: '2025-03-31' })
  })
})

describe('earlierHalfEnd', () => {
  it('splits an even window into equal halves', () => {
    expect(earlierHalfEnd({ from: '2026-01-01', to: '2026-01-10' })).toBe('2026-01-05')
  })

  it('gives the odd day to the later half', () => {
    expect(earlierHalfEnd({ from: '2026-01-01', to: '2026-01-11' })).toBe('2026-01-05')
  })
})

describe('trendOf', () => {
  it('is quiet when neither half had an incident', () => {
    expect(trendOf(0, 0)).toBe('quiet')
  })

  it('calls a change of one incident steady, whatever the ratio', () => {
    expect(trendOf(1, 2)).toBe('steady')
    expect(trendOf(1, 0)).toBe('steady')
    expect(trendOf(0, 1)).toBe('steady')
  })

  it('is rising when the later half has half again as many, and at least two more', () => {
    expect(trendOf(4, 6)).toBe('rising')
    expect(trendOf(0, 2)).toBe('rising')
    expect(trendOf(10, 14)).toBe('steady')
  })

  it('is falling when the later half has a third fewer, and at least two fewer', () => {
    expect(trendOf(6, 4)).toBe('falling')
    expect(trendOf(3, 0)).toBe('falling')
    expect(trendOf(12, 9)).toBe('steady')
  })
})

describe('impactWindow', () => {
  it('takes equal windows on both sides of publication', () => {
    expect(impactWindow('2026-01-01', '2026-12-31', 4)).toEqual({
      weeks: 4,
      beforeFrom: '2025-12-04',
      publishedAt: '2026-01-01',
      afterTo: '2026-01-28',
    })
  })

  it('shrinks both windows to the whole weeks that have passed since publication', () => {
    // 2026-01-01 … 2026-01-21 is 21 days: three whole weeks after.
    expect(impactWindow('2026-01-01', '2026-01-21', 12).weeks).toBe(3)
    expect(impactWindow('2026-01-01', '2026-01-20', 12).weeks).toBe(2)
  })

  it('has no weeks when the strategy is less than a week old, or not yet published', () => {
    expect(impactWindow('2026-01-01', '2026-01-03').weeks).toBe(0)
    expect(impactWindow('2026-02-01', '2026-01-03').weeks).toBe(0)
  })

  it('never exceeds a year on each side', () => {
    expect(impactWindow('2020-01-01', '2026-01-01', 500).weeks).toBe(maxImpactWeeks)
  })
})

describe('impactWeekStarts', () => {
  it('lists each week, aligned on the publication day, before then after', () => {
    const starts = impactWeekStarts(impactWindow('2026-01-01', '2026-12-31', 2))
    expect(starts).toEqual(['2025-12-18', '2025-12-25', '2026-01-01', '2026-01-08'])
  })
})
