import type { NewPriority, Priority, PrioritySuggestions } from '@misalign/shared'
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, toQuery } from './api'
import { invalidateAfter } from './invalidation'
import { priorityKeys } from './query-keys'

/*
 * The priorities register as the tradeoff fields of several features use it: what typed words
 * may mean, and adding a priority named by them. The Priorities page has its own list hooks.
 */

export const prioritySuggestionsOptions = (text: string) =>
  queryOptions({
    queryKey: priorityKeys.suggestions(text),
    queryFn: ({ signal }) => api.get<PrioritySuggestions>(`/priorities/suggestions${toQuery({ text })}`, { signal }),
    enabled: text.trim().length > 0,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  })
export const usePrioritySuggestions = (text: string) => useQuery(prioritySuggestionsOptions(text))

export function useCreatePriority() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: NewPriority) => api.post<Priority>('/priorities', body),
    onSuccess: () => invalidateAfter(client, 'priority.created'),
  })
}
