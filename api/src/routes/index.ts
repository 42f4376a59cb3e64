import type { FastifyInstance } from 'fastify'
import healthRoutes from './health/index'
import incidentRoutes from './incidents/index'
import teamRoutes from './teams/index'

/** Every resource, one plugin each, under /api/v1 (health stays outside the version). */
export default async function routes(app: FastifyInstance) {
  await app.register(healthRoutes, { prefix: '/api' })
  await app.register(teamRoutes, { prefix: '/api/v1/teams' })
  await app.register(incidentRoutes, { prefix: '/api/v1/incidents' })
}
