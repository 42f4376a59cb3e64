import { describe, expect, it } from 'vitest'
import { addDays, latestCalendarDay, utcDay } from './dates'

describe('calendar days', () => {
  it('gives the UTC day of an instant', () => {
    expect(utcDay(new Date('2026-03-14T23:59:59Z'))).toBe('2026-03-14')
  })

  it('treats a day that has begun anywhere on Earth as not in the future', () => {
    expect(latestCalendarDay(new Date('2026-03-14T09:59:59Z'))).toBe('2026-03-14')
    expect(latestCalendarDay(new Date('2026-03-14T10:00:00Z'))).toBe('2026-03-15')
  })
})

describe('addDays', () => {
  it('moves across month and year ends and back', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(addDays('2026-03-28', 7)).toBe('2026-04-04')
  })
})
