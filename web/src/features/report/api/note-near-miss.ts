import type { NewSignal, Signal } from '@misalign/shared'
import { useMutation } from '@tanstack/react-query'
import { api } from '../../../lib/api'

export const noteSignal = (body: NewSignal) => api.post<Signal>('/signals', body)

/** A surprise without harm is counted as a near miss, apart from incidents. */
export const useNoteNearMiss = () => useMutation({ mutationFn: noteSignal })
