import type { FastifyInstance } from 'fastify'
import actionRoutes from './actions/routes'
import analyticsRoutes from './analytics/routes'
import auditRoutes from './audit/routes'
import oidcRoutes from './auth/oidc'
import authRoutes from './auth/routes'
import clusterRoutes from './clusters/routes'
import similarIncidentRoutes from './clusters/similar'
import decisionImportRoutes from './decision-import/routes'
import decisionRoutes from './decisions/routes'
import exportRoutes from './exports/routes'
import healthRoutes from './health/routes'
import incidentActivityRoutes from './incident-activity/routes'
import incidentImportRoutes from './incident-import/routes'
import incidentRoutes from './incidents/routes'
import insightRoutes from './insight/routes'
import integrationRoutes from './integrations/routes'
import issueLinkRoutes from './issue-links/routes'
import issueTrackerWebhookRoutes from './issue-links/webhook-routes'
import jobRoutes from './jobs/routes'
import languageCheckRoutes from './language-check/routes'
import leadershipRoutes from './leadership/routes'
import priorityRoutes from './priorities/routes'
import retroRoutes from './retros/routes'
import signalRoutes from './signals/routes'
import slackRoutes from './slack/routes'
import strategyRoutes from './strategies/routes'
import strategyGapRoutes from './strategy-gaps/routes'
import teamRoutes from './teams/routes'
import tokenRoutes from './tokens/routes'
import decisionLinkRoutes from './triage/decision-links'
import triageRoutes from './triage/routes'
import userRoutes from './users/routes'
import webhookRoutes from './webhooks/routes'

/** Every resource, one plugin each, under /api/v1 (health stays outside the version). */
export default async function routes(app: FastifyInstance) {
  await app.register(healthRoutes, { prefix: '/api' })
  await app.register(authRoutes, { prefix: '/api/v1/auth' })
  // Sign-in through the company's provider exists only when it is configured.
  if (app.config.oidc) await app.register(oidcRoutes, { prefix: '/api/v1/auth/oidc' })
  await app.register(teamRoutes, { prefix: '/api/v1/teams' })
  await app.register(jobRoutes, { prefix: '/api/v1/admin/jobs' })
  await app.register(integrationRoutes, { prefix: '/api/v1/admin/integrations' })
  await app.register(webhookRoutes, { prefix: '/api/v1/webhooks' })
  // /<resource>/export beside each list: a static segment wins over /:id in any order.
  await app.register(exportRoutes, { prefix: '/api/v1' })
  await app.register(incidentImportRoutes, { prefix: '/api/v1/incidents/import' })
  await app.register(incidentRoutes, { prefix: '/api/v1/incidents' })
  await app.register(incidentActivityRoutes, { prefix: '/api/v1/incidents' })
  await app.register(similarIncidentRoutes, { prefix: '/api/v1/incidents/similar' })
  await app.register(insightRoutes, { prefix: '/api/v1' })
  await app.register(decisionLinkRoutes, { prefix: '/api/v1/incidents/decision-links' })
  await app.register(triageRoutes, { prefix: '/api/v1/triage' })
  await app.register(clusterRoutes, { prefix: '/api/v1/clusters' })
  await app.register(decisionRoutes, { prefix: '/api/v1/decisions' })
  await app.register(decisionImportRoutes, { prefix: '/api/v1/decisions/import' })
  await app.register(analyticsRoutes, { prefix: '/api/v1/analytics' })
  await app.register(signalRoutes, { prefix: '/api/v1/signals' })
  await app.register(strategyRoutes, { prefix: '/api/v1/strategies' })
  await app.register(priorityRoutes, { prefix: '/api/v1/priorities' })
  await app.register(strategyGapRoutes, { prefix: '/api/v1/strategy-gaps' })
  await app.register(leadershipRoutes, { prefix: '/api/v1/leadership' })
  await app.register(retroRoutes, { prefix: '/api/v1/retros' })
  await app.register(actionRoutes, { prefix: '/api/v1/actions' })
  await app.register(userRoutes, { prefix: '/api/v1/users' })
  await app.register(tokenRoutes, { prefix: '/api/v1/tokens' })
  await app.register(auditRoutes, { prefix: '/api/v1/audit' })
  await app.register(languageCheckRoutes, { prefix: '/api/v1/language-check' })
  // Slack's request URLs exist only when the Slack app is configured (docs/slack-app.md).
  if (app.config.slack) await app.register(slackRoutes, { prefix: '/api/v1/integrations/slack' })
  await app.register(issueLinkRoutes, { prefix: '/api/v1' })
  // Each tracker's webhook exists only when its secret is set (docs/decisions/042).
  const trackerSecrets = app.config.issueTrackers ?? {}
  if (Object.values(trackerSecrets).some(Boolean)) {
    await app.register(issueTrackerWebhookRoutes, { prefix: '/api/v1/integrations', secrets: trackerSecrets })
  }
}
