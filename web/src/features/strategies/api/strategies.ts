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

export type StrategyFilters = Omit<StrategyQuery, 'limit' | 'cursor'>

export const strategyListOptions = (filters: StrategyFilters) =>
  infiniteQueryOptions({
    queryKey: ['strategies', 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Strategy>>(`/strategies${toQuery({ ...filters, limit: 25, cursor: pageParam })}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  })
export const useStrategyList = (filters: StrategyFilters) => useInfiniteQuery(strategyListOptions(filters))

export const strategyOptions = (id: string) =>
  queryOptions({ queryKey: ['strategies', 'detail', id], queryFn: () => api.get<Strategy>(`/strategies/${id}`) })
export const useStrategy = (id: string) => useQuery(strategyOptions(id))

export const revisionsOptions = (id: string) =>
  queryOptions({
    queryKey: ['strategies', 'revisions', id],
    queryFn: () => api.get<StrategyRevisions>(`/strategies/${id}/revisions`),
  })
export const useRevisions = (id: string) => useQuery(revisionsOptions(id))

function useStrategyMutation<V>(fn: (vars: V) => Promise<Strategy>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: (strategy) => {
      client.setQueryData(strategyOptions(strategy.id).queryKey, strategy)
      void client.invalidateQueries({ queryKey: ['strategies'] })
    },
  })
}

export const useCreateStrategy = () => useStrategyMutation((body: NewStrategy) => api.post<Strategy>('/strategies', body))
export const useUpdateStrategy = (id: string) =>
  useStrategyMutation(({ changes, version }: { changes: StrategyChanges; version: number }) =>
    api.patch<Strategy>(`/strategies/${id}`, changes, { ifMatch: version }),
  )
/** publish, retire (If-Match) and revise (a new draft one revision up). */
export const useStrategyStep = (id: string) =>
  useStrategyMutation(({ step, version }: { step: 'publish' | 'retire' | 'revisions'; version: number }) =>
    api.post<Strategy>(`/strategies/${id}/${step}`, undefined, step === 'revisions' ? {} : { ifMatch: version }),
  )
