import type { NewSignal, Signal } from '@misalign/shared'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api'
import { invalidateAfter } from '../../../lib/invalidation'

/** "We decided on our own thanks to this strategy": an autonomy win, counted apart from incidents. */
export function useNoteAutonomyWin() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: NewSignal) => api.post<Signal>('/signals', body),
    onSuccess: () => invalidateAfter(client, 'signal.noted'),
  })
}
