import { describe, expect, it } from 'vitest'
import { changeOf, headlineWindows, isListableTeamCount, medianLagBucket, rankChanges } from './headline'

const entry = (key: string, previous: [number, number], current: [number, number]) => ({
  key,
  label: key,
  previous: { incidents: previous[0], weightedHarm: previous[1] },
  current: { incidents: current[0], weightedHarm: current[1] },
})

describe('headline windows', () => {
  it('compares a window with the window of equal length that ends the day before it', () => {
    expect(headlineWindows({ from: '2026-04-01', to: '2026-06-29' }, '2026-12-01')).toEqual({
      current: { from: '2026-04-01', to: '2026-06-29' },
      previous: { from: '2026-01-01', to: '2026-03-31' },
    })
  })

  it('uses the dashboard’s default 90 days ending today when no dates are given', () => {
    const { current, previous } = headlineWindows({}, '2026-06-30')
    expect(current).toEqual({ from: '2026-04-02', to: '2026-06-30' })
    expect(previous).toEqual({ from: '2026-01-02', to: '2026-04-01' })
  })

  it('reads a lone from as “from then until today”', () => {
    expect(headlineWindows({ from: '2026-06-21' }, '2026-06-30').previous).toEqual({ from: '2026-06-11', to: '2026-06-20' })
  })
})

describe('changes', () => {
  it('gives the absolute change and the change in percent of the previous value', () => {
    expect(changeOf(150, 100)).toEqual({ current: 150, previous: 100, change: 50, changePercent: 50 })
    expect(changeOf(0.25, 0.5)).toMatchObject({ change: -0.25, changePercent: -50 })
  })

  it('has no percentage when there was nothing before', () => {
    expect(changeOf(12, 0).changePercent).toBeNull()
  })
})

describe('median lag bucket', () => {
  it('is the bucket where the running count reaches half of the incidents', () => {
    expect(medianLagBucket([1, 1, 5, 0, 0])).toBe(2)
    expect(medianLagBucket([5, 5, 0, 0, 0])).toBe(0)
    expect(medianLagBucket([0, 0, 0, 0, 3])).toBe(4)
  })

  it('is unknown when no incident has a known lag', () => {
    expect(medianLagBucket([0, 0, 0, 0, 0])).toBeNull()
  })
})

describe('team-level entries', () => {
  it('are listed only when both counts are 0 or at least 5', () => {
    expect(isListableTeamCount(0, 5)).toBe(true)
    expect(isListableTeamCount(9, 12)).toBe(true)
    expect(isListableTeamCount(4, 12)).toBe(false)
    expect(isListableTeamCount(12, 1)).toBe(false)
  })
})

describe('what changed', () => {
  it('ranks rises and falls by the change in weighted harm, largest first', () => {
    const { rises, falls } = rankChanges([
      entry('a', [5, 50], [10, 120]),
      entry('b', [5, 50], [6, 60]),
      entry('c', [20, 300], [2, 20]),
      entry('d', [8, 100], [6, 80]),
      entry('e', [3, 30], [3, 30]),
    ])
    expect(rises.map((e) => e.key)).toEqual(['a', 'b'])
    expect(falls.map((e) => e.key)).toEqual(['c', 'd'])
  })

  it('breaks ties by the change in incidents, then by key, so the list is stable', () => {
    const { rises } = rankChanges([entry('z', [0, 0], [2, 40]), entry('y', [0, 0], [4, 40]), entry('x', [0, 0], [2, 40])])
    expect(rises.map((e) => e.key)).toEqual(['y', 'x', 'z'])
  })

  it('keeps at most five of each', () => {
    const many = Array.from({ length: 8 }, (_, i) => entry(`k${i}`, [0, 0], [1, i + 1]))
    expect(rankChanges(many).rises).toHaveLength(5)
    expect(rankChanges(many).rises[0]?.key).toBe('k7')
  })
})
