import { type ReactNode, useState } from 'react'

/**
 * The first rows of a long table, and a control that says how many there are and shows the rest:
 * a review page of several tables stays short, and nothing is cut off without saying so.
 */
export function useRowLimit<T>(items: readonly T[], noun: string, initial = 10): { shown: readonly T[]; control: ReactNode } {
  const [expanded, setExpanded] = useState(false)
  if (items.length <= initial) return { shown: items, control: null }
  const shown = expanded ? items : items.slice(0, initial)
  return {
    shown,
    control: (
      <p className="list-count">
        {expanded ? `All ${items.length} ${noun}.` : `The first ${initial} of ${items.length} ${noun}.`}{' '}
        <button type="button" className="button-link" onClick={() => setExpanded(!expanded)}>
          {expanded ? `Show the first ${initial}` : `Show all ${items.length}`}
        </button>
      </p>
    ),
  }
}
