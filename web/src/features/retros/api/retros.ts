import type {
  NewRetro,
  NewRetroAction,
  Page,
  Retro,
  RetroAction,
  RetroActionChanges,
  RetroActionQuery,
  RetroChanges,
  RetroListItem,
  RetroPublication,
  RetroQuery,
  RetroWorkspace,
  StrategyDraftRequest,
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
import { invalidateAfter } from '../../../lib/invalidation'
import { actionKeys, clusterKeys, retroKeys } from '../../../lib/query-keys'

export type RetroFilters = Omit<RetroQuery, 'limit' | 'cursor'>
export type ActionFilters = Omit<RetroActionQuery, 'limit' | 'cursor'>

export const retroListOptions = (filters: RetroFilters) =>
  infiniteQueryOptions({
    queryKey: retroKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<RetroListItem>>(`/retros${toQuery({ ...filters, limit: 25, cursor: pageParam })}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  })
export const useRetroList = (filters: RetroFilters) => useInfiniteQuery(retroListOptions(filters))

export const retroWorkspaceOptions = (id: string) =>
  queryOptions({ queryKey: retroKeys.detail(id), queryFn: () => api.get<RetroWorkspace>(`/retros/${id}`) })
export const useRetroWorkspace = (id: string) => useQuery(retroWorkspaceOptions(id))

/** Only the cluster's title is needed here (to prefill a new retro); the clusters feature owns the rest. */
export const clusterTitleOptions = (clusterId: string) =>
  queryOptions({
    queryKey: clusterKeys.detail(clusterId),
    queryFn: () => api.get<{ id: string; title: string }>(`/clusters/${clusterId}`),
    enabled: clusterId !== '',
  })
export const useClusterTitle = (clusterId: string) => useQuery(clusterTitleOptions(clusterId))

export const actionListOptions = (filters: ActionFilters) =>
  infiniteQueryOptions({
    queryKey: actionKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<RetroAction>>(`/actions${toQuery({ ...filters, limit: 50, cursor: pageParam })}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  })
export const useActionList = (filters: ActionFilters) => useInfiniteQuery(actionListOptions(filters))

/* After any write in a retro, its workspace, the lists and the actions list are stale (lib/invalidation). */

export function useCreateRetro() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: NewRetro) => api.post<Retro>('/retros', body),
    onSuccess: () => void invalidateAfter(client, 'retro.created'),
  })
}

export function useUpdateRetro(id: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ changes, version }: { changes: RetroChanges; version: number }) =>
      api.patch<Retro>(`/retros/${id}`, changes, { ifMatch: version }),
    onSuccess: (retro) => void invalidateAfter(client, retro.status === 'closed' ? 'retro.closed' : 'retro.updated'),
  })
}

export function useAddAction(retroId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: NewRetroAction) => api.post<RetroAction>(`/retros/${retroId}/actions`, body),
    onSuccess: () => void invalidateAfter(client, 'action.created'),
  })
}

export function useUpdateAction() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, changes, version }: { id: string; changes: RetroActionChanges; version: number }) =>
      api.patch<RetroAction>(`/actions/${id}`, changes, { ifMatch: version }),
    onSuccess: () => void invalidateAfter(client, 'action.updated'),
  })
}

/** A retro publishing a strategy draft or opening a strategy gap from its cluster's incidents. */
function usePublication<V>(fn: (vars: V) => Promise<RetroPublication>) {
  const client = useQueryClient()
  return useMutation({ mutationFn: fn, onSuccess: () => void invalidateAfter(client, 'retro.published') })
}

export const usePublishStrategyDraft = (retroId: string) =>
  usePublication((body: StrategyDraftRequest) => api.post<RetroPublication>(`/retros/${retroId}/strategy-draft`, body))

export const useOpenStrategyGap = (retroId: string) =>
  usePublication(() => api.post<RetroPublication>(`/retros/${retroId}/strategy-gap`, {}))

/** A plain link the browser downloads (the API sends Content-Disposition), with the session cookie. */
export const retroExportUrl = (id: string) => `/api/v1/retros/${id}/export`
