import { strategyRepository } from '@misalign/db'
import { fail, type NewStrategy, type Page, type Strategy, type StrategyChanges, type StrategyQuery } from '@misalign/shared'
import { authorize, type Caller } from '../../services/caller'
import type { ServiceDeps } from '../../services/deps'
import { writeTransaction } from '../../services/unit-of-work'
import { strategyEvent } from './events'

export function strategyService(deps: ServiceDeps) {
  const reads = deps.repos.strategies

  /** Leads write their own team's strategies, and hand one only to a team they also lead; leaders and admins any. */
  async function authorizeOwner(caller: Caller, id: string, newOwnerTeamId?: string): Promise<void> {
    const strategy = await reads.findById(id)
    if (!strategy) throw fail.notFound('strategy', id)
    authorize(caller, 'strategy.write', { teamIds: [strategy.ownerTeamId] })
    if (newOwnerTeamId) authorize(caller, 'strategy.write', { teamIds: [newOwnerTeamId] })
  }

  const found = (strategy: Strategy | undefined, id: string): Strategy => {
    if (!strategy) throw fail.notFound('strategy', id)
    return strategy
  }

  return {
    list(caller: Caller, query: StrategyQuery): Promise<Page<Strategy>> {
      authorize(caller, 'strategy.read')
      return reads.list(query)
    },

    async find(caller: Caller, id: string): Promise<Strategy> {
      authorize(caller, 'strategy.read')
      return found(await reads.findById(id), id)
    },

    /** The whole lineage, oldest first. */
    async listRevisions(caller: Caller, id: string): Promise<Strategy[]> {
      authorize(caller, 'strategy.read')
      const items = await reads.listRevisions(id)
      if (!items) throw fail.notFound('strategy', id)
      return items
    },

    /** Always a draft at revision 1: publishing is its own step. */
    async create(caller: Caller, input: NewStrategy): Promise<Strategy> {
      authorize(caller, 'strategy.write', { teamIds: [input.ownerTeamId] })
      return writeTransaction(deps, async (tx, events) => {
        const strategy = await strategyRepository(tx).create(input, caller.actor)
        await events.record(strategyEvent('strategy.created', strategy))
        return strategy
      })
    },

    /** Only a draft changes in place; published strategies keep their words and get revisions. */
    async update(caller: Caller, id: string, expectedVersion: number, changes: StrategyChanges): Promise<Strategy> {
      await authorizeOwner(caller, id, changes.ownerTeamId)
      return writeTransaction(deps, async (tx, events) => {
        const strategy = found(await strategyRepository(tx).update(id, expectedVersion, changes, caller.actor), id)
        await events.record(strategyEvent('strategy.updated', strategy))
        return strategy
      })
    },

    /** Publishing a revision retires the strategy it supersedes, in the same transaction. */
    async publish(caller: Caller, id: string, expectedVersion: number): Promise<Strategy> {
      await authorizeOwner(caller, id)
      return writeTransaction(deps, async (tx, events) => {
        const outcome = await strategyRepository(tx).publish(id, expectedVersion, caller.actor)
        if (!outcome) throw fail.notFound('strategy', id)
        await events.record(strategyEvent('strategy.published', outcome.published))
        if (outcome.retired) await events.record(strategyEvent('strategy.retired', outcome.retired))
        return outcome.published
      })
    },

    async retire(caller: Caller, id: string, expectedVersion: number): Promise<Strategy> {
      await authorizeOwner(caller, id)
      return writeTransaction(deps, async (tx, events) => {
        const strategy = found(await strategyRepository(tx).retire(id, expectedVersion, caller.actor), id)
        await events.record(strategyEvent('strategy.retired', strategy))
        return strategy
      })
    },

    /** A new draft copying a published strategy, one revision up; one open draft at a time. */
    async revise(caller: Caller, id: string): Promise<Strategy> {
      await authorizeOwner(caller, id)
      return writeTransaction(deps, async (tx, events) => {
        const revision = found(await strategyRepository(tx).revise(id, caller.actor), id)
        await events.record(strategyEvent('strategy.revised', revision))
        return revision
      })
    },
  }
}

export type StrategyService = ReturnType<typeof strategyService>
