import type {
  CreatedWebhookEndpoint,
  NewWebhookEndpoint,
  Page,
  WebhookDelivery,
  WebhookDeliveryDetail,
  WebhookEndpoint,
  WebhookEndpointChanges,
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
import { webhookKeys } from '../../../lib/query-keys'

export const endpointsOptions = () =>
  infiniteQueryOptions({
    queryKey: webhookKeys.endpoints(),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<WebhookEndpoint>>(`/webhooks${toQuery({ limit: 20, cursor: pageParam })}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  })
export const useEndpoints = () => useInfiniteQuery(endpointsOptions())

/** '' for every status. Pending deliveries change on their own, so the log looks again while any are waiting. */
export const deliveriesOptions = (endpointId: string, status: string) =>
  infiniteQueryOptions({
    queryKey: webhookKeys.deliveries(endpointId, status),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<WebhookDelivery>>(
        `/webhooks/${endpointId}/deliveries${toQuery({ limit: 10, cursor: pageParam, status: status || undefined })}`,
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: (query) =>
      query.state.data?.pages.some((p) => p.items.some((d) => d.status === 'pending')) ? 3_000 : false,
  })
export const useWebhookDeliveries = (endpointId: string, status: string) =>
  useInfiniteQuery(deliveriesOptions(endpointId, status))

export const deliveryOptions = (endpointId: string, deliveryId: string) =>
  queryOptions({
    queryKey: webhookKeys.delivery(endpointId, deliveryId),
    queryFn: () => api.get<WebhookDeliveryDetail>(`/webhooks/${endpointId}/deliveries/${deliveryId}`),
    refetchInterval: (query) => (query.state.data?.status === 'pending' ? 3_000 : false),
  })
export const useWebhookDelivery = (endpointId: string, deliveryId: string) => useQuery(deliveryOptions(endpointId, deliveryId))

function useWebhookMutation<T, R>(mutationFn: (input: T) => Promise<R>) {
  const client = useQueryClient()
  // A refused try is logged too: the log changes either way.
  return useMutation({ mutationFn, onSettled: () => invalidateAfter(client, 'webhook.changed') })
}

export const useCreateEndpoint = () =>
  useWebhookMutation((input: NewWebhookEndpoint) => api.post<CreatedWebhookEndpoint>('/webhooks', input))
export const useUpdateEndpoint = (endpoint: WebhookEndpoint) =>
  useWebhookMutation((changes: WebhookEndpointChanges) =>
    api.patch<WebhookEndpoint>(`/webhooks/${endpoint.id}`, changes, { ifMatch: endpoint.version }),
  )
export const useDeleteEndpoint = (id: string) => useWebhookMutation(() => api.delete<null>(`/webhooks/${id}`))
export const useSendWebhookTest = (id: string) =>
  useWebhookMutation(() => api.post<WebhookDeliveryDetail>(`/webhooks/${id}/test`, {}))
export const useRedeliver = (id: string) =>
  useWebhookMutation((deliveryId: string) =>
    api.post<WebhookDeliveryDetail>(`/webhooks/${id}/deliveries/${deliveryId}/redeliver`, {}),
  )
