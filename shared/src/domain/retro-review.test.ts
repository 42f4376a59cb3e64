import { describe, expect, it } from 'vitest'
import { groupByDecision, groupMissingContext, retroPhaseOf, weeklyCounts, weekStartOf } from './retro-review'

describe('weekly counts of a retro', () => {
  it('starts each week on its Monday', () => {
    expect(weekStartOf('2026-06-29')).toBe('2026-06-29') // a Monday
    expect(weekStartOf('2026-07-05')).toBe('2026-06-29') // the Sunday after
    expect(weekStartOf('2026-07-01')).toBe('2026-06-29')
  })

  it('counts incidents a week and keeps the quiet weeks between as zero', () => {
    const counts = weeklyCounts([{ discoveredAt: '2026-06-30' }, { discoveredAt: '2026-07-02' }, { discoveredAt: '2026-07-20' }])
    expect(counts).toEqual([
      { weekStart: '2026-06-29', count: 2 },
      { weekStart: '2026-07-06', count: 0 },
      { weekStart: '2026-07-13', count: 0 },
      { weekStart: '2026-07-20', count: 1 },
    ])
  })

  it('has no weeks without incidents', () => {
    expect(weeklyCounts([])).toEqual([])
  })
})

describe('the timeline grouped by decision', () => {
  it('puts the decision with most incidents first and the incidents with no decision last', () => {
    const groups = groupByDecision([
      { key: 'MIS-1', decisionId: null, discoveredAt: '2026-01-01' },
      { key: 'MIS-2', decisionId: 'b', discoveredAt: '2026-01-03' },
      { key: 'MIS-3', decisionId: 'a', discoveredAt: '2026-01-05' },
      { key: 'MIS-4', decisionId: 'b', discoveredAt: '2026-01-02' },
      { key: 'MIS-5', decisionId: null, discoveredAt: '2026-01-04' },
      { key: 'MIS-6', decisionId: null, discoveredAt: '2026-01-06' },
    ])
    expect(groups.map((g) => [g.decisionId, g.incidents.map((i) => i.key)])).toEqual([
      ['b', ['MIS-4', 'MIS-2']],
      ['a', ['MIS-3']],
      [null, ['MIS-1', 'MIS-5', 'MIS-6']],
    ])
  })
})

describe('missing context grouped', () => {
  it('reads the same words in another case, spacing or with a full stop as one group', () => {
    const { groups, notNamed } = groupMissingContext([
      { key: 'MIS-1', missingContext: 'The API sunset date' },
      { key: 'MIS-2', missingContext: '  the API  sunset date.' },
      { key: 'MIS-3', missingContext: 'Who owns the roadmap' },
      { key: 'MIS-4', missingContext: '   ' },
    ])
    expect(groups).toEqual([
      { text: 'The API sunset date', keys: ['MIS-1', 'MIS-2'] },
      { text: 'Who owns the roadmap', keys: ['MIS-3'] },
    ])
    expect(notNamed).toBe(1)
  })
})

describe('the phase in a URL', () => {
  it('starts at the review when the phase is missing or unknown', () => {
    expect(retroPhaseOf(null)).toBe('review')
    expect(retroPhaseOf('nonsense')).toBe('review')
    expect(retroPhaseOf('actions')).toBe('actions')
  })
})
