import type { Decision, Page, StrategyGap } from '@misalign/shared'
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { api, toQuery } from '../../../lib/api'
import { decisionKeys, gapKeys } from '../../../lib/query-keys'

/** The trace of an incident: its decision and its strategy gap, read by id. */
export const decisionOptions = (id: string) =>
  queryOptions({ queryKey: decisionKeys.detail(id), queryFn: () => api.get<Decision>(`/decisions/${id}`) })
export const useDecision = (id: string | null) => useQuery({ ...decisionOptions(id ?? ''), enabled: !!id })

export const gapOptions = (id: string) =>
  queryOptions({ queryKey: gapKeys.detail(id), queryFn: () => api.get<StrategyGap>(`/strategy-gaps/${id}`) })
export const useGap = (id: string | null) => useQuery({ ...gapOptions(id ?? ''), enabled: !!id })

export const gapListOptions = () =>
  queryOptions({
    queryKey: gapKeys.list({ limit: 200 }),
    queryFn: () => api.get<Page<StrategyGap>>('/strategy-gaps?limit=200'),
    staleTime: 5 * 60_000,
  })
export const useGapList = () => useQuery(gapListOptions())

export const decisionSearchOptions = (q: string) =>
  queryOptions({
    queryKey: decisionKeys.list({ q, limit: 8 }),
    queryFn: ({ signal }) => api.get<Page<Decision>>(`/decisions${toQuery({ q, limit: 8 })}`, { signal }),
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
  })
export const useDecisionSearch = (q: string) => useQuery(decisionSearchOptions(q))
