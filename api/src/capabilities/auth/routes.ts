import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { roles } from '@misalign/shared'
import { Type } from 'typebox'

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

const WhoAmI = Type.Object({
  user: Type.Union([SessionUser, Type.Null()], { description: 'Null when nobody is signed in' }),
  csrfToken: Type.Union([Type.String(), Type.Null()], {
    description: 'Send as X-CSRF-Token on every cookie-authenticated write; null when nobody is signed in',
  }),
})

const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const auth = app.services.auth

  app.post(
    '/sign-in',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['auth'],
        operationId: 'signIn',
        summary: 'Sign in with email and password; sets the session cookie',
        description:
          'No sign-in needed. Answers the user and the CSRF token that cookie-authenticated writes send as X-CSRF-Token; attempts are limited per account and per address. Scripts use a personal API token instead.',
        body: SignIn,
        response: { 200: Session },
      },
    },
    async (req, reply) => {
      const { user, token, csrfToken, expiresAt } = await auth.signIn({ ...req.body, address: req.ip })
      app.setSessionCookie(req, reply, token, expiresAt)
      return { user, csrfToken }
    },
  )

  app.get(
    '/session',
    {
      config: { policy: 'session.own' },
      schema: {
        tags: ['auth'],
        operationId: 'getSession',
        summary: 'Who is signed in',
        description:
          'The signed-in user and the CSRF token to send as X-CSRF-Token on cookie-authenticated writes; 401 when nobody is signed in.',
        response: { 200: Session },
      },
    },
    async (req) => auth.session(app.caller(req), req.user, req.cookies['__Host-session'] ?? req.cookies.session),
  )

  // The web app's probe on every load: signed out is an answer here, not a 401 that browsers
  // log as a console error on the sign-in page (docs/decisions/028).
  app.get(
    '/whoami',
    {
      config: { policy: 'public', identifiesCaller: true },
      schema: {
        tags: ['auth'],
        operationId: 'whoAmI',
        summary: 'Who is signed in, if anyone: answers 200 with user null when nobody is',
        description:
          'No sign-in needed: the answer of GET /api/v1/auth/session, except that nobody signed in is a 200 with user and csrfToken null (the web app asks on every load).',
        response: { 200: WhoAmI },
      },
    },
    async (req) =>
      auth.whoAmI(req.viewer ? app.caller(req) : null, req.user, req.cookies['__Host-session'] ?? req.cookies.session),
  )

  app.post(
    '/sign-out',
    {
      config: { policy: 'session.own' },
      schema: {
        tags: ['auth'],
        operationId: 'signOut',
        summary: 'End this session',
        description:
          'Ends the session of the cookie sent and clears the cookie; answers 204. An API token stays valid until an admin revokes it.',
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await auth.signOut(app.caller(req), req.sessionId)
      app.clearSessionCookie(req, reply)
      return reply.code(204).send(null)
    },
  )
}
export default authRoutes
