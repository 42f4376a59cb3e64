import type { Incident, NewIncident } from '@misalign/shared'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { ApiError, api } from '../../../lib/api'
import { invalidateAfter } from '../../../lib/invalidation'

export const fileIncident = (body: NewIncident, idempotencyKey: string) =>
  api.post<Incident>('/incidents', body, { idempotencyKey })

/**
 * Filing reuses the draft's Idempotency-Key, so a double click or a retry after a network error
 * files once. A 409 means busy (the same key still in flight, or records locked by another change;
 * nothing was saved) and a 503 that the database is away for a moment: wait and ask again.
 */
export function useFileIncident() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: NewIncident; idempotencyKey: string }) => fileIncident(body, idempotencyKey),
    retry: (count, error) => count < 5 && error instanceof ApiError && (error.status === 409 || error.status === 503),
    retryDelay: 1000,
    onSuccess: () => invalidateAfter(client, 'incident.filed'),
  })
}
