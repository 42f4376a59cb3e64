import type { FieldProblem } from './errors'

/**
 * A from/to window of discovery days. One that ends before it starts is a mistake the caller
 * can fix, not an empty answer: this names the field to fix, or nothing when the window reads.
 */
export function windowProblem(window: { from?: string; to?: string }): FieldProblem | undefined {
  if (window.from && window.to && window.from > window.to) {
    return { field: 'from', message: `must be on or before to (${window.to})` }
  }
  return undefined
}
