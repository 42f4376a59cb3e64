import type { ActivityEntry, NewIncidentComment, Page } from '@misalign/shared'
import { infiniteQueryOptions, useInfiniteQuery, useMutation } from '@tanstack/react-query'
import { api, toQuery } from '../../../lib/api'
import { useInvalidateAfter } from '../../../lib/invalidation'
import { incidentKeys } from '../../../lib/query-keys'

/** The incident's feed: changes and comments, newest first, a page at a time. */
export const activityOptions = (incidentId: string) =>
  infiniteQueryOptions({
    queryKey: incidentKeys.activity(incidentId),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<ActivityEntry>>(`/incidents/${incidentId}/activity${toQuery({ limit: 20, cursor: pageParam })}`, {
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  })
export const useActivity = (incidentId: string) => useInfiniteQuery(activityOptions(incidentId))

export function useAddComment(incidentId: string) {
  const invalidateAfter = useInvalidateAfter()
  return useMutation({
    mutationFn: (comment: NewIncidentComment) => api.post<ActivityEntry>(`/incidents/${incidentId}/comments`, comment),
    onSuccess: () => invalidateAfter('incident.commented'),
  })
}
