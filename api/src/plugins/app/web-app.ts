import fs from 'node:fs'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

/** Serves the built web app from the same origin as the API, when it has been built. */
export default fp(
  async function webApp(app: FastifyInstance) {
    const root = app.config.webDist
    if (!root || !fs.existsSync(root)) return
    await app.register(fastifyStatic, { root, prefix: '/', wildcard: false, index: ['index.html'] })
    // Client-side routes (/incidents/MIS-3) get the app shell; /api paths keep their 404 problem.
    app.get('/*', { schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith('/api/')) return reply.callNotFound()
      return reply.sendFile('index.html')
    })
  },
  { name: 'web-app' },
)
