import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hiddenRemainder } from './analytics'
import { suppressSmallCells } from './small-group-suppression'

/** Cells as the team matrix has them: the true figures and whether suppression hid them. */
const column = (counts: number[]) =>
  suppressSmallCells(counts.map((count) => ({ count }))).map((cell, k) => ({
    incidents: counts[k] as number,
    weightedHarm: (counts[k] as number) * 4,
    suppressed: cell.suppressed,
  }))

describe('the hidden remainder of a breakdown ("other teams")', () => {
  it('adds up the hidden cells when the total is published and they reach the minimum group', () => {
    expect(hiddenRemainder(column([3, 4, 2, 30]), true)).toEqual({ cells: 3, incidents: 9, weightedHarm: 36 })
  })

  it('shows nothing when the total is hidden, one cell is hidden, or the hidden cells stay under 5', () => {
    expect(hiddenRemainder(column([3, 4, 30]), false)).toBeNull()
    expect(hiddenRemainder([{ incidents: 6, weightedHarm: 6, suppressed: true }], true)).toBeNull()
    expect(hiddenRemainder(column([1, 2, 30]), true)).toBeNull()
    expect(hiddenRemainder(column([8, 30]), true)).toBeNull()
  })

  it('equals the published total minus the shown cells whenever it is shown, and is never under 5', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 12 }), { maxLength: 10 }), (counts) => {
        const cells = column(counts)
        const total = counts.reduce((sum, n) => sum + n, 0)
        const remainder = hiddenRemainder(cells, total >= 5)
        if (!remainder) return
        const shown = cells.filter((cell) => !cell.suppressed).reduce((sum, cell) => sum + cell.incidents, 0)
        expect(remainder.incidents).toBe(total - shown)
        expect(remainder.incidents).toBeGreaterThanOrEqual(5)
        expect(remainder.cells).toBeGreaterThanOrEqual(2)
      }),
    )
  })
})
