import { describe, expect, it } from 'vitest'
import { checkDecidedAt, daysBetween, discoveryLagDays, isCalendarDate } from './discovery-lag'

describe('daysBetween', () => {
  it('counts whole calendar days from one date to the next', () => {
    expect(daysBetween('2024-01-01', '2024-01-31')).toBe(30)
    expect(daysBetween('2024-01-31', '2024-01-01')).toBe(-30)
    expect(daysBetween('2024-05-05', '2024-05-05')).toBe(0)
  })

  it('counts leap days and crosses years', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2)
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1)
    expect(daysBetween('2023-12-31', '2024-01-01')).toBe(1)
  })

  it('is not fooled by daylight-saving changes', () => {
    expect(daysBetween('2024-03-09', '2024-03-11')).toBe(2)
    expect(daysBetween('2024-10-26', '2024-10-28')).toBe(2)
  })

  it('refuses strings that are not calendar dates', () => {
    expect(() => daysBetween('2024-02-30', '2024-03-01')).toThrow(RangeError)
    expect(() => daysBetween('2024-01-01', 'tomorrow')).toThrow(/YYYY-MM-DD/)
  })
})

describe('isCalendarDate', () => {
  it('accepts real dates and rejects impossible or malformed ones', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true)
    expect(isCalendarDate('0099-06-01')).toBe(true)
    expect(isCalendarDate('2023-02-29')).toBe(false)
    expect(isCalendarDate('2024-13-01')).toBe(false)
    expect(isCalendarDate('2024-1-01')).toBe(false)
    expect(isCalendarDate('2024-01-01T00:00:00Z')).toBe(false)
    expect(isCalendarDate('')).toBe(false)
  })
})

describe('discoveryLagDays', () => {
  it('is the days from the decision to its discovery', () => {
    expect(discoveryLagDays('2024-03-01', '2024-03-15')).toBe(14)
  })

  it('is zero when the decision was discovered the day it was made', () => {
    expect(discoveryLagDays('2024-03-01', '2024-03-01')).toBe(0)
  })

  it('is null when the decision date is not known yet', () => {
    expect(discoveryLagDays(null, '2024-03-15')).toBeNull()
    expect(discoveryLagDays(undefined, '2024-03-15')).toBeNull()
    expect(discoveryLagDays('  ', '2024-03-15')).toBeNull()
  })

  it('clamps a leak discovered before the decision was made to zero', () => {
    expect(discoveryLagDays('2024-03-15', '2024-03-01')).toBe(0)
  })
})

describe('checkDecidedAt', () => {
  it('asks for the day instead of assuming one', () => {
    expect(checkDecidedAt('', '2024-03-15')).toBe('missing')
    expect(checkDecidedAt('  ', '2024-03-15')).toBe('missing')
  })

  it('refuses a day that is not a real date', () => {
    expect(checkDecidedAt('2023-02-29', '2024-03-15')).toBe('not_a_date')
  })

  it('refuses a decision taken after the team found out about it', () => {
    expect(checkDecidedAt('2024-03-16', '2024-03-15')).toBe('after_discovery')
  })

  it('accepts a day on or before the discovery, or any day when the discovery day is unknown', () => {
    expect(checkDecidedAt('2024-03-15', '2024-03-15')).toBeNull()
    expect(checkDecidedAt('2024-01-02', '2024-03-15')).toBeNull()
    expect(checkDecidedAt('2024-03-16', '')).toBeNull()
  })
})
