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

export type RetroFilters = Omit<RetroQuery, 'limit' | 'cursor'>
export type ActionFilters = Omit<RetroActionQuery, 'limit' | 'cursor'>

export const retroListOptions = (filters: RetroFilters) =>
  infiniteQueryOptions({
    queryKey: ['retros', 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<RetroListItem>>(`/retros${toQuery({ ...filters, limit: 25, cursor: pageParam })}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  })
export const useRetroList = (filters: RetroFilters) => useInfiniteQuery(retroListOptions(filters))

export const retroWorkspaceOptions = (id: string) =>
  queryOptions({ queryKey: ['retros', 'detail', id], queryFn: () => api.get<RetroWorkspace>(`/retros/${id}`) })
export const useRetroWorkspace = (id: string) => useQuery(retroWorkspaceOptions(id))

/** Only the cluster's title is needed here (to prefill a new retro); the clusters feature owns the rest. */
export const clusterTitleOptions = (clusterId: string) =>
  queryOptions({
    queryKey: ['clusters', 'detail', clusterId],
    queryFn: () => api.get<{ id: string; title: string }>(`/clusters/${clusterId}`),
    enabled: clusterId !== '',
  })
export const useClusterTitle = (clusterId: string) => useQuery(clusterTitleOptions(clusterId))

export const actionListOptions = (filters: ActionFilters) =>
  infiniteQueryOptions({
    queryKey: ['actions', 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<RetroAction>>(`/actions${toQuery({ ...filters, limit: 50, cursor: pageParam })}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  })
export const useActionList = (filters: ActionFilters) => useInfiniteQuery(actionListOptions(filters))

/** After any write in a retro, its workspace, the lists and the actions list are stale. */
function useRefresh() {
  const client = useQueryClient()
  return (retroId?: string) => {
    if (retroId) void client.invalidateQueries({ queryKey: ['retros', 'detail', retroId] })
    void client.invalidateQueries({ queryKey: ['retros', 'list'] })
    void client.invalidateQueries({ queryKey: ['actions', 'list'] })
  }
}

export function useCreateRetro() {
  const refresh = useRefresh()
  return useMutation({ mutationFn: (body: NewRetro) => api.post<Retro>('/retros', body), onSuccess: () => refresh() })
}

export function useUpdateRetro(id: string) {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: ({ changes, version }: { changes: RetroChanges; version: number }) =>
      api.patch<Retro>(`/retros/${id}`, changes, { ifMatch: version }),
    onSuccess: () => refresh(id),
  })
}

export function useAddAction(retroId: string) {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: (body: NewRetroAction) => api.post<RetroAction>(`/retros/${retroId}/actions`, body),
    onSuccess: () => refresh(retroId),
  })
}

export function useUpdateAction() {
  const refresh = useRefresh()
  return useMutation({
    mutationFn: ({ id, changes, version }: { id: string; changes: RetroActionChanges; version: number }) =>
      api.patch<RetroAction>(`/actions/${id}`, changes, { ifMatch: version }),
    onSuccess: (action) => refresh(action.retroId),
  })
}

export function usePublishStrategyDraft(retroId: string) {
  const refresh = useRefresh()
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: StrategyDraftRequest) => api.post<RetroPublication>(`/retros/${retroId}/strategy-draft`, body),
    onSuccess: () => {
      refresh(retroId)
      void client.invalidateQueries({ queryKey: ['strategies'] })
      void client.invalidateQueries({ queryKey: ['strategy-gaps'] })
    },
  })
}

export function useOpenStrategyGap(retroId: string) {
  const refresh = useRefresh()
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => api.post<RetroPublication>(`/retros/${retroId}/strategy-gap`, {}),
    onSuccess: () => {
      refresh(retroId)
      void client.invalidateQueries({ queryKey: ['strategy-gaps'] })
      void client.invalidateQueries({ queryKey: ['incidents'] })
    },
  })
}

/** A plain link the browser downloads (the API sends Content-Disposition), with the session cookie. */
export const retroExportUrl = (id: string) => `/api/v1/retros/${id}/export`
