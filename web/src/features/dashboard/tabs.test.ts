import { describe, expect, it } from 'vitest'
import { dashboardTabs, tabAfterKey, tabFromSearch, withTab } from './tabs'

describe('the dashboard tabs', () => {
  it('opens the tab the address names, and Trends for none or an unknown one', () => {
    expect(tabFromSearch(new URLSearchParams('tab=harm'))).toBe('harm')
    expect(tabFromSearch(new URLSearchParams(''))).toBe('trends')
    expect(tabFromSearch(new URLSearchParams('tab=bogus'))).toBe('trends')
  })

  it('keeps every filter when another tab is chosen', () => {
    const next = withTab(new URLSearchParams('from=2026-01-01&rootCause=a&rootCause=b&tab=trends'), 'discovery')
    expect(next.toString()).toBe('from=2026-01-01&rootCause=a&rootCause=b&tab=discovery')
  })

  it('moves with the arrows around the ends, jumps with Home and End, and ignores other keys', () => {
    expect(tabAfterKey('trends', 'ArrowRight')).toBe('discovery')
    expect(tabAfterKey('trends', 'ArrowLeft')).toBe('remediation')
    expect(tabAfterKey('remediation', 'ArrowRight')).toBe('trends')
    expect(tabAfterKey('harm', 'Home')).toBe('trends')
    expect(tabAfterKey('discovery', 'End')).toBe('remediation')
    expect(tabAfterKey('harm', 'Enter')).toBeUndefined()
  })

  it('shows each of the seven charts below the fold in exactly one tab', () => {
    const charts = dashboardTabs.flatMap((t) => t.charts)
    expect(new Set(charts).size).toBe(charts.length)
    expect(charts).toHaveLength(7)
  })
})
