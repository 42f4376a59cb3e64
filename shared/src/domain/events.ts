/**
 * What happened, in the words every way out uses: the outbox (ADR 019), job consumers, the web
 * app's cache invalidation, and webhooks to come. A name once published stays.
 */
export const domainEventTypes = [
  'incident.filed',
  'incident.updated',
  'incident.decision-linked',
  'incident.marked-unrelated',
  'incident.unmarked-unrelated',
  'incident.commented',
  'incident.impact-added',
  'incident.impact-removed',
  'decision.created',
  'decision.updated',
  'strategy.created',
  'strategy.updated',
  'strategy.published',
  'strategy.retired',
  'strategy.revised',
  'gap.created',
  'gap.updated',
  'gap.transitioned',
  'gap.attached',
  'gap.detached',
  'cluster.confirmed',
  'cluster.dismissed',
  'cluster.updated',
  'retro.created',
  'retro.updated',
  'retro.closed',
  'action.created',
  'action.updated',
  'signal.noted',
  'tradeoff-request.created',
  'priority.created',
  'priority.updated',
  'tradeoff.confirmed',
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
  | 'signal'
  | 'tradeoff_request'
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
