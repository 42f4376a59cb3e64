import { describe, expect, it } from 'vitest'
import { windowProblem } from './report-window'

describe('windowProblem', () => {
  it('accepts an open, a one-day and an ordered window', () => {
    expect(windowProblem({})).toBeUndefined()
    expect(windowProblem({ from: '2026-03-01' })).toBeUndefined()
    expect(windowProblem({ from: '2026-03-01', to: '2026-03-01' })).toBeUndefined()
    expect(windowProblem({ from: '2026-03-01', to: '2026-04-01' })).toBeUndefined()
  })

  it('names from when the window ends before it starts', () => {
    expect(windowProblem({ from: '2026-04-01', to: '2026-03-01' })).toEqual({
      field: 'from',
      message: 'must be on or before to (2026-03-01)',
    })
  })
})
