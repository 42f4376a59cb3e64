import type { Actor } from '@misalign/db'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is making the request, for the audit log and for ownership. */
    actor: Actor
  }
}

const unauthenticated: Actor = { id: null, label: 'api' }

export default fp(
  async function actor(app: FastifyInstance) {
    app.decorateRequest('actor', null as unknown as Actor)
    app.addHook('onRequest', async (request) => {
      request.actor = unauthenticated
    })
  },
  { name: 'actor' },
)
