import { describe, expect, it } from 'vitest'
import { totalWeightedHarm, WEIGHTED_HARM_EXPLANATION, weightedHarm } from './harm'

describe('weightedHarm', () => {
  it('multiplies harm by surprise', () => {
    expect(weightedHarm({ harm: 4, surprise: 3 })).toBe(12)
  })

  it('ranges from 1 to 25 over the 1–5 ratings', () => {
    expect(weightedHarm({ harm: 1, surprise: 1 })).toBe(1)
    expect(weightedHarm({ harm: 5, surprise: 5 })).toBe(25)
  })

  it('is explained in words the screen can show', () => {
    expect(WEIGHTED_HARM_EXPLANATION).toBe('Weighted harm = harm × surprise (1–25)')
  })
})

describe('totalWeightedHarm', () => {
  it('sums the weighted harm of every incident', () => {
    expect(
      totalWeightedHarm([
        { harm: 2, surprise: 3 },
        { harm: 5, surprise: 1 },
      ]),
    ).toBe(11)
  })

  it('is zero for no incidents', () => {
    expect(totalWeightedHarm([])).toBe(0)
  })
})
