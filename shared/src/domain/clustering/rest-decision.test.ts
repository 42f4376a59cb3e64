import { describe, expect, it } from 'vitest'
import { decisionForTheRest } from './rest-decision'

const member = (id: string, decisionId: string | null = null) => ({ id, decisionId })

describe('decisionForTheRest', () => {
  it('suggests the decision most members name for the members naming none', () => {
    const members = [member('a', 'd1'), member('b', 'd1'), member('c', 'd1'), member('d'), member('e')]
    expect(decisionForTheRest(members, () => null)).toEqual({ decisionId: 'd1', named: 3, likely: 0, unnamedIds: ['d', 'e'] })
    // Half is not most.
    expect(decisionForTheRest(members.slice(1), () => null)).toBeNull()
  })

  it('counts members whose words point at a decision nobody named', () => {
    const members = [member('a'), member('b'), member('c')]
    const guesses: Record<string, string | null> = { a: 'd2', b: 'd2', c: null }
    expect(decisionForTheRest(members, (id) => guesses[id] ?? null)).toEqual({
      decisionId: 'd2',
      named: 0,
      likely: 2,
      unnamedIds: ['a', 'b', 'c'],
    })
  })

  it('suggests nothing when no decision holds most of the cluster', () => {
    const members = [member('a', 'd1'), member('b', 'd2'), member('c'), member('d')]
    expect(decisionForTheRest(members, () => null)).toBeNull()
  })

  it('suggests nothing on one report alone, or when every member names a decision', () => {
    expect(decisionForTheRest([member('a', 'd1'), member('b')], () => null)).toBeNull()
    expect(decisionForTheRest([member('a', 'd1'), member('b', 'd1'), member('c', 'd1')], () => null)).toBeNull()
  })
})
