import type {
  ClusterChanges,
  ClusterDetail,
  ClusterList,
  ClusterStatus,
  ClusterStatusChanges,
  ClusterStatusResult,
  RecomputeResult,
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
import { invalidateAfter, useInvalidateAfter, type WriteEvent } from '../../../lib/invalidation'
import { clusterKeys } from '../../../lib/query-keys'

/**
 * One status's clusters, heaviest first, a page at a time (the page shows "1–25 of 216"); triage
 * asks for shorter pages, as it shows several queues on one page.
 */
export const clusterPagesOptions = (status: ClusterStatus, limit = 25) =>
  infiniteQueryOptions({
    queryKey: ['clusters', 'list', { status, limit }],
    queryFn: ({ pageParam, signal }) =>
      api.get<ClusterList>(`/clusters${toQuery({ status, limit, cursor: pageParam })}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  })
export const useClusterPages = (status: ClusterStatus, limit?: number) => useInfiniteQuery(clusterPagesOptions(status, limit))

/** The heaviest clusters of a status as choices (merge targets): one page of up to 200. */
export const clustersOptions = (status: ClusterStatus | undefined) =>
  queryOptions({
    queryKey: clusterKeys.choices({ status }),
    queryFn: () => api.get<ClusterList>(`/clusters${toQuery({ status, limit: 200 })}`),
  })
export const useClusters = (status: ClusterStatus | undefined) => useQuery(clustersOptions(status))

/** Confirm or dismiss many at once; all or nothing (a stale one fails them all). */
export function useSetClusterStatuses() {
  const invalidateAfter = useInvalidateAfter()
  return useMutation({
    mutationFn: (changes: ClusterStatusChanges) => api.post<ClusterStatusResult>('/clusters/status', changes),
    // Settled, not succeeded: a refused batch (a stale version) means the list on screen is old.
    onSettled: (_result, _error, changes) =>
      invalidateAfter(changes.status === 'dismissed' ? 'cluster.dismissed' : 'cluster.confirmed'),
  })
}

export const clusterOptions = (id: string) =>
  queryOptions({ queryKey: clusterKeys.detail(id), queryFn: () => api.get<ClusterDetail>(`/clusters/${id}`) })
export const useCluster = (id: string) => useQuery(clusterOptions(id))

/** Every edit answers with the cluster it leaves you on; lists and other details may have changed too. */
function useClusterEdit<V>(fn: (vars: V) => Promise<ClusterDetail>, eventOf: (vars: V) => WriteEvent = () => 'cluster.edited') {
  const client = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: (cluster, vars) => {
      void invalidateAfter(client, eventOf(vars))
      client.setQueryData(clusterOptions(cluster.id).queryKey, cluster)
    },
  })
}

export const useUpdateCluster = (id: string) =>
  useClusterEdit(
    ({ version, changes }: { version: number; changes: ClusterChanges }) =>
      api.patch<ClusterDetail>(`/clusters/${id}`, changes, { ifMatch: version }),
    ({ changes }) => (changes.status === 'confirmed' ? 'cluster.confirmed' : 'cluster.updated'),
  )
export const useAddMember = (id: string) =>
  useClusterEdit((incidentId: string) => api.post<ClusterDetail>(`/clusters/${id}/members`, { incidentId }))
export const useRemoveMember = (id: string) =>
  useClusterEdit((incidentId: string) => api.delete<ClusterDetail>(`/clusters/${id}/members/${incidentId}`))
export const useMergeCluster = (id: string) =>
  useClusterEdit((intoClusterId: string) => api.post<ClusterDetail>(`/clusters/${id}/merge`, { intoClusterId }))
export const useSplitCluster = (id: string) =>
  useClusterEdit((body: { incidentIds: string[]; title?: string }) => api.post<ClusterDetail>(`/clusters/${id}/split`, body))
export const useRevertEdit = (id: string) =>
  useClusterEdit((editId: string) => api.post<ClusterDetail>(`/clusters/${id}/edits/${editId}/revert`))

export function useRecompute() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => api.post<RecomputeResult>('/clusters/recompute'),
    onSuccess: () => void invalidateAfter(client, 'clusters.recomputed'),
  })
}
