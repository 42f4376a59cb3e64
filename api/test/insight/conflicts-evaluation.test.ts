import { describe, expect, it } from 'vitest'
import { evaluateConflicts } from '../../bench/insight/conflicts'

describe('the labelled conflict set (api/bench/insight/conflicts.ts)', () => {
  it('finds every conflict worded differently, and flags no look-alike across disjoint scopes', async () => {
    const result = await evaluateConflicts()
    expect(result.conflicts).toBeGreaterThanOrEqual(8)
    expect(result.nonConflicts).toBeGreaterThanOrEqual(6)
    expect(result.misses).toEqual([])
    expect(result.falseFlagged).toEqual([])
    expect(result.found).toBe(result.conflicts)
    expect(result.falseFlags).toBe(0)
  })
})
