import { describe, expect, it } from 'vitest'
import { incidentOverlap, mergeSameStory } from './gap-suggestions'

const suggestion = (source: 'decision' | 'cluster', sourceId: string, incidentIds: string[], weightedHarm: number) => ({
  source,
  sourceId,
  title: `${source} ${sourceId}`,
  incidentIds,
  weightedHarm,
})

describe('incidentOverlap', () => {
  it('is 1 for the same set, 0 for disjoint or empty sets, and shared over all in between', () => {
    expect(incidentOverlap(['a', 'b'], ['b', 'a'])).toBe(1)
    expect(incidentOverlap(['a'], ['b'])).toBe(0)
    expect(incidentOverlap([], [])).toBe(0)
    expect(incidentOverlap(['a', 'b', 'c', 'd', 'e'], ['a', 'b', 'c', 'd'])).toBe(0.8)
  })
})

describe('mergeSameStory', () => {
  it('offers a decision and a cluster with the same incidents once, keeping both reasons', () => {
    const merged = mergeSameStory([
      suggestion('cluster', 'c1', ['i1', 'i2', 'i3'], 40),
      suggestion('decision', 'd1', ['i3', 'i2', 'i1'], 40),
    ])
    expect(merged).toHaveLength(1)
    expect(merged[0]).toMatchObject({ source: 'decision', sourceId: 'd1' })
    expect(merged[0]?.reasons.map((r) => r.sourceId)).toEqual(['d1', 'c1'])
  })

  it('merges mostly the same stories and keeps the weightier one’s incidents and numbers', () => {
    const merged = mergeSameStory([
      suggestion('cluster', 'c1', ['i1', 'i2', 'i3', 'i4'], 50),
      suggestion('decision', 'd1', ['i1', 'i2', 'i3', 'i4', 'i5'], 60),
    ])
    expect(merged).toHaveLength(1)
    expect(merged[0]).toMatchObject({ source: 'decision', sourceId: 'd1', weightedHarm: 60 })
    expect(merged[0]?.incidentIds).toHaveLength(5)
    expect(merged[0]?.reasons.map((r) => r.source)).toEqual(['decision', 'cluster'])
  })

  it('keeps stories apart when they share fewer incidents than the threshold', () => {
    const merged = mergeSameStory([
      suggestion('cluster', 'c1', ['i1', 'i2', 'i3'], 50),
      suggestion('decision', 'd1', ['i1', 'i2', 'i3', 'i4', 'i5'], 60),
      suggestion('decision', 'd2', ['i9', 'i8'], 30),
    ])
    expect(merged.map((m) => m.sourceId)).toEqual(['d1', 'c1', 'd2'])
    expect(merged.every((m) => m.reasons.length === 1)).toBe(true)
  })
})
