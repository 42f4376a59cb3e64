import type { Delivery, IntegrationStatus, Page, TeamChannel } from '@misalign/shared'
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
import { integrationKeys } from '../../../lib/query-keys'

export const integrationStatusOptions = () =>
  queryOptions({ queryKey: integrationKeys.status(), queryFn: () => api.get<IntegrationStatus>('/admin/integrations') })
export const useIntegrationStatus = () => useQuery(integrationStatusOptions())

export const deliveriesOptions = () =>
  infiniteQueryOptions({
    queryKey: integrationKeys.deliveries(),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Delivery>>(`/admin/integrations/deliveries${toQuery({ limit: 25, cursor: pageParam })}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  })
export const useDeliveries = () => useInfiniteQuery(deliveriesOptions())

/** Sets a team's channel, or with null removes it. */
export function useSetChannel(teamId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (channelId: string | null) =>
      channelId === null
        ? api.delete<TeamChannel[]>(`/admin/integrations/slack/channels/${teamId}`)
        : api.put<TeamChannel[]>(`/admin/integrations/slack/channels/${teamId}`, { channelId }),
    onSuccess: () => invalidateAfter(client, 'integration.changed'),
  })
}

export function useSendTest(teamId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => api.post<null>('/admin/integrations/slack/test', { teamId }),
    // A refused test is logged too: the log changes either way.
    onSettled: () => invalidateAfter(client, 'integration.changed'),
  })
}
