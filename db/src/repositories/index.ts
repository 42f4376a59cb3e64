import type { Db } from '../client'
import { analyticsRepository } from './analytics-repository'
import { auditRepository } from './audit-repository'
import { decisionRepository } from './decision-repository'
import { identityRepository } from './identity-repository'
import { incidentRepository } from './incident-repository'
import { oidcFlowRepository } from './oidc-flow-repository'
import { principalRepository } from './principal-repository'
import { sessionRepository } from './session-repository'
import { signalRepository } from './signal-repository'
import { strategyGapRepository } from './strategy-gap-repository'
import { strategyRepository } from './strategy-repository'
import { teamRepository } from './team-repository'
import { userRepository } from './user-repository'

export * from './analytics-repository'
export * from './audit-repository'
export * from './cursor'
export * from './decision-repository'
export * from './errors'
export * from './identity-repository'
export * from './incident-repository'
export * from './incident-visibility'
export * from './oidc-flow-repository'
export * from './principal-repository'
export * from './session-repository'
export * from './signal-repository'
export * from './strategy-gap-repository'
export * from './strategy-repository'
export * from './team-repository'
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
  }
}
export type Repositories = ReturnType<typeof createRepositories>
