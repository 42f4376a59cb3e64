import type { IncidentClusters, IncidentImpact, IncidentImpacts, NewIncidentImpact } from '@misalign/shared'
import { queryOptions, useMutation, useQuery } from '@tanstack/react-query'
import { api } from '../../../lib/api'
import { useInvalidateAfter } from '../../../lib/invalidation'
import { clusterKeys, incidentKeys } from '../../../lib/query-keys'

/** "This hurt us too": the other teams' impacts on an incident, and the weighted harm in all. */
export const impactsOptions = (incidentId: string) =>
  queryOptions({
    queryKey: incidentKeys.impacts(incidentId),
    queryFn: ({ signal }) => api.get<IncidentImpacts>(`/incidents/${incidentId}/impacts`, { signal }),
  })
export const useImpacts = (incidentId: string) => useQuery(impactsOptions(incidentId))

/** A change to impacts changes the feed and every ranking that sums harm. */
function useImpactChange<T, V>(
  event: 'incident.impact-added' | 'incident.impact-removed',
  mutationFn: (variables: V) => Promise<T>,
) {
  const invalidateAfter = useInvalidateAfter()
  return useMutation({ mutationFn, onSuccess: () => invalidateAfter(event) })
}

export const useAddImpact = (incidentId: string) =>
  useImpactChange('incident.impact-added', (impact: NewIncidentImpact) =>
    api.post<IncidentImpact>(`/incidents/${incidentId}/impacts`, impact),
  )

export const useRemoveImpact = (incidentId: string) =>
  useImpactChange('incident.impact-removed', (impactId: string) =>
    api.delete<void>(`/incidents/${incidentId}/impacts/${impactId}`),
  )

export const incidentClustersOptions = (incidentId: string) =>
  queryOptions({
    queryKey: clusterKeys.ofIncident(incidentId),
    queryFn: ({ signal }) => api.get<IncidentClusters>(`/incidents/${incidentId}/clusters`, { signal }),
  })
export const useIncidentClusters = (incidentId: string) => useQuery(incidentClustersOptions(incidentId))
