import cookie from '@fastify/cookie'
import type { Actor, Principal } from '@misalign/db'
import { type Action, can, mayAttempt, type ResourceOwnership, type User, type Viewer } from '@misalign/shared'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { HttpProblem } from '../../lib/problem'
import { API_TOKEN_PREFIX, csrfTokenOf, sha256 } from '../../lib/secrets'

export type RoutePolicy = Action | 'public'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The policy action this route performs; every /api route must name one (deny by default). */
    policy?: RoutePolicy
    /**
     * On a public route: still find out who is asking, from the session cookie or token, without
     * refusing anyone (GET /auth/whoami). A caller who cannot be identified is simply nobody.
     */
    identifiesCaller?: boolean
  }
  interface FastifyRequest {
    viewer: Viewer | null
    user: User | null
    /** Who is making the request, for the audit log. */
    actor: Actor
    sessionId: string | null
  }
  interface FastifyInstance {
    /** Throws 403 unless the policy lets the viewer take the action on this resource. */
    authorize(request: FastifyRequest, action: Action, resource?: ResourceOwnership): Viewer
    routePolicies: Map<string, RoutePolicy>
    setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: Date): void
    clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void
  }
}

export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000
const SECURE_COOKIE = '__Host-session'
const PLAIN_COOKIE = 'session'
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])
const localHosts = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/

const nobody: Actor = { id: null, label: 'unauthenticated' }

/**
 * `__Host-` cookies must be Secure; browsers accept Secure cookies over https and on
 * localhost. Plain http elsewhere (not recommended) falls back to an unprefixed cookie.
 */
function isSecureContext(request: FastifyRequest): boolean {
  return request.protocol === 'https' || localHosts.test(request.host)
}

const unauthorized = () =>
  new HttpProblem(
    401,
    'unauthenticated',
    'Sign in first: send the session cookie, or an API token as "Authorization: Bearer …".',
    undefined,
    {
      'www-authenticate': 'Bearer',
    },
  )

export default fp(
  async function auth(app: FastifyInstance) {
    await app.register(cookie)

    app.decorate('routePolicies', new Map<string, RoutePolicy>())
    app.decorateRequest('viewer', null)
    app.decorateRequest('user', null)
    app.decorateRequest('actor', null as unknown as Actor)
    app.decorateRequest('sessionId', null)

    // Deny by default: an /api route that names no policy stops the app from starting.
    app.addHook('onRoute', (route) => {
      if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return
      const policy = route.config?.policy
      if (!policy) throw new Error(`Route ${route.method} ${route.url} has no policy: add config.policy`)
      for (const method of [route.method].flat()) if (method !== 'HEAD') app.routePolicies.set(`${method} ${route.url}`, policy)
    })

    app.decorate('setSessionCookie', (request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: Date) => {
      const secure = isSecureContext(request)
      reply.setCookie(secure ? SECURE_COOKIE : PLAIN_COOKIE, token, {
        path: '/',
        httpOnly: true,
        secure,
        sameSite: 'lax',
        expires: expiresAt,
      })
    })
    app.decorate('clearSessionCookie', (request: FastifyRequest, reply: FastifyReply) => {
      const secure = isSecureContext(request)
      reply.clearCookie(secure ? SECURE_COOKIE : PLAIN_COOKIE, { path: '/', httpOnly: true, secure, sameSite: 'lax' })
    })

    app.decorate('authorize', (request: FastifyRequest, action: Action, resource?: ResourceOwnership): Viewer => {
      const viewer = request.viewer
      if (!viewer) throw unauthorized()
      if (!can(viewer, action, resource)) {
        throw new HttpProblem(
          403,
          'forbidden',
          `Your role (${viewer.role}) may not ${describe(action)} here. Ask a lead of the owning team or an admin.`,
        )
      }
      return viewer
    })

    app.addHook('onRequest', async (request) => {
      request.actor = nobody
      const config = request.routeOptions.config
      const policy = config?.policy
      if (policy === 'public' && config?.identifiesCaller) return authenticateQuietly(app, request)
      if (!policy || policy === 'public') return
      await authenticate(app, request)
      if (!request.viewer) throw unauthorized()
      if (!mayAttempt(request.viewer, policy)) {
        throw new HttpProblem(403, 'forbidden', `Your role (${request.viewer.role}) may not ${describe(policy)}.`)
      }
    })
  },
  { name: 'auth', dependencies: ['error-handler'] },
)

/** Who is asking, if anyone: an expired session, a disabled account or a bad token leave the request as nobody's. */
async function authenticateQuietly(app: FastifyInstance, request: FastifyRequest): Promise<void> {
  try {
    await authenticate(app, request)
  } catch (error) {
    if (!(error instanceof HttpProblem && error.status === 401)) throw error
    request.user = null
    request.viewer = null
    request.sessionId = null
    request.actor = nobody
  }
}

async function authenticate(app: FastifyInstance, request: FastifyRequest): Promise<void> {
  const header = request.headers.authorization
  let principal: Principal | undefined
  if (header !== undefined) {
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1]
    if (!token?.startsWith(API_TOKEN_PREFIX)) throw unauthorized()
    principal = await app.repos.principals.byApiToken(sha256(token))
    if (!principal) throw unauthorized()
    // Last-used is for people, not security: minute precision spares a write per request.
    if (isOlderThan(principal.lastUsedAt, TOUCH_EVERY_MS)) await app.repos.sessions.touchToken(principal.credentialId)
  } else {
    const token = request.cookies[SECURE_COOKIE] ?? request.cookies[PLAIN_COOKIE]
    if (!token) return
    principal = await app.repos.principals.bySessionToken(sha256(token))
    if (!principal) return
    if (!safeMethods.has(request.method)) {
      // Cookie-authenticated writes must prove they come from our own pages.
      const sent = request.headers['x-csrf-token']
      if (typeof sent !== 'string' || sent !== csrfTokenOf(token) || sha256(sent) !== principal.csrfHash) {
        throw new HttpProblem(403, 'csrf', 'This write is missing its CSRF token (X-CSRF-Token). Reload the page and try again.')
      }
    }
    // Sliding expiry, written at most once a minute.
    if (isOlderThan(principal.lastUsedAt, TOUCH_EVERY_MS)) {
      await app.repos.sessions.touchSession(principal.credentialId, new Date(Date.now() + SESSION_IDLE_MS))
    }
    request.sessionId = principal.credentialId
  }
  const user = principal.user
  if (user.disabledAt) throw unauthorized()
  request.user = user
  request.viewer = { userId: user.id, role: user.role, teamIds: user.teamIds }
  request.actor = { id: user.id, label: user.email }
}

const TOUCH_EVERY_MS = 60_000
const isOlderThan = (at: Date | null, ms: number) => at === null || Date.now() - at.getTime() > ms

function describe(action: Action): string {
  const [resource, verb] = action.split('.')
  return `${verb} ${resource === 'gap' ? 'strategy gaps' : `${resource}s`}`.replace('own sessions', 'use this session')
}
