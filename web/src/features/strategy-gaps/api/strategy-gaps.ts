import type {
  GapTransitionBody,
  Incident,
  NewStrategyGap,
  Page,
  Strategy,
  StrategyGap,
  StrategyGapChanges,
  StrategyGapQuery,
} from '@misalign/shared'
import { queryOptions, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, toQuery } from '../../../lib/api'

export type GapFilters = Omit<StrategyGapQuery, 'limit' | 'cursor'>

export const gapListOptions = (filters: GapFilters) =>
  queryOptions({
    queryKey: ['strategy-gaps', 'list', filters],
    queryFn: () => api.get<Page<StrategyGap>>(`/strategy-gaps${toQuery({ ...filters, limit: 200 })}`),
  })
export const useGapList = (filters: GapFilters) => useQuery(gapListOptions(filters))

export const gapOptions = (id: string) =>
  queryOptions({ queryKey: ['strategy-gaps', 'detail', id], queryFn: () => api.get<StrategyGap>(`/strategy-gaps/${id}`) })
export const useGap = (id: string) => useQuery(gapOptions(id))

/**
 * A gap's incidents, for its weighted harm. One request per gap until the API offers a ranking
 * endpoint; 200 incidents per gap is more than any gap has in the demo org.
 */
export const gapIncidentsOptions = (gapId: string) =>
  queryOptions({
    queryKey: ['incidents', 'list', { gapId, limit: 200 }],
    queryFn: () => api.get<Page<Incident>>(`/incidents${toQuery({ gapId, limit: 200 })}`),
  })
export const useGapIncidents = (gapId: string) => useQuery(gapIncidentsOptions(gapId))
export const useGapsIncidents = (gapIds: string[]) => useQueries({ queries: gapIds.map(gapIncidentsOptions) })

export const publishedStrategiesOptions = () =>
  queryOptions({
    queryKey: ['strategies', 'list', { status: 'published' }],
    queryFn: () => api.get<Page<Strategy>>('/strategies?status=published&limit=200'),
  })
export const usePublishedStrategies = () => useQuery(publishedStrategiesOptions())

function useGapMutation<V>(fn: (vars: V) => Promise<StrategyGap>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: (gap) => {
      client.setQueryData(gapOptions(gap.id).queryKey, gap)
      void client.invalidateQueries({ queryKey: ['strategy-gaps', 'list'] })
    },
  })
}
export const useCreateGap = () => useGapMutation((body: NewStrategyGap) => api.post<StrategyGap>('/strategy-gaps', body))
export const useUpdateGap = (id: string) =>
  useGapMutation(({ changes, version }: { changes: StrategyGapChanges; version: number }) =>
    api.patch<StrategyGap>(`/strategy-gaps/${id}`, changes, { ifMatch: version }),
  )
export const useTransitionGap = (id: string) =>
  useGapMutation(({ body, version }: { body: GapTransitionBody; version: number }) =>
    api.post<StrategyGap>(`/strategy-gaps/${id}/transitions`, body, { ifMatch: version }),
  )
