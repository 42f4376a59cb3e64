import { ProblemMessage } from './feedback'

/** The part of an infinite query that paging needs (`useInfiniteQuery`'s result fits). */
export interface NextPages {
  hasNextPage: boolean
  isFetchingNextPage: boolean
  isFetchNextPageError: boolean
  error: unknown
  fetchNextPage: () => unknown
}

/**
 * "Show more …" under a paged list: one button that fetches the next page and says so while it
 * loads, and the API's own words when that page fails. `label` names what there is more of, so
 * each list's button has an accessible name of its own ("Show more incidents").
 */
export function ShowMore({ list, label }: { list: NextPages; label: string }) {
  return (
    <>
      {list.hasNextPage && (
        <button
          type="button"
          className="button-secondary"
          onClick={() => list.fetchNextPage()}
          disabled={list.isFetchingNextPage}
        >
          {list.isFetchingNextPage ? 'Loading more…' : label}
        </button>
      )}
      {list.isFetchNextPageError && <ProblemMessage error={list.error} />}
    </>
  )
}
