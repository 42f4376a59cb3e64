import type { ActivityEntry, NewIncidentComment, Page } from '@misalign/shared'
import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query'
import { api, toQuery } from '../../../lib/api'

/** The incident's feed: changes and comments, newest first, a page at a time. */
export const activityOptions = (incidentId: string) =>
  infiniteQueryOptions({
    queryKey: ['incidents', 'activity', incidentId],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<ActivityEntry>>(`/incidents/${incidentId}/activity${toQuery({ limit: 20, cursor: pageParam })}`, {
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  })
export const useActivity = (incidentId: string) => useInfiniteQuery(activityOptions(incidentId))

export function useAddComment(incidentId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (comment: NewIncidentComment) => api.post<ActivityEntry>(`/incidents/${incidentId}/comments`, comment),
    onSuccess: () => client.invalidateQueries({ queryKey: activityOptions(incidentId).queryKey }),
  })
}
