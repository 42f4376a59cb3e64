import type { IncidentClusters, IncidentImpact, IncidentImpacts, NewIncidentImpact } from '@misalign/shared'
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api'
import { activityOptions } from './activity'

/** "This hurt us too": the other teams' impacts on an incident, and the weighted harm in all. */
export const impactsOptions = (incidentId: string) =>
  queryOptions({
    queryKey: ['incidents', 'impacts', incidentId],
    queryFn: ({ signal }) => api.get<IncidentImpacts>(`/incidents/${incidentId}/impacts`, { signal }),
  })
export const useImpacts = (incidentId: string) => useQuery(impactsOptions(incidentId))

/** A change to impacts changes the feed and every ranking that sums harm. */
function useImpactChange<T, V>(incidentId: string, mutationFn: (variables: V) => Promise<T>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: impactsOptions(incidentId).queryKey })
      void client.invalidateQueries({ queryKey: activityOptions(incidentId).queryKey })
      void client.invalidateQueries({ queryKey: ['strategy-gaps'] })
    },
  })
}

export const useAddImpact = (incidentId: string) =>
  useImpactChange(incidentId, (impact: NewIncidentImpact) => api.post<IncidentImpact>(`/incidents/${incidentId}/impacts`, impact))

export const useRemoveImpact = (incidentId: string) =>
  useImpactChange(incidentId, (impactId: string) => api.delete<void>(`/incidents/${incidentId}/impacts/${impactId}`))

export const incidentClustersOptions = (incidentId: string) =>
  queryOptions({
    queryKey: ['clusters', 'of-incident', incidentId],
    queryFn: ({ signal }) => api.get<IncidentClusters>(`/incidents/${incidentId}/clusters`, { signal }),
  })
export const useIncidentClusters = (incidentId: string) => useQuery(incidentClustersOptions(incidentId))
