import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

/** Security headers, no caching of API answers, and per-route rate limits. */
export default fp(
  async function security(app: FastifyInstance) {
    await app.register(helmet, {
      contentSecurityPolicy: {
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
          'connect-src': ["'self'"],
          'frame-ancestors': ["'none'"],
          'form-action': ["'self'"],
          'object-src': ["'none'"],
          'base-uri': ["'self'"],
        },
      },
    })

    // Answers can hold restricted or anonymous reports: no browser or proxy may keep them.
    app.addHook('onSend', async (request, reply) => {
      if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs')) reply.header('cache-control', 'no-store')
    })

    // Counted per signed-in user where there is one (route-level hooks run after sign-in's);
    // in memory per instance (routes opt in).
    await app.register(rateLimit, {
      global: false,
      keyGenerator: (request) => request.viewer?.userId ?? request.ip,
      errorResponseBuilder: (_request, context) => ({
        statusCode: 429,
        code: 'rate-limited',
        message: `Too many requests: at most ${context.max} per ${context.after}. Try again in ${context.after}.`,
      }),
    })
  },
  { name: 'security' },
)
