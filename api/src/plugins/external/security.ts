import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { postgresRateLimitStore } from './rate-limit-store'

const cspDirectives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
}

/**
 * The headers an answer must carry even when it is written before any hook runs (a URL the
 * router cannot decode, a request the HTTP parser refuses): helmet never sees those.
 */
export const baselineSecurityHeaders: Record<string, string> = {
  'content-security-policy': Object.entries(cspDirectives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join(';'),
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'SAMEORIGIN',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
}

/** Security headers, no caching of API answers, and per-route rate limits. */
export default fp(
  async function security(app: FastifyInstance) {
    await app.register(helmet, { contentSecurityPolicy: { directives: cspDirectives } })

    // Answers can hold restricted or anonymous reports: no browser or proxy may keep them.
    app.addHook('onSend', async (request, reply) => {
      if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs')) reply.header('cache-control', 'no-store')
    })

    // Counted per signed-in user where there is one (route-level hooks run after sign-in's), in
    // Postgres so every instance shares one count (routes opt in).
    await app.register(rateLimit, {
      global: false,
      store: postgresRateLimitStore(app.repos.rateLimits),
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
