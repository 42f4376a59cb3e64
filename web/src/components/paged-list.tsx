import type { Page } from '@misalign/shared'
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query'
import { type ReactNode, useId, useState } from 'react'
import { EmptyState, Loading, ProblemMessage } from './feedback'

export interface SortChoice {
  value: string
  label: string
}

interface PagedListProps<T> {
  /** The list's pages as an infinite query: each Next fetches the page after the last one held. */
  query: UseInfiniteQueryResult<InfiniteData<Page<T>>>
  /** Plural noun for the header and the pager: "incidents". */
  noun: string
  /** Anything that, when it changes, means a different list: back to page one. */
  resetKey: string
  empty: ReactNode
  /** Renders one page of items (a list, a table, groups). */
  children: (items: T[]) => ReactNode
  sort?: { value: string; choices: SortChoice[]; onChange: (value: string) => void }
  /** Sits beside the count: bulk actions, a legend. */
  toolbar?: ReactNode
}

/** "1–25 of 142", or "of 10,000+" when the API stopped counting (ADR 024). */
export function rangeText(first: number, count: number, page: Page<unknown>, noun: string): string {
  const last = first + count - 1
  if (page.total === undefined) return `${first}–${last}${page.nextCursor ? '+' : ''} ${noun}`
  const total = `${page.total.toLocaleString('en-GB')}${page.isTotalCapped ? '+' : ''}`
  return `${first.toLocaleString('en-GB')}–${last.toLocaleString('en-GB')} of ${total} ${noun}`
}

/**
 * The one list of the app: a header with the total and the sort, one page of items, and a pager
 * ("1–25 of 142", Previous / Next). Pages are keyset pages, so Previous goes back to a page
 * already fetched and Next fetches the page after the last one held.
 */
export function PagedList<T>({ query, noun, resetKey, empty, children, sort, toolbar }: PagedListProps<T>) {
  const [position, setPosition] = useState({ resetKey, index: 0 })
  const sortId = useId()
  const pages = query.data?.pages ?? []
  const index = position.resetKey === resetKey ? Math.min(position.index, Math.max(0, pages.length - 1)) : 0
  const go = (next: number) => setPosition({ resetKey, index: next })

  if (query.isPending) return <Loading label={`Loading ${noun}`} />
  if (!query.data) return <ProblemMessage error={query.error} title={`The ${noun} could not be loaded.`} />
  const page = pages[index] ?? { items: [], nextCursor: null }
  const first = pages.slice(0, index).reduce((n, p) => n + p.items.length, 0) + 1
  const hasNext = index < pages.length - 1 || query.hasNextPage
  async function next() {
    if (index === pages.length - 1) {
      const fetched = await query.fetchNextPage()
      if (fetched.isError) return
    }
    go(index + 1)
  }
  const range = page.items.length > 0 ? rangeText(first, page.items.length, page, noun) : `No ${noun}`

  return (
    <section className="paged-list" aria-label={`List of ${noun}`}>
      <div className="list-header">
        <p className="list-count" aria-live="polite">
          {range}
        </p>
        {toolbar}
        {sort && page.items.length > 0 && (
          <div className="list-sort">
            <label htmlFor={sortId}>Sort by</label>
            <select id={sortId} value={sort.value} onChange={(e) => sort.onChange(e.target.value)}>
              {sort.choices.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {page.items.length === 0 ? <EmptyState>{empty}</EmptyState> : children(page.items)}
      {(index > 0 || hasNext) && (
        <nav className="pager" aria-label={`Pages of ${noun}`}>
          <button type="button" className="button-secondary" disabled={index === 0} onClick={() => go(index - 1)}>
            Previous
          </button>
          <span className="pager-range">{range}</span>
          <button type="button" className="button-secondary" disabled={!hasNext || query.isFetchingNextPage} onClick={next}>
            {query.isFetchingNextPage ? 'Loading…' : 'Next'}
          </button>
        </nav>
      )}
      {query.isFetchNextPageError && <ProblemMessage error={query.error} />}
    </section>
  )
}
