import type { Incident, IncidentChanges, IncidentDecisionGroups, IncidentGroupQuery, IncidentQuery, Page } from '@misalign/shared'
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
import { incidentKeys } from '../../../lib/query-keys'

export type IncidentFilters = Omit<IncidentQuery, 'limit' | 'cursor'>

export const incidentListOptions = (filters: IncidentFilters) =>
  infiniteQueryOptions({
    queryKey: incidentKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Incident>>(`/incidents${toQuery({ ...filters, limit: 25, cursor: pageParam })}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  })
export const useIncidentList = (filters: IncidentFilters) => useInfiniteQuery(incidentListOptions(filters))

/** By MIS number or id; the cache key is what the address says. */
export const incidentOptions = (key: string) =>
  queryOptions({
    queryKey: incidentKeys.detail(key),
    queryFn: ({ signal }) => api.get<Incident>(`/incidents/${key}`, { signal }),
  })
export const useIncident = (key: string) => useQuery(incidentOptions(key))

/** Every change sends the version it was based on; the API answers 412 when someone else saved first. */
export function useUpdateIncident(key: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ changes, version }: { changes: IncidentChanges; version: number }) =>
      api.patch<Incident>(`/incidents/${key}`, changes, { ifMatch: version }),
    onSuccess: (incident) => {
      client.setQueryData(incidentOptions(key).queryKey, incident)
      void invalidateAfter(client, 'incident.updated')
    },
  })
}

/**
 * How many of the matching incidents name each decision (a gap's, a cluster's): the groups of a
 * grouped list. Under ['incidents', 'list'] so whatever refreshes incident lists refreshes it.
 */
export const incidentDecisionGroupsOptions = (filters: IncidentGroupQuery) =>
  queryOptions({
    queryKey: ['incidents', 'list', 'by-decision', filters],
    queryFn: ({ signal }) => api.get<IncidentDecisionGroups>(`/decisions/incident-counts${toQuery(filters)}`, { signal }),
  })
export const useIncidentDecisionGroups = (filters: IncidentGroupQuery) => useQuery(incidentDecisionGroupsOptions(filters))
