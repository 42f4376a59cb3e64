import type { GapAttachBody, GapAttachResult, Page, StrategyGap } from '@misalign/shared'
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api'
import { invalidateAfter } from '../../../lib/invalidation'
import { gapKeys } from '../../../lib/query-keys'

/** Gaps to attach a cluster to, newest first: one page of the register's list. */
export const gapChoicesOptions = () =>
  queryOptions({
    queryKey: gapKeys.list({ limit: 100 }),
    queryFn: () => api.get<Page<StrategyGap>>('/strategy-gaps?limit=100'),
  })
export const useGapChoices = () => useQuery(gapChoicesOptions())

/** Attach (or detach) a cluster's incidents, or a decision, to a gap: its ranking and incidents change. */
export function useGapAttachment(path: 'attach' | 'detach') {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ gapId, body }: { gapId: string; body: GapAttachBody }) =>
      api.post<GapAttachResult>(`/strategy-gaps/${gapId}/${path}`, body),
    onSuccess: () => void invalidateAfter(client, 'gap.attached'),
  })
}
