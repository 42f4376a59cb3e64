import type { Db } from '../client'
import { actionRepository } from './action-repository'
import { analyticsRepository } from './analytics-repository'
import { auditRepository } from './audit-repository'
import { clusterRepository } from './cluster-repository'
import { decisionRepository } from './decision-repository'
import { identityRepository } from './identity-repository'
import { incidentRepository } from './incident-repository'
import { insightRepository } from './insight-repository'
import { leadershipRepository } from './leadership-repository'
import { leadershipReview } from './leadership-review'
import { oidcFlowRepository } from './oidc-flow-repository'
import { principalRepository } from './principal-repository'
import { priorityConfirmationRepository } from './priority-confirmations'
import { priorityRepository } from './priority-repository'
import { retroRepository } from './retro-repository'
import { sessionRepository } from './session-repository'
import { signalRepository } from './signal-repository'
import { strategyGapRepository } from './strategy-gap-repository'
import { strategyRepository } from './strategy-repository'
import { teamRepository } from './team-repository'
import { triageRepository } from './triage-repository'
import { userRepository } from './user-repository'

export * from './action-repository'
export * from './analytics-repository'
export { ANONYMOUS_NUMBER_BLOCK } from './anonymous-numbers'
export * from './audit-repository'
export { recomputeClusters } from './cluster-recompute'
export * from './cluster-repository'
export * from './cursor'
export * from './decision-repository'
export * from './errors'
export * from './identity-repository'
export * from './incident-repository'
export * from './incident-visibility'
export * from './insight-index'
export * from './insight-repository'
export * from './leadership-repository'
export * from './leadership-review'
export * from './leadership-tradeoff-requests'
export * from './oidc-flow-repository'
export * from './principal-repository'
export * from './priority-confirmations'
export * from './priority-links'
export * from './priority-repository'
export * from './retro-repository'
export * from './session-repository'
export * from './signal-repository'
export * from './strategy-gap-repository'
export * from './strategy-repository'
export * from './team-repository'
export * from './triage-repository'
export * from './user-repository'

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
    audit: auditRepository(db),
    identities: identityRepository(db),
    oidcFlows: oidcFlowRepository(db),
    signals: signalRepository(db),
    analytics: analyticsRepository(db),
    clusters: clusterRepository(db),
    insight: insightRepository(db),
    leadership: leadershipRepository(db),
    leadershipReview: leadershipReview(db, leadershipRepository(db)),
    retros: retroRepository(db),
    actions: actionRepository(db),
    triage: triageRepository(db),
    priorities: priorityRepository(db),
    priorityConfirmations: priorityConfirmationRepository(db),
  }
}
export type Repositories = ReturnType<typeof createRepositories>
