import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { suppressSmallCells } from './small-group-suppression'

const counts = (cells: { count: number | null }[]) => cells.map((cell) => cell.count)

describe('small-group suppression', () => {
  it('hides cells of one to four incidents and keeps zeros and larger cells', () => {
    expect(counts(suppressSmallCells([{ count: 0 }, { count: 3 }, { count: 2 }, { count: 12 }]))).toEqual([0, null, null, 12])
  })

  it('hides a second cell when one hidden cell could be recovered by subtraction', () => {
    const result = suppressSmallCells([
      { key: 'a', count: 3 },
      { key: 'b', count: 9 },
      { key: 'c', count: 40 },
    ])
    expect(counts(result)).toEqual([null, null, 40])
    expect(result[0]).toMatchObject({ key: 'a', suppressed: true })
  })

  it('leaves a breakdown without small cells untouched', () => {
    expect(counts(suppressSmallCells([{ count: 5 }, { count: 7 }]))).toEqual([5, 7])
  })

  it('never leaves exactly one hidden cell beside visible ones', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 30 }), { maxLength: 12 }), (values) => {
        const result = suppressSmallCells(values.map((count) => ({ count })))
        const hidden = result.filter((cell) => cell.suppressed).length
        const visibleNonZero = result.filter((cell) => !cell.suppressed && (cell.count ?? 0) > 0).length
        expect(hidden === 1 && visibleNonZero > 0).toBe(false)
        for (const cell of result) if (!cell.suppressed) expect(cell.count === 0 || (cell.count ?? 0) >= 5).toBe(true)
      }),
    )
  })
})
