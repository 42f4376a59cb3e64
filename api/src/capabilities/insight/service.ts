import { insightRepository, type UnrelatedPair } from '@misalign/db'
import {
  type DecisionSuggestion,
  type DecisionSuggestionsQuery,
  type DomainEvent,
  fail,
  type SimilarIncident,
} from '@misalign/shared'
import { incidentKeyOf } from '../../lib/incident-key'
import { authorize, type Caller } from '../../services/caller'
import type { ServiceDeps } from '../../services/deps'
import { writeTransaction } from '../../services/unit-of-work'

/** Ids only: which two incidents a person said are not related. */
const unrelatedEvent = (type: DomainEvent['type'], pair: UnrelatedPair): DomainEvent => ({
  type,
  aggregateType: 'incident',
  aggregateId: pair.subject,
  aggregateVersion: pair.subjectVersion,
  payload: { otherIncidentId: pair.other },
})

/**
 * What the engine finds that reporters do not know (docs/decisions/013-insight-retrieval.md),
 * and people's "not related" answers that it remembers.
 */
export function insightService(deps: ServiceDeps) {
  const reads = deps.repos.insight

  /** By id or MIS number. Both incidents must be visible to the caller; otherwise the pair does not exist for them. */
  async function pairOr404(caller: Caller, id: string, otherId: string): Promise<UnrelatedPair> {
    const pair = await reads.visiblePair(incidentKeyOf(id), otherId, caller.viewer)
    if (!pair) throw fail.notFound('incident pair', `${id} / ${otherId}`)
    return pair
  }

  /** Records the event only when something changed: marking twice is one answer, said once. */
  async function setUnrelated(caller: Caller, id: string, otherId: string, isUnrelated: boolean) {
    authorize(caller, 'incident.read')
    const pair = await pairOr404(caller, id, otherId)
    await writeTransaction(deps, async (tx, events) => {
      const pairs = insightRepository(tx)
      const changed = isUnrelated
        ? await pairs.markUnrelated(pair, caller.actor)
        : await pairs.unmarkUnrelated(pair, caller.actor)
      if (changed) {
        await events.record(unrelatedEvent(isUnrelated ? 'incident.marked-unrelated' : 'incident.unmarked-unrelated', pair))
      }
    })
    // After the commit, on the shared index: similar incidents and clusters must see it at once.
    reads.changed()
  }

  return {
    async decisionSuggestions(caller: Caller, query: DecisionSuggestionsQuery): Promise<DecisionSuggestion[]> {
      authorize(caller, 'decision.read')
      return reads.decisionSuggestions(query, caller.viewer)
    },

    async decisionSuggestionsForIncident(caller: Caller, id: string, limit?: number): Promise<DecisionSuggestion[]> {
      authorize(caller, 'incident.read')
      const items = await reads.decisionSuggestionsForIncident(incidentKeyOf(id), caller.viewer, limit)
      if (!items) throw fail.notFound('incident', id)
      return items
    },

    async similarToIncident(caller: Caller, id: string, limit?: number): Promise<SimilarIncident[]> {
      authorize(caller, 'incident.read')
      const items = await reads.similarToIncident(incidentKeyOf(id), caller.viewer, limit)
      if (!items) throw fail.notFound('incident', id)
      return items
    },

    /** Remembered for both incidents: no longer offered as similar, and clustering keeps them apart. */
    markUnrelated: (caller: Caller, id: string, otherId: string) => setUnrelated(caller, id, otherId, true),

    unmarkUnrelated: (caller: Caller, id: string, otherId: string) => setUnrelated(caller, id, otherId, false),
  }
}

export type InsightService = ReturnType<typeof insightService>
