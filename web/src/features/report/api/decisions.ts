import type { Decision, NewDecision, Page } from '@misalign/shared'
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, toQuery } from '../../../lib/api'
import { invalidateAfter } from '../../../lib/invalidation'
import { decisionKeys } from '../../../lib/query-keys'

export const decisionSearchOptions = (q: string) =>
  queryOptions({
    queryKey: decisionKeys.list({ q, limit: 8 }),
    queryFn: ({ signal }) => api.get<Page<Decision>>(`/decisions${toQuery({ q, limit: 8 })}`, { signal }),
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
  })
export const useDecisionSearch = (q: string) => useQuery(decisionSearchOptions(q))

/** Recording the upstream decision in place, when nobody has yet. */
export function useCreateDecision() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: NewDecision) => api.post<Decision>('/decisions', body),
    onSuccess: () => invalidateAfter(client, 'decision.created'),
  })
}
