import type { NewSignal, Signal } from '@misalign/shared'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api'
import { invalidateAfter } from '../../../lib/invalidation'

export const noteSignal = (body: NewSignal) => api.post<Signal>('/signals', body)

/** A surprise without harm is counted as a near miss, apart from incidents. */
export function useNoteNearMiss() {
  const client = useQueryClient()
  return useMutation({ mutationFn: noteSignal, onSuccess: () => void invalidateAfter(client, 'signal.noted') })
}
