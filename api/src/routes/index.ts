import type { FastifyInstance } from 'fastify'
import actionRoutes from './actions/index'
import analyticsRoutes from './analytics/index'
import auditRoutes from './audit/index'
import authRoutes from './auth/index'
import oidcRoutes from './auth/oidc'
import clusterPlacement from './clusters/incremental'
import clusterRoutes from './clusters/index'
import similarIncidentRoutes from './clusters/similar'
import decisionRoutes from './decisions/index'
import healthRoutes from './health/index'
import incidentRoutes from './incidents/index'
import insightFreshness from './insight/freshness'
import insightRoutes from './insight/index'
import languageCheckRoutes from './language-check/index'
import leadershipRoutes from './leadership/index'
import priorityRoutes from './priorities/index'
import retroRoutes from './retros/index'
import signalRoutes from './signals/index'
import strategyRoutes from './strategies/index'
import strategyGapRoutes from './strategy-gaps/index'
import teamRoutes from './teams/index'
import tokenRoutes from './tokens/index'
import decisionLinkRoutes from './triage/decision-links'
import triageRoutes from './triage/index'
import userRoutes from './users/index'

/** Every resource, one plugin each, under /api/v1 (health stays outside the version). */
export default async function routes(app: FastifyInstance) {
  await app.register(healthRoutes, { prefix: '/api' })
  await app.register(authRoutes, { prefix: '/api/v1/auth' })
  // Sign-in through the company's provider exists only when it is configured.
  if (app.config.oidc) await app.register(oidcRoutes, { prefix: '/api/v1/auth/oidc' })
  await app.register(teamRoutes, { prefix: '/api/v1/teams' })
  await app.register(clusterPlacement)
  await app.register(insightFreshness)
  await app.register(incidentRoutes, { prefix: '/api/v1/incidents' })
  await app.register(similarIncidentRoutes, { prefix: '/api/v1/incidents/similar' })
  await app.register(insightRoutes, { prefix: '/api/v1' })
  await app.register(decisionLinkRoutes, { prefix: '/api/v1/incidents/decision-links' })
  await app.register(triageRoutes, { prefix: '/api/v1/triage' })
  await app.register(clusterRoutes, { prefix: '/api/v1/clusters' })
  await app.register(decisionRoutes, { prefix: '/api/v1/decisions' })
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
}
