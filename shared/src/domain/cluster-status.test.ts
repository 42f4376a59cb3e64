import { describe, expect, it } from 'vitest'
import { repeatedClusterProblems } from './cluster-status'

describe('repeatedClusterProblems', () => {
  it('accepts clusters named once each', () => {
    expect(repeatedClusterProblems([{ id: 'a' }, { id: 'b' }])).toEqual([])
  })

  it('points at the second mention of a repeated cluster', () => {
    expect(repeatedClusterProblems([{ id: 'a' }, { id: 'b' }, { id: 'a' }])).toEqual([
      { field: 'clusters/2/id', message: 'names cluster a a second time' },
    ])
  })
})
