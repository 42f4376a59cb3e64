import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

/**
 * Any successful write may change what the insight index holds (an incident, a decision, a
 * link between them), so it is marked stale and rebuilt before, or soon after, the next read.
 * Registered at the root so it sees every route's writes; it reads nothing from the request.
 */
async function insightFreshness(app: FastifyInstance) {
  app.addHook('onResponse', async (req, reply) => {
    if (req.method !== 'GET' && req.method !== 'HEAD' && reply.statusCode < 300) app.repos.insight.changed()
  })
}

export default fp(insightFreshness, { name: 'insight-freshness' })
