import type { DecisionSuggestions, SimilarIncidents } from '@misalign/shared'
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api'
import { invalidateAfter } from '../../../lib/invalidation'
import { insightKeys } from '../../../lib/query-keys'

/** Incidents like this one (those marked "not related" left out), from the insight engine. */
export const similarToIncidentOptions = (key: string) =>
  queryOptions({
    queryKey: insightKeys.similarToIncident(key),
    queryFn: ({ signal }) => api.get<SimilarIncidents>(`/incidents/${key}/similar?limit=5`, { signal }),
  })
export const useSimilarToIncident = (key: string) => useQuery(similarToIncidentOptions(key))

/** The likeliest decisions for an incident that names none. */
export const incidentDecisionSuggestionsOptions = (key: string) =>
  queryOptions({
    queryKey: insightKeys.decisionsForIncident(key),
    queryFn: ({ signal }) => api.get<DecisionSuggestions>(`/incidents/${key}/decision-suggestions?limit=3`, { signal }),
  })
export const useIncidentDecisionSuggestions = (key: string, isWanted: boolean) =>
  useQuery({ ...incidentDecisionSuggestionsOptions(key), enabled: isWanted })

/**
 * "Not related" is remembered and teaches the engine; marking and unmarking leave the list on
 * screen as it is, so the person can undo in place.
 */
export function useNotRelated(key: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ otherId, isUnrelated }: { otherId: string; isUnrelated: boolean }) =>
      isUnrelated
        ? api.put<void>(`/incidents/${key}/unrelated/${otherId}`)
        : api.delete<void>(`/incidents/${key}/unrelated/${otherId}`),
    // Clusters and the report form's duplicates learn from it too.
    onSuccess: () => invalidateAfter(client, 'incident.marked-unrelated'),
  })
}
