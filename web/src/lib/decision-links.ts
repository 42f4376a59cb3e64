import type { DecisionLink, LinkedDecision, LinkedDecisions } from '@misalign/shared'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from './api'
import { invalidateAfter } from './invalidation'

/**
 * Linking decisions to incidents, from the triage queue or an incident page: one request, all or
 * nothing. The answer carries each incident's previous trace, which is what "Undo" sends back.
 */
export function useLinkDecisions() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (links: DecisionLink[]) => api.post<LinkedDecisions>('/incidents/decision-links', { links }),
    onSuccess: () => invalidateAfter(client, 'incident.decision-linked'),
  })
}

/** The links that put these incidents back as they were. */
export const undoLinks = (linked: readonly LinkedDecision[]): DecisionLink[] =>
  linked
    .filter((link) => link.isChanged)
    .map((link) =>
      link.previous.decisionId
        ? { incidentId: link.incidentId, decisionId: link.previous.decisionId }
        : { incidentId: link.incidentId, decisionId: null, decisionOwnerTeamId: link.previous.decisionOwnerTeamId },
    )
