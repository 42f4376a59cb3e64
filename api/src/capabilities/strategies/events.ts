import type { DomainEvent, Strategy } from '@misalign/shared'

/** What others may learn from a strategy event: ids, status and lineage, not its words. */
export const strategyEvent = (type: DomainEvent['type'], strategy: Strategy): DomainEvent => ({
  type,
  aggregateType: 'strategy',
  aggregateId: strategy.id,
  aggregateVersion: strategy.version,
  payload: {
    ownerTeamId: strategy.ownerTeamId,
    scopeTeamIds: strategy.scopeTeamIds,
    status: strategy.status,
    revision: strategy.revision,
    supersedesId: strategy.supersedesId,
    reviewBy: strategy.reviewBy,
  },
})
