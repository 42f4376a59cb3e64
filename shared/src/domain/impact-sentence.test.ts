import { describe, expect, it } from 'vitest'
import { impactChange, impactSentence, impactSummary } from './impact-sentence'

describe('impactSentence', () => {
  it('says incidents fell, with both numbers and the weeks', () => {
    expect(impactSentence({ weeks: 8, before: 55, after: 2 })).toBe(
      'Incidents in this area fell from 55 to 2 in the 8 weeks after the strategy was published.',
    )
  })

  it('says incidents rose, from none too', () => {
    expect(impactSentence({ weeks: 8, before: 0, after: 3 })).toBe(
      'Incidents in this area rose from 0 to 3 in the 8 weeks after the strategy was published.',
    )
  })

  it('speaks of one week in the singular', () => {
    expect(impactSentence({ weeks: 1, before: 1, after: 0 })).toBe(
      'Incidents in this area fell from 1 to 0 in the week after the strategy was published.',
    )
  })

  it('says the count stayed the same when nothing changed', () => {
    expect(impactSentence({ weeks: 4, before: 6, after: 6 })).toBe(
      'Incidents in this area stayed at 6 in the 4 weeks after the strategy was published, as in the 4 weeks before.',
    )
  })

  it('says there was no incident on either side', () => {
    expect(impactSentence({ weeks: 12, before: 0, after: 0 })).toBe(
      'No incident in this area in the 12 weeks before or after the strategy was published.',
    )
  })

  it('writes large numbers with separators', () => {
    expect(impactSentence({ weeks: 26, before: 1446, after: 1200 })).toMatch(/fell from 1,446 to 1,200/)
  })

  it('says there is nothing to compare yet when the strategy is under a week old', () => {
    expect(impactSentence({ weeks: 0, before: null, after: null, publishedAt: '2026-12-05' })).toMatch(/less than a week ago/)
  })

  it('says no strategy addresses the gap when none is published', () => {
    expect(impactSentence({ weeks: 0, before: null, after: null, publishedAt: null })).toMatch(/No published strategy/)
  })
})

describe('impactChange', () => {
  it('gives falls and rises as signed percentages', () => {
    expect(impactChange(55, 2)).toEqual({ kind: 'change', percent: -96, label: '−96%' })
    expect(impactChange(4, 6)).toEqual({ kind: 'change', percent: 50, label: '+50%' })
  })

  it('calls a rise from nothing "new" rather than a percentage', () => {
    expect(impactChange(0, 3)).toEqual({ kind: 'new', label: 'new' })
  })

  it('calls equal counts, zeros included, "no change"', () => {
    expect(impactChange(0, 0).label).toBe('no change')
    expect(impactChange(7, 7).label).toBe('no change')
  })

  it('never calls a real change "0%"', () => {
    expect(impactChange(1000, 1001).label).toBe('+<1%')
  })
})

describe('impactSummary', () => {
  const gap = (before: number, after: number) => ({ before: { incidents: before }, after: { incidents: after } })

  it('says nothing when no gap has a published strategy', () => {
    expect(impactSummary([])).toBe('')
  })

  it('counts the gaps that fell, rose, stayed, and had none', () => {
    expect(impactSummary([gap(55, 2), gap(11, 0), gap(3, 5), gap(4, 4), gap(0, 0)])).toBe(
      'Of the 5 gaps a published strategy addresses, 2 had fewer incidents after it, 1 had more, 1 had as many and 1 had none before or after.',
    )
  })

  it('names the measure in whichever phrase comes first', () => {
    expect(impactSummary([gap(1, 5), gap(0, 0)])).toBe(
      'Of the 2 gaps a published strategy addresses, 1 had more incidents after it and 1 had none before or after.',
    )
  })

  it('speaks of one gap in the singular', () => {
    expect(impactSummary([gap(2, 2)])).toBe(
      'The one gap a published strategy addresses had as many incidents after it as before.',
    )
    expect(impactSummary([gap(0, 0)])).toBe('The one gap a published strategy addresses had no incident before or after it.')
  })
})
