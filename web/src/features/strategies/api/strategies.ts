import type { NewStrategy, Page, Strategy, StrategyChanges, StrategyQuery, StrategyRevisions } from '@misalign/shared'
import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query'
import { api, toQuery } from '../../../lib/api'
import { invalidateAfter, type WriteEvent } from '../../../lib/invalidation'
import { strategyKeys } from '../../../lib/query-keys'

export type StrategyFilters = Omit<StrategyQuery, 'limit' | 'cursor'>

export const strategyListOptions = (filters: StrategyFilters) =>
  infiniteQueryOptions({
    queryKey: strategyKeys.pages(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Strategy>>(`/strategies${toQuery({ ...filters, limit: 25, cursor: pageParam })}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  })
export const useStrategyList = (filters: StrategyFilters) => useInfiniteQuery(strategyListOptions(filters))

export const strategyOptions = (id: string) =>
  queryOptions({ queryKey: strategyKeys.detail(id), queryFn: () => api.get<Strategy>(`/strategies/${id}`) })
export const useStrategy = (id: string) => useQuery(strategyOptions(id))

export const revisionsOptions = (id: string) =>
  queryOptions({
    queryKey: strategyKeys.revisions(id),
    queryFn: () => api.get<StrategyRevisions>(`/strategies/${id}/revisions`),
  })
export const useRevisions = (id: string) => useQuery(revisionsOptions(id))

type StrategyStep = 'publish' | 'retire' | 'revisions'
const eventOfStep = {
  publish: 'strategy.published',
  retire: 'strategy.retired',
  revisions: 'strategy.revised',
} as const satisfies Record<StrategyStep, WriteEvent>

function useStrategyMutation<V>(eventOf: (vars: V) => WriteEvent, fn: (vars: V) => Promise<Strategy>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: (strategy, vars) => {
      void invalidateAfter(client, eventOf(vars))
      client.setQueryData(strategyOptions(strategy.id).queryKey, strategy)
    },
  })
}

export const useCreateStrategy = () =>
  useStrategyMutation(
    () => 'strategy.created',
    (body: NewStrategy) => api.post<Strategy>('/strategies', body),
  )
export const useUpdateStrategy = (id: string) =>
  useStrategyMutation(
    () => 'strategy.updated',
    ({ changes, version }: { changes: StrategyChanges; version: number }) =>
      api.patch<Strategy>(`/strategies/${id}`, changes, { ifMatch: version }),
  )
/** publish, retire (If-Match) and revise (a new draft one revision up). */
export const useStrategyStep = (id: string) =>
  useStrategyMutation(
    ({ step }: { step: StrategyStep; version: number }) => eventOfStep[step],
    ({ step, version }) =>
      api.post<Strategy>(`/strategies/${id}/${step}`, undefined, step === 'revisions' ? {} : { ifMatch: version }),
  )
