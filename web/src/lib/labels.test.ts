import { describe, expect, it } from 'vitest'
import { countOf, formatDay, formatDayInYear, formatMonth, nounFor } from './labels'

describe('the one date format', () => {
  it('writes a day as day, short month and year, whether given a date or an instant', () => {
    expect(formatDay('2026-03-14')).toBe('14 Mar 2026')
    expect(formatDay('2026-03-14T23:30:00.000Z')).toBe('14 Mar 2026')
    expect(formatDay(null)).toBe('—')
    expect(formatDay('not a date')).toBe('not a date')
  })

  it('drops only what a chart axis already says', () => {
    expect(formatDayInYear('2026-04-06')).toBe('6 Apr')
    expect(formatMonth('2026-04-01')).toBe('Apr 2026')
  })
})

describe('counting things in words', () => {
  it('never writes "1 incidents"', () => {
    expect(countOf(1, 'incident')).toBe('1 incident')
    expect(countOf(0, 'incident')).toBe('0 incidents')
    expect(countOf(3, 'incident')).toBe('3 incidents')
  })

  it('takes the plural of an irregular noun, and groups thousands', () => {
    expect(countOf(2, 'strategy', 'strategies')).toBe('2 strategies')
    expect(countOf(1, 'strategy', 'strategies')).toBe('1 strategy')
    expect(countOf(1200, 'incident')).toBe('1,200 incidents')
  })

  it('gives the noun alone for a count shown apart', () => {
    expect(nounFor(1, 'decision')).toBe('decision')
    expect(nounFor(2, 'has', 'have')).toBe('have')
  })
})
