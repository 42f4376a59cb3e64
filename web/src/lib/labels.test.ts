import { describe, expect, it } from 'vitest'
import { formatDay, formatDayInYear, formatMonth } from './labels'

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
