import type { ServiceDeps } from '../services/deps'
import { incidentService } from './incidents/service'
import { jobService } from './jobs/service'

/**
 * One service per capability: the only way in for a change, whoever asks — a route, the CLI,
 * Slack, an import. Each checks permission first and writes in one transaction with its events.
 */
export function createServices(deps: ServiceDeps) {
  return {
    incidents: incidentService(deps),
    jobs: jobService(deps),
  }
}

export type Services = ReturnType<typeof createServices>
