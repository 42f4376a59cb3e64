import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { verifyPassword } from '@misalign/db'
import { roles } from '@misalign/shared'
import { Type } from 'typebox'
import { HttpProblem } from '../../lib/problem'
import { csrfTokenOf, newSecret, sha256 } from '../../lib/secrets'
import { SESSION_IDLE_MS } from '../../plugins/app/auth'

const SignIn = Type.Object(
  { email: Type.String({ minLength: 3, maxLength: 320 }), password: Type.String({ minLength: 1, maxLength: 1024 }) },
  { additionalProperties: false },
)

export const SessionUser = Type.Object({
  id: Type.String(),
  email: Type.String(),
  displayName: Type.String(),
  role: Type.Enum(roles),
  teamIds: Type.Array(Type.String()),
})

const Session = Type.Object({
  user: SessionUser,
  csrfToken: Type.String({ description: 'Send as X-CSRF-Token on every cookie-authenticated write' }),
})

const WINDOW_MS = 15 * 60 * 1000

// One message for every failure, so the answer never tells whether an email exists.
const wrongCredentials = () => new HttpProblem(401, 'sign-in-failed', 'That email and password do not match an account.')

const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/sign-in',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password; sets the session cookie',
        body: SignIn,
        response: { 200: Session },
      },
    },
    async (req, reply) => {
      const { signInPerAccount, signInPerAddress } = app.config.limits
      // Throttled before any hashing, so guessing costs the guesser, not the server.
      const [perAccount, perAddress] = await Promise.all([
        app.repos.sessions.hit(`sign-in:account:${sha256(req.body.email.toLowerCase())}`, WINDOW_MS),
        app.repos.sessions.hit(`sign-in:address:${sha256(req.ip)}`, WINDOW_MS),
      ])
      if (perAccount > signInPerAccount || perAddress > signInPerAddress) {
        throw new HttpProblem(429, 'sign-in-throttled', 'Too many sign-in attempts. Wait 15 minutes and try again.', undefined, {
          'retry-after': String(WINDOW_MS / 1000),
        })
      }
      const found = await app.repos.users.findCredentials(req.body.email)
      const valid = await verifyPassword(found?.passwordHash, req.body.password)
      if (!found || !valid || found.disabledAt) throw wrongCredentials()

      const token = newSecret()
      const csrfToken = csrfTokenOf(token)
      const expiresAt = new Date(Date.now() + SESSION_IDLE_MS)
      await app.repos.sessions.createSession(
        { userId: found.id, tokenHash: sha256(token), csrfHash: sha256(csrfToken), expiresAt },
        { id: found.id, label: found.email },
      )
      app.setSessionCookie(req, reply, token, expiresAt)
      const { passwordHash: _, ...user } = found
      return { user, csrfToken }
    },
  )

  app.get(
    '/session',
    { config: { policy: 'session.own' }, schema: { tags: ['auth'], summary: 'Who is signed in', response: { 200: Session } } },
    async (req) => {
      const user = req.user
      if (!user) throw wrongCredentials()
      const token = req.cookies['__Host-session'] ?? req.cookies.session
      return { user, csrfToken: token ? csrfTokenOf(token) : '' }
    },
  )

  app.post(
    '/sign-out',
    {
      config: { policy: 'session.own' },
      schema: { tags: ['auth'], summary: 'End this session', response: { 204: Type.Null() } },
    },
    async (req, reply) => {
      if (req.sessionId) await app.repos.sessions.revokeSession(req.sessionId, req.actor)
      app.clearSessionCookie(req, reply)
      return reply.code(204).send(null)
    },
  )
}
export default authRoutes
