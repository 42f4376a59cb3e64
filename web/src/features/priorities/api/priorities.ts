import type {
  Priority,
  PriorityChanges,
  PriorityPage,
  TradeoffConfirmation,
  TradeoffsToConfirmPage,
  TradeoffToConfirm,
} from '@misalign/shared'
import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query'
import { api, toQuery } from '../../../lib/api'
import { invalidateAfter } from '../../../lib/invalidation'
import { priorityKeys } from '../../../lib/query-keys'

export const priorityListOptions = (q: string) =>
  infiniteQueryOptions({
    queryKey: priorityKeys.list({ q }),
    queryFn: ({ pageParam, signal }) =>
      api.get<PriorityPage>(`/priorities${toQuery({ q: q || undefined, limit: 50, cursor: pageParam })}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  })
export const usePriorityList = (q: string) => useInfiniteQuery(priorityListOptions(q))

/** Changes a priority; adding one goes through lib/priorities (the tradeoff fields add them too). */
export function useUpdatePriority(priority: Priority) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (changes: PriorityChanges) =>
      api.patch<Priority>(`/priorities/${priority.id}`, changes, { ifMatch: priority.version }),
    onSuccess: () => invalidateAfter(client, 'priority.updated'),
  })
}

export const tradeoffsToConfirmOptions = () =>
  infiniteQueryOptions({
    queryKey: priorityKeys.tradeoffsToConfirm(),
    queryFn: ({ pageParam, signal }) =>
      api.get<TradeoffsToConfirmPage>(`/priorities/tradeoffs-to-confirm${toQuery({ limit: 20, cursor: pageParam })}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  })
export const useTradeoffsToConfirm = () => useInfiniteQuery(tradeoffsToConfirmOptions())

/** Confirming changes the decision or strategy too (its version and its tradeoff's priorities). */
export function useConfirmTradeoff(item: TradeoffToConfirm) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (picks: Pick<TradeoffConfirmation, 'preferPriorityId' | 'overPriorityId'>) =>
      api.post<TradeoffToConfirm>(
        '/priorities/tradeoffs-to-confirm',
        { holderKind: item.holderKind, holderId: item.holderId, tradeoffIndex: item.tradeoffIndex, ...picks },
        { ifMatch: item.holderVersion },
      ),
    onSuccess: () => invalidateAfter(client, 'tradeoff.confirmed'),
  })
}
