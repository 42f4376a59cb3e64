/**
 * What happened, in the words every way out uses: the outbox (ADR 019), job consumers, the web
 * app's cache invalidation, and webhooks to come. A name once published stays.
 */
export const domainEventTypes = [
  'incident.filed',
  'incident.updated',
  'incident.decision-linked',
  'decision.created',
  'decision.updated',
  'strategy.created',
  'strategy.updated',
  'strategy.published',
  'gap.created',
  'gap.updated',
  'gap.transitioned',
  'cluster.confirmed',
  'cluster.dismissed',
  'retro.created',
  'retro.updated',
  'retro.closed',
  'action.created',
  'action.updated',
  'priority.created',
  'priority.updated',
  'team.changed',
  'user.changed',
  'token.created',
  'token.revoked',
] as const

export type DomainEventType = (typeof domainEventTypes)[number]

export type AggregateType =
  | 'incident'
  | 'decision'
  | 'strategy'
  | 'gap'
  | 'cluster'
  | 'retro'
  | 'action'
  | 'priority'
  | 'team'
  | 'user'
  | 'token'

/**
 * One event as a service records it. The payload names what changed, never who filed an
 * anonymous report: it is read by integrations that know nothing of ADR 007.
 */
export interface DomainEvent {
  type: DomainEventType
  aggregateType: AggregateType
  aggregateId: string
  aggregateVersion: number
  payload: Record<string, unknown>
}
