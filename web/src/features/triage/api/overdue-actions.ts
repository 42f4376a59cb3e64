import type { Page, RetroAction } from '@misalign/shared'
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query'
import { api, toQuery } from '../../../lib/api'
import { triageKeys } from '../../../lib/query-keys'

/** Ten a page: triage is a page of several queues, and each one must stay short. */
export const OVERDUE_PAGE_SIZE = 10

/** Open actions past their due date, most overdue first, a page at a time with the total. */
export const overdueActionsOptions = (teamId: string) =>
  infiniteQueryOptions({
    queryKey: triageKeys.overdueActions({ teamId }),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<RetroAction>>(
        `/triage/overdue-actions${toQuery({ teamId: teamId || undefined, limit: OVERDUE_PAGE_SIZE, cursor: pageParam })}`,
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  })
export const useOverdueActions = (teamId: string) => useInfiniteQuery(overdueActionsOptions(teamId))
