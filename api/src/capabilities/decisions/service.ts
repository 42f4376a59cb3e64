import { decisionRepository } from '@misalign/db'
import {
  canTransfer,
  checkSupersession,
  type Decision,
  type DecisionChanges,
  type DecisionQuery,
  type DomainEvent,
  fail,
  type NewDecision,
  type Page,
} from '@misalign/shared'
import { authorize, type Caller } from '../../services/caller'
import type { ServiceDeps } from '../../services/deps'
import { writeTransaction } from '../../services/unit-of-work'

/** What others may learn from a decision event: ids, status and class, not its words. */
export const decisionEvent = (type: DomainEvent['type'], decision: Decision): DomainEvent => ({
  type,
  aggregateType: 'decision',
  aggregateId: decision.id,
  aggregateVersion: decision.version,
  payload: {
    owningTeamId: decision.owningTeamId,
    status: decision.status,
    decisionClass: decision.decisionClass,
    supersededById: decision.supersededById,
    sharedWithTeamIds: decision.sharedWithTeamIds,
  },
})

export function decisionService(deps: ServiceDeps) {
  const reads = deps.repos.decisions

  return {
    list(caller: Caller, query: DecisionQuery): Promise<Page<Decision>> {
      authorize(caller, 'decision.read')
      return reads.list(query)
    },

    async find(caller: Caller, id: string): Promise<Decision> {
      authorize(caller, 'decision.read')
      const decision = await reads.findById(id)
      if (!decision) throw fail.notFound('decision', id)
      return decision
    },

    /** Anyone may record the decision that hurt them, whoever owns it. */
    async create(caller: Caller, input: NewDecision): Promise<Decision> {
      authorize(caller, 'decision.create')
      return writeTransaction(deps, async (tx, events) => {
        const decision = await decisionRepository(tx).create(input, caller.actor)
        await events.record(decisionEvent('decision.created', decision))
        return decision
      })
    },

    /**
     * Leads of the owning team, leaders and admins; handing it to another team needs the right
     * over that team too (audited as a transfer).
     */
    async update(caller: Caller, id: string, expectedVersion: number, changes: DecisionChanges): Promise<Decision> {
      const current = await reads.findById(id)
      if (!current) throw fail.notFound('decision', id)
      authorize(caller, 'decision.update', { teamIds: [current.owningTeamId] })
      const newOwner = changes.owningTeamId
      if (
        newOwner &&
        newOwner !== current.owningTeamId &&
        !canTransfer(caller.viewer, 'decision.update', current.owningTeamId, newOwner)
      ) {
        throw fail.forbidden(
          'You may hand a decision only to a team you also lead (or ask a leader). Keep owningTeamId, or ask a lead of the new team.',
        )
      }
      return writeTransaction(deps, async (tx, events) => {
        const decisions = decisionRepository(tx)
        const before = await decisions.lockById(id)
        if (!before) throw fail.notFound('decision', id)
        if (before.version !== expectedVersion) throw fail.staleVersion('decision', before.version)
        const problem = checkSupersession(
          id,
          changes.status ?? before.status,
          changes.supersededById === undefined ? before.supersededById : changes.supersededById,
        )
        if (problem) throw fail.invalidField(problem.field, problem.message)
        const decision = await decisions.update(id, expectedVersion, changes, caller.actor)
        if (!decision) throw fail.notFound('decision', id)
        await events.record(decisionEvent('decision.updated', decision))
        return decision
      })
    },
  }
}

export type DecisionService = ReturnType<typeof decisionService>
