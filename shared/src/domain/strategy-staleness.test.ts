import { describe, expect, it } from 'vitest'
import { isStale, strategyFreshness } from './strategy-staleness'

const today = '2024-06-15'

describe('isStale', () => {
  it('flags a published strategy whose review date has passed', () => {
    expect(isStale({ status: 'published', reviewBy: '2024-06-14' }, today)).toBe(true)
  })

  it('does not flag a published strategy on its review day', () => {
    expect(isStale({ status: 'published', reviewBy: today }, today)).toBe(false)
  })

  it('does not flag a published strategy before its review date', () => {
    expect(isStale({ status: 'published', reviewBy: '2024-12-31' }, today)).toBe(false)
  })

  it('never flags drafts or retired strategies, however old', () => {
    expect(isStale({ status: 'draft', reviewBy: '2000-01-01' }, today)).toBe(false)
    expect(isStale({ status: 'retired', reviewBy: '2000-01-01' }, today)).toBe(false)
  })
})

describe('strategyFreshness', () => {
  it('tells drafts, fresh, stale and retired strategies apart', () => {
    expect(strategyFreshness({ status: 'draft', reviewBy: '2000-01-01' }, today)).toBe('draft')
    expect(strategyFreshness({ status: 'published', reviewBy: today }, today)).toBe('fresh')
    expect(strategyFreshness({ status: 'published', reviewBy: '2024-01-01' }, today)).toBe('stale')
    expect(strategyFreshness({ status: 'retired', reviewBy: '2000-01-01' }, today)).toBe('retired')
  })
})
