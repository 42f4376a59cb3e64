import { priorityConfirmationRepository, priorityRepository } from '@misalign/db'
import {
  checkPriorityPicks,
  type DomainEvent,
  fail,
  type NewPriority,
  type Priority,
  type PriorityChanges,
  type PriorityPage,
  type PriorityQuery,
  type PrioritySuggestions,
  type TradeoffConfirmation,
  type TradeoffsToConfirmPage,
  type TradeoffToConfirm,
} from '@misalign/shared'
import { authorize, type Caller } from '../../services/caller'
import type { ServiceDeps } from '../../services/deps'
import { writeTransaction } from '../../services/unit-of-work'

/** A priority is a word of the shared register: its name is a label, not a story. */
const priorityEvent = (type: DomainEvent['type'], priority: Priority): DomainEvent => ({
  type,
  aggregateType: 'priority',
  aggregateId: priority.id,
  aggregateVersion: priority.version,
  payload: { name: priority.name, aliases: priority.aliases },
})

/** The priorities register, and the tradeoffs whose priorities wait for a person to confirm them (ADR 015). */
export function priorityService(deps: ServiceDeps) {
  const reads = deps.repos.priorities
  const confirmations = deps.repos.priorityConfirmations

  return {
    list(caller: Caller, query: PriorityQuery): Promise<PriorityPage> {
      authorize(caller, 'priority.read')
      return reads.list(query)
    },

    suggest(caller: Caller, text: string): Promise<PrioritySuggestions> {
      authorize(caller, 'priority.read')
      return reads.suggest(text)
    },

    async find(caller: Caller, id: string): Promise<Priority> {
      authorize(caller, 'priority.read')
      const priority = await reads.findById(id)
      if (!priority) throw fail.notFound('priority', id)
      return priority
    },

    listToConfirm(caller: Caller, query: { limit?: number; cursor?: string }): Promise<TradeoffsToConfirmPage> {
      authorize(caller, 'priority.read')
      return confirmations.list(query)
    },

    /** Names and aliases are unique across the register, ignoring case and punctuation. */
    async create(caller: Caller, input: NewPriority): Promise<Priority> {
      authorize(caller, 'priority.write')
      return writeTransaction(deps, async (tx, events) => {
        const priority = await priorityRepository(tx).create(input, caller.actor)
        await events.record(priorityEvent('priority.created', priority))
        return priority
      })
    },

    async update(caller: Caller, id: string, expectedVersion: number, changes: PriorityChanges): Promise<Priority> {
      authorize(caller, 'priority.write')
      return writeTransaction(deps, async (tx, events) => {
        const priority = await priorityRepository(tx).update(id, expectedVersion, changes, caller.actor)
        if (!priority) throw fail.notFound('priority', id)
        await events.record(priorityEvent('priority.updated', priority))
        return priority
      })
    },

    /**
     * A person confirms (or changes) the priorities a tradeoff picked; the words stay as written.
     * The decision or strategy holding it changes version, so it is the aggregate the event names.
     */
    async confirm(caller: Caller, input: TradeoffConfirmation, expectedVersion: number): Promise<TradeoffToConfirm> {
      const entity = input.holderKind
      const owner = await confirmations.ownerOf(entity, input.holderId)
      if (!owner) throw fail.notFound(entity, input.holderId)
      authorize(caller, 'priority.write', { teamIds: [owner] })
      const problem = checkPriorityPicks(input)
      if (problem) throw fail.invalidField(problem.field, problem.message)
      return writeTransaction(deps, async (tx, events) => {
        const confirmed = await priorityConfirmationRepository(tx).confirm(input, expectedVersion, caller.actor)
        if (!confirmed) throw fail.notFound(entity, input.holderId)
        await events.record({
          type: 'tradeoff.confirmed',
          aggregateType: entity,
          aggregateId: confirmed.holderId,
          aggregateVersion: confirmed.holderVersion,
          payload: {
            tradeoffIndex: confirmed.tradeoffIndex,
            preferPriorityId: input.preferPriorityId,
            overPriorityId: input.overPriorityId,
          },
        })
        return confirmed
      })
    },
  }
}

export type PriorityService = ReturnType<typeof priorityService>
