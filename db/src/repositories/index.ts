import type { Db } from '../client'
import { auditRepository } from './access/audit-repository'
import { identityRepository } from './access/identity-repository'
import { oidcFlowRepository } from './access/oidc-flow-repository'
import { principalRepository } from './access/principal-repository'
import { rateLimitRepository } from './access/rate-limit-repository'
import { sessionRepository } from './access/session-repository'
import { teamRepository } from './access/team-repository'
import { userRepository } from './access/user-repository'
import { actionRepository } from './actions/action-repository'
import { analyticsRepository } from './analytics/analytics-repository'
import { clusterRepository } from './clusters/cluster-repository'
import { decisionRepository } from './decisions/decision-repository'
import { strategyGapRepository } from './gaps/strategy-gap-repository'
import { incidentActivityRepository } from './incident-activity/activity-repository'
import { incidentClusterRepository } from './incident-activity/cluster-refs'
import { incidentImpactRepository } from './incident-activity/impact-repository'
import { incidentRepository } from './incidents/incident-repository'
import { triageRepository } from './incidents/triage-repository'
import { insightRepository } from './insight/insight-repository'
import { integrationRepository } from './integrations/integration-repository'
import { issueLinkRepository } from './issue-links/issue-link-repository'
import { leadershipRepository } from './leadership/leadership-repository'
import { leadershipReview } from './leadership/leadership-review'
import { outboxRepository } from './outbox/outbox-repository'
import { priorityConfirmationRepository } from './priorities/priority-confirmations'
import { priorityRepository } from './priorities/priority-repository'
import { retroRepository } from './retros/retro-repository'
import { signalRepository } from './signals/signal-repository'
import { strategyRepository } from './strategies/strategy-repository'
import { webhookRepository } from './webhooks/webhook-repository'

export * from './access/audit-repository'
export * from './access/identity-repository'
export * from './access/oidc-flow-repository'
export * from './access/principal-repository'
export * from './access/rate-limit-repository'
export * from './access/session-repository'
export { assertTeamsExist } from './access/team-references'
export * from './access/team-repository'
export * from './access/user-repository'
export * from './actions/action-repository'
export * from './analytics/analytics-repository'
export * from './analytics/rollup-fold'
export { recomputeClusters } from './clusters/cluster-recompute'
export * from './clusters/cluster-repository'
export * from './decisions/decision-repository'
export * from './gaps/strategy-gap-repository'
export * from './incident-activity/activity-repository'
export * from './incident-activity/cluster-refs'
export * from './incident-activity/impact-repository'
export { ANONYMOUS_NUMBER_BLOCK } from './incidents/anonymous-numbers'
export * from './incidents/incident-import-repository'
export * from './incidents/incident-repository'
export * from './incidents/incident-visibility'
export * from './incidents/triage-repository'
export * from './insight/insight-index'
export * from './insight/insight-repository'
export * from './integrations/integration-repository'
export * from './issue-links/issue-link-repository'
export * from './leadership/leadership-repository'
export * from './leadership/leadership-review'
export * from './leadership/leadership-tradeoff-requests'
export * from './outbox/outbox-repository'
export * from './priorities/priority-confirmations'
export * from './priorities/priority-links'
export * from './priorities/priority-repository'
export * from './retros/retro-repository'
export * from './signals/signal-repository'
export * from './strategies/strategy-repository'
export * from './support/cursor'
export * from './support/errors'
export * from './webhooks/webhook-repository'

/** Every repository over one database handle: the API decorates itself with this. */
export function createRepositories(db: Db) {
  return {
    teams: teamRepository(db),
    incidents: incidentRepository(db),
    decisions: decisionRepository(db),
    strategies: strategyRepository(db),
    strategyGaps: strategyGapRepository(db),
    users: userRepository(db),
    sessions: sessionRepository(db),
    principals: principalRepository(db),
    rateLimits: rateLimitRepository(db),
    audit: auditRepository(db),
    identities: identityRepository(db),
    oidcFlows: oidcFlowRepository(db),
    signals: signalRepository(db),
    analytics: analyticsRepository(db),
    clusters: clusterRepository(db),
    insight: insightRepository(db),
    outbox: outboxRepository(db),
    leadership: leadershipRepository(db),
    leadershipReview: leadershipReview(db, leadershipRepository(db)),
    retros: retroRepository(db),
    actions: actionRepository(db),
    triage: triageRepository(db),
    incidentActivity: incidentActivityRepository(db),
    incidentImpacts: incidentImpactRepository(db),
    incidentClusters: incidentClusterRepository(db),
    priorities: priorityRepository(db),
    priorityConfirmations: priorityConfirmationRepository(db),
    integrations: integrationRepository(db),
    issueLinks: issueLinkRepository(db),
    webhooks: webhookRepository(db),
  }
}
export type Repositories = ReturnType<typeof createRepositories>
