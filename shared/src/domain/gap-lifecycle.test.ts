import { describe, expect, it } from 'vitest'
import { checkGapTransition, checkStrategyDraft, gapLifecycle, isVerifiable, verificationOutlook } from './gap-lifecycle'
import { gapStatuses } from './vocabulary'

const message = (result: ReturnType<typeof checkGapTransition>) => (result.ok ? '' : result.message)

describe('checkGapTransition', () => {
  it('walks a gap from open to verified one step at a time', () => {
    expect(checkGapTransition('open', { to: 'acknowledged', ownerId: 'leader-1' })).toEqual({ ok: true })
    expect(checkGapTransition('acknowledged', { to: 'published', strategyId: 'strategy-1' })).toEqual({ ok: true })
    expect(checkGapTransition('published', { to: 'verified' })).toEqual({ ok: true })
  })

  it('requires a leader to acknowledge a gap before a strategy closes it', () => {
    const result = checkGapTransition('open', { to: 'published', strategyId: 'strategy-1' })
    expect(result.ok).toBe(false)
    expect(message(result)).toMatch(/acknowledge/)
  })

  it('verifies only a gap whose strategy is published', () => {
    expect(message(checkGapTransition('acknowledged', { to: 'verified' }))).toMatch(/published/)
    expect(checkGapTransition('open', { to: 'verified' }).ok).toBe(false)
  })

  it('asks for an owner, a strategy and a reason when they are blank', () => {
    expect(message(checkGapTransition('open', { to: 'acknowledged', ownerId: ' ' }))).toMatch(/leader who owns/)
    expect(message(checkGapTransition('acknowledged', { to: 'published', strategyId: '' }))).toMatch(/strategy/)
    expect(message(checkGapTransition('open', { to: 'wont_fix', reason: '\n' }))).toMatch(/why/)
  })

  it("lets an open, acknowledged or published gap end as won't fix with a reason", () => {
    for (const from of ['open', 'acknowledged', 'published'] as const) {
      expect(checkGapTransition(from, { to: 'wont_fix', reason: 'the product is being sunset' })).toEqual({ ok: true })
    }
  })

  it("reopens only a verified or won't-fix gap", () => {
    expect(checkGapTransition('verified', { to: 'open' })).toEqual({ ok: true })
    expect(checkGapTransition('wont_fix', { to: 'open' })).toEqual({ ok: true })
    expect(message(checkGapTransition('acknowledged', { to: 'open' }))).toMatch(/reopened/)
  })

  it('refuses to move a gap to the status it already has', () => {
    expect(message(checkGapTransition('published', { to: 'published', strategyId: 's' }))).toMatch(/already published/)
  })

  it('does not let a verified gap become won’t fix without reopening it', () => {
    expect(message(checkGapTransition('verified', { to: 'wont_fix', reason: 'x' }))).toMatch(/reopen/)
  })
})

describe('gapLifecycle', () => {
  it('names the next statuses for every status', () => {
    expect(Object.keys(gapLifecycle).sort()).toEqual([...gapStatuses].sort())
    expect(gapLifecycle.open).toEqual(['acknowledged', 'wont_fix'])
  })
})

describe('isVerifiable', () => {
  const base = { publishedAt: '2024-01-01', lastIncidentAt: null, weeks: 4, today: '2024-01-29' }

  it('is true once the chosen weeks have passed without an incident', () => {
    expect(isVerifiable(base)).toBe(true)
  })

  it('is false before the chosen weeks have passed', () => {
    expect(isVerifiable({ ...base, today: '2024-01-28' })).toBe(false)
  })

  it('ignores incidents discovered before the strategy was published', () => {
    expect(isVerifiable({ ...base, lastIncidentAt: '2023-12-31' })).toBe(true)
  })

  it('is false when an incident was discovered on or after publication', () => {
    expect(isVerifiable({ ...base, lastIncidentAt: '2024-01-01' })).toBe(false)
    expect(isVerifiable({ ...base, lastIncidentAt: '2024-01-20' })).toBe(false)
  })

  it('refuses a negative number of weeks', () => {
    expect(() => isVerifiable({ ...base, weeks: -1 })).toThrow(RangeError)
  })
})

describe('verificationOutlook', () => {
  const base = { publishedAt: '2024-01-01', lastIncidentAt: null, weeks: 4, today: '2024-01-29' }

  it('is ready after the quiet weeks, naming the day it became possible', () => {
    expect(verificationOutlook(base)).toEqual({ state: 'ready', earliestAt: '2024-01-29' })
  })

  it('is waiting before then, with the day it becomes possible', () => {
    expect(verificationOutlook({ ...base, today: '2024-01-10' })).toEqual({ state: 'waiting', earliestAt: '2024-01-29' })
  })

  it('is interrupted by an incident on or after publication', () => {
    expect(verificationOutlook({ ...base, lastIncidentAt: '2024-01-05' })).toEqual({
      state: 'interrupted',
      earliestAt: '2024-01-29',
      lastIncidentAt: '2024-01-05',
    })
  })
})

describe('checkStrategyDraft', () => {
  it('lets an acknowledged gap have the strategy that will close it drafted', () => {
    expect(checkStrategyDraft('acknowledged')).toEqual({ ok: true })
  })

  it('says what to do first at every other step', () => {
    expect(message(checkStrategyDraft('open'))).toMatch(/^Acknowledge the gap/)
    expect(message(checkStrategyDraft('published'))).toMatch(/revise that strategy/)
    expect(message(checkStrategyDraft('verified'))).toMatch(/revise that strategy/)
    expect(message(checkStrategyDraft('wont_fix'))).toMatch(/reopen it/)
  })
})
