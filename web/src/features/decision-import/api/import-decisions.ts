import type { DecisionImportRequest, DecisionImportResult } from '@misalign/shared'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api'
import { invalidateAfter } from '../../../lib/invalidation'

export const importDecisions = (body: DecisionImportRequest) => api.post<DecisionImportResult>('/decisions/import', body)

/** A dry run changes nothing; a real run creates and updates decisions, so their lists go stale. */
export function useImportDecisions() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: importDecisions,
    onSuccess: async (result) => {
      if (result.dryRun) return
      if (result.counts.create > 0) await invalidateAfter(client, 'decision.created')
      if (result.counts.update > 0) await invalidateAfter(client, 'decision.updated')
    },
  })
}
