import type { ReactNode } from 'react'

/**
 * A wide table's frame: on a narrow screen the table scrolls sideways inside it, not the page.
 * A region that scrolls must be reachable by keyboard (axe: scrollable-region-focusable), so it
 * takes focus and says what it holds.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus so keyboard users can scroll it
    <section className="table-scroll" aria-label={`${label}, scrolls sideways`} tabIndex={0}>
      {children}
    </section>
  )
}
