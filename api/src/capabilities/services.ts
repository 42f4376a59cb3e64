import type { ServiceDeps } from '../services/deps'
import { actionService } from './actions/service'
import { analyticsService } from './analytics/service'
import { auditService } from './audit/service'
import { authService } from './auth/service'
import { clusterService } from './clusters/service'
import { decisionImportService } from './decision-import/service'
import { decisionService } from './decisions/service'
import { exportService } from './exports/service'
import { incidentActivityService } from './incident-activity/service'
import { incidentImportService } from './incident-import/service'
import { incidentService } from './incidents/service'
import { insightService } from './insight/service'
import { integrationService } from './integrations/service'
import { issueLinkService } from './issue-links/service'
import { jobService } from './jobs/service'
import { languageCheckService } from './language-check/service'
import { leadershipService } from './leadership/service'
import { priorityService } from './priorities/service'
import { retroService } from './retros/service'
import { signalService } from './signals/service'
import { strategyService } from './strategies/service'
import { strategyGapService } from './strategy-gaps/service'
import { teamService } from './teams/service'
import { tokenService } from './tokens/service'
import { triageService } from './triage/service'
import { userService } from './users/service'
import { webhookService } from './webhooks/service'

/**
 * One service per capability: the only way in for a change, whoever asks — a route, the CLI,
 * Slack, an import. Each checks permission first and writes in one transaction with its events.
 */
export function createServices(deps: ServiceDeps) {
  return {
    incidents: incidentService(deps),
    incidentActivity: incidentActivityService(deps),
    jobs: jobService(deps),
    retros: retroService(deps),
    actions: actionService(deps),
    clusters: clusterService(deps),
    leadership: leadershipService(deps),
    analytics: analyticsService(deps),
    signals: signalService(deps),
    decisions: decisionService(deps),
    decisionImport: decisionImportService(deps),
    strategies: strategyService(deps),
    priorities: priorityService(deps),
    strategyGaps: strategyGapService(deps),
    triage: triageService(deps),
    insight: insightService(deps),
    languageCheck: languageCheckService(),
    auth: authService(deps),
    teams: teamService(deps),
    users: userService(deps),
    tokens: tokenService(deps),
    audit: auditService(deps),
    exports: exportService(deps),
    incidentImport: incidentImportService(deps),
    integrations: integrationService(deps),
    webhooks: webhookService(deps),
    issueLinks: issueLinkService(deps),
  }
}

export type Services = ReturnType<typeof createServices>
