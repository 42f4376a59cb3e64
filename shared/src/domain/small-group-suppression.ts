import { MIN_ANONYMITY_GROUP } from './policy'

export interface Cell {
  count: number
}

export type Suppressed<T extends Cell> = (T & { suppressed: false }) | (Omit<T, 'count'> & { count: null; suppressed: true })

/**
 * Hides breakdown cells small enough to point at a person (fewer than `min` incidents, but not
 * zero). When the total is shown, one hidden cell could be recovered as total minus the rest, so
 * the smallest visible cells are hidden too until at least two are hidden ("complementary
 * suppression"). Pure, so every chart and export applies the same rule.
 */
export function suppressSmallCells<T extends Cell>(cells: readonly T[], min = MIN_ANONYMITY_GROUP): Suppressed<T>[] {
  const hidden = new Set<number>()
  cells.forEach((cell, index) => {
    if (cell.count > 0 && cell.count < min) hidden.add(index)
  })
  while (hidden.size === 1) {
    const candidates = cells
      .map((cell, index) => ({ cell, index }))
      .filter(({ cell, index }) => !hidden.has(index) && cell.count > 0)
      .sort((a, b) => a.cell.count - b.cell.count)
    const next = candidates[0]
    if (!next) break
    hidden.add(next.index)
  }
  return cells.map((cell, index) => {
    if (!hidden.has(index)) return { ...cell, suppressed: false as const }
    const { count: _, ...rest } = cell
    return { ...rest, count: null, suppressed: true as const }
  })
}
