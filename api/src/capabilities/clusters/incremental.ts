import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

declare module 'fastify' {
  interface FastifyRequest {
    filedIncidentId?: string
  }
}

const filingRoute = /^\/api\/v1\/incidents\/?$/

/**
 * After POST /api/v1/incidents files an incident, place it into a cluster — outside the filing
 * transaction and after the reply, so filing never waits on the engine. Placements queue one
 * at a time in the cluster repository; a failure is logged, and the next recompute catches up.
 */
async function clusterPlacement(app: FastifyInstance) {
  app.decorateRequest('filedIncidentId', undefined)

  app.addHook('onSend', async (req, reply, payload) => {
    if (req.method !== 'POST' || !filingRoute.test(req.routeOptions.url ?? '') || reply.statusCode !== 201) return payload
    if (reply.getHeader('idempotent-replayed') === 'true') return payload
    const location = reply.getHeader('location')
    const id = typeof location === 'string' ? location.split('/').pop() : undefined
    if (id) req.filedIncidentId = id
    return payload
  })

  // Let queued placements finish before the app (and then the database) closes.
  app.addHook('onClose', () => app.repos.clusters.placementsIdle())

  app.addHook('onResponse', async (req) => {
    const id = req.filedIncidentId
    if (!id) return
    app.repos.clusters.schedulePlacement(id, (error) =>
      req.log.warn({ err: error, incidentId: id }, 'placing a new incident into clusters failed'),
    )
  })
}

export default fp(clusterPlacement, { name: 'cluster-placement' })
