import type {
  Decision,
  DecisionChanges,
  DecisionQuery,
  Incident,
  NewDecision,
  NewStrategy,
  Page,
  Strategy,
  TradeoffRequests,
} from '@misalign/shared'
import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query'
import { api, toQuery } from '../../../lib/api'
import { invalidateAfter } from '../../../lib/invalidation'
import { decisionKeys, incidentKeys, leadershipKeys } from '../../../lib/query-keys'

export type DecisionFilters = Omit<DecisionQuery, 'limit' | 'cursor'>

export const decisionListOptions = (filters: DecisionFilters) =>
  infiniteQueryOptions({
    queryKey: decisionKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Decision>>(`/decisions${toQuery({ ...filters, limit: 25, cursor: pageParam })}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  })
export const useDecisionList = (filters: DecisionFilters) => useInfiniteQuery(decisionListOptions(filters))

export const decisionOptions = (id: string) =>
  queryOptions({ queryKey: decisionKeys.detail(id), queryFn: () => api.get<Decision>(`/decisions/${id}`) })
export const useDecision = (id: string) => useQuery(decisionOptions(id))

/** The incidents that point at a decision: the harm it caused, in the reporters' words. */
export const decisionIncidentsOptions = (id: string) =>
  queryOptions({
    queryKey: incidentKeys.list({ decisionId: id, limit: 200 }),
    queryFn: () => api.get<Page<Incident>>(`/incidents${toQuery({ decisionId: id, limit: 200 })}`),
  })
export const useDecisionIncidents = (id: string) => useQuery(decisionIncidentsOptions(id))

export function useSaveDecision(id: string | null) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ body, version }: { body: NewDecision | DecisionChanges; version?: number }) =>
      id && version !== undefined
        ? api.patch<Decision>(`/decisions/${id}`, body, { ifMatch: version })
        : api.post<Decision>('/decisions', body),
    onSuccess: (decision) => {
      void invalidateAfter(client, id ? 'decision.updated' : 'decision.created')
      client.setQueryData(decisionOptions(decision.id).queryKey, decision)
    },
  })
}

/** Advocating autonomy: a decision's stated tradeoff becomes a strategy draft partner teams can use. */
export function useDraftStrategy() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: NewStrategy) => api.post<Strategy>('/strategies', body),
    onSuccess: () => invalidateAfter(client, 'strategy.created'),
  })
}

/** Open requests from leadership that the owning team state this decision's tradeoff. */
export const openTradeoffRequestsOptions = (decisionId: string) =>
  queryOptions({
    queryKey: leadershipKeys.openTradeoffRequests(decisionId),
    queryFn: () => api.get<TradeoffRequests>(`/leadership/tradeoff-requests${toQuery({ decisionId, status: 'open' })}`),
  })
export const useOpenTradeoffRequests = (decisionId: string) => useQuery(openTradeoffRequestsOptions(decisionId))
