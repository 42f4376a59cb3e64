import type {
  Decision,
  GapAttachBody,
  GapAttachResult,
  GapContext,
  GapImpact,
  GapRanking,
  GapRankingQuery,
  GapStrategyDraft,
  GapSuggestionQuery,
  GapSuggestions,
  GapTransitionBody,
  Incident,
  NewStrategy,
  NewStrategyGap,
  Page,
  Strategy,
  StrategyGap,
  StrategyGapChanges,
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
import { decisionKeys, gapKeys, incidentKeys, strategyKeys } from '../../../lib/query-keys'

export type RankingFilters = Omit<GapRankingQuery, 'limit' | 'cursor'>

/** Gaps ranked by weighted harm, a page at a time ("1–25 of 142"); the API applies visibility. */
export const gapRankingOptions = (filters: RankingFilters, limit = 25) =>
  infiniteQueryOptions({
    queryKey: gapKeys.ranking({ ...filters, limit }),
    queryFn: ({ pageParam, signal }) =>
      api.get<GapRanking>(`/strategy-gaps/ranking${toQuery({ ...filters, limit, cursor: pageParam })}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  })
export const useGapRanking = (filters: RankingFilters) => useInfiniteQuery(gapRankingOptions(filters))

export const gapSuggestionsOptions = (filters: GapSuggestionQuery) =>
  queryOptions({
    queryKey: gapKeys.suggestions(filters),
    queryFn: () => api.get<GapSuggestions>(`/strategy-gaps/suggestions${toQuery({ ...filters })}`),
  })
export const useGapSuggestions = (filters: GapSuggestionQuery) => useQuery(gapSuggestionsOptions(filters))

export const gapOptions = (id: string) =>
  queryOptions({ queryKey: gapKeys.detail(id), queryFn: () => api.get<StrategyGap>(`/strategy-gaps/${id}`) })
export const useGap = (id: string) => useQuery(gapOptions(id))

export const gapContextOptions = (id: string) =>
  queryOptions({
    queryKey: gapKeys.context(id),
    queryFn: () => api.get<GapContext>(`/strategy-gaps/${id}/context`),
  })
export const useGapContext = (id: string) => useQuery(gapContextOptions(id))

export const gapImpactOptions = (id: string, weeks?: number) =>
  queryOptions({
    queryKey: gapKeys.impact(id, weeks),
    queryFn: () => api.get<GapImpact>(`/strategy-gaps/${id}/impact${toQuery({ weeks })}`),
  })
export const useGapImpact = (id: string, weeks?: number) => useQuery(gapImpactOptions(id, weeks))

export const publishedStrategiesOptions = () =>
  queryOptions({
    queryKey: strategyKeys.list({ status: 'published' }),
    queryFn: () => api.get<Page<Strategy>>('/strategies?status=published&limit=200'),
  })
export const usePublishedStrategies = () => useQuery(publishedStrategiesOptions())

function useGapMutation<V>(event: 'gap.created' | 'gap.updated' | 'gap.transitioned', fn: (vars: V) => Promise<StrategyGap>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: (gap) => {
      // Who took the step, the verification outlook and the before/after change with it: the
      // event's prefixes cover the gap's context and impact; the gap itself is the answer.
      void invalidateAfter(client, event)
      client.setQueryData(gapOptions(gap.id).queryKey, gap)
    },
  })
}
export const useCreateGap = () =>
  useGapMutation('gap.created', (body: NewStrategyGap) => api.post<StrategyGap>('/strategy-gaps', body))
export const useUpdateGap = (id: string) =>
  useGapMutation('gap.updated', ({ changes, version }: { changes: StrategyGapChanges; version: number }) =>
    api.patch<StrategyGap>(`/strategy-gaps/${id}`, changes, { ifMatch: version }),
  )
export const useTransitionGap = (id: string) =>
  useGapMutation('gap.transitioned', ({ body, version }: { body: GapTransitionBody; version: number }) =>
    api.post<StrategyGap>(`/strategy-gaps/${id}/transitions`, body, { ifMatch: version }),
  )

/**
 * "Draft the strategy now": the API drafts the strategy and links the gap to it in one go. The
 * mutation answers the strategy, so a strategy form can use it in place of its own create.
 */
export function useDraftGapStrategy(gap: StrategyGap) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: async (body: NewStrategy): Promise<Strategy> => {
      const drafted = await api.post<GapStrategyDraft>(`/strategy-gaps/${gap.id}/strategy-draft`, body, { ifMatch: gap.version })
      client.setQueryData(gapOptions(gap.id).queryKey, drafted.gap)
      return drafted.strategy
    },
    onSuccess: () => {
      void invalidateAfter(client, 'gap.updated')
      void invalidateAfter(client, 'strategy.created')
    },
  })
}

/** Decisions whose title or summary holds the words, to put behind a gap; a short page is enough to pick from. */
export const decisionSearchOptions = (q: string) =>
  queryOptions({
    queryKey: decisionKeys.list({ q, limit: 10 }),
    queryFn: () => api.get<Page<Decision>>(`/decisions${toQuery({ q, limit: 10 })}`),
    enabled: q.trim().length >= 2,
  })
export const useDecisionSearch = (q: string) => useQuery(decisionSearchOptions(q))

/** An incident by its MIS number, as typed: 404 when there is none the viewer may see. */
export const findIncident = (key: string) => api.get<Incident>(`/incidents/${encodeURIComponent(key.trim().toUpperCase())}`)

/**
 * Attaching or detaching moves the gap's decisions and incidents: the gap, its context, its
 * before/after, every ranking and every incident list change with it.
 */
function useAttachMutation(gapId: string, path: 'attach' | 'detach') {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: GapAttachBody) => api.post<GapAttachResult>(`/strategy-gaps/${gapId}/${path}`, body),
    onSuccess: (result) => {
      void invalidateAfter(client, 'gap.attached')
      client.setQueryData(gapOptions(gapId).queryKey, result.gap)
    },
  })
}
export const useAttachToGap = (gapId: string) => useAttachMutation(gapId, 'attach')
export const useDetachFromGap = (gapId: string) => useAttachMutation(gapId, 'detach')
