import type { ServiceDeps } from '../services/deps'
import { auditService } from './audit/service'
import { authService } from './auth/service'
import { incidentService } from './incidents/service'
import { teamService } from './teams/service'
import { tokenService } from './tokens/service'
import { userService } from './users/service'

/**
 * One service per capability: the only way in for a change, whoever asks — a route, the CLI,
 * Slack, an import. Each checks permission first and writes in one transaction with its events.
 */
export function createServices(deps: ServiceDeps) {
  return {
    incidents: incidentService(deps),
    auth: authService(deps),
    teams: teamService(deps),
    users: userService(deps),
    tokens: tokenService(deps),
    audit: auditService(deps),
  }
}

export type Services = ReturnType<typeof createServices>
