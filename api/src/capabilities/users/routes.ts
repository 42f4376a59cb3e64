import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { IdParams, NewUser, Page, User, UserChanges, UserQuery } from '@misalign/shared'
import { etagOf, expectedVersion } from '../../lib/etag'

const userRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const users = app.services.users

  app.get(
    '/',
    {
      config: { policy: 'user.manage' },
      schema: {
        tags: ['admin'],
        operationId: 'listUsers',
        summary: 'List users',
        description: 'Admins only.',
        querystring: UserQuery,
        response: { 200: Page(User) },
      },
    },
    async (req) => users.list(app.caller(req), req.query),
  )

  app.get(
    '/:id',
    {
      config: { policy: 'user.manage' },
      schema: {
        tags: ['admin'],
        operationId: 'getUser',
        summary: 'Read a user',
        description: 'Admins only. Answers an ETag: send it as If-Match to change the user.',
        params: IdParams,
        response: { 200: User },
      },
    },
    async (req, reply) => {
      const user = await users.find(app.caller(req), req.params.id)
      return reply.header('etag', etagOf(user.version)).send(user)
    },
  )

  app.post(
    '/',
    {
      config: { policy: 'user.manage' },
      schema: {
        tags: ['admin'],
        operationId: 'createUser',
        summary: 'Create a user (password optional: OIDC users have none)',
        description: 'Admins only. A user without a password signs in through OIDC only.',
        body: NewUser,
        response: { 201: User },
      },
    },
    async (req, reply) => {
      const user = await users.create(app.caller(req), req.body)
      return reply.code(201).header('etag', etagOf(user.version)).send(user)
    },
  )

  app.patch(
    '/:id',
    {
      config: { policy: 'user.manage' },
      schema: {
        tags: ['admin'],
        operationId: 'updateUser',
        summary: 'Change role or name, disable or enable (needs If-Match)',
        description: 'Admins only. A disabled user’s sessions and tokens stop working at once; a stale If-Match answers 412.',
        params: IdParams,
        body: UserChanges,
        response: { 200: User },
      },
    },
    async (req, reply) => {
      const version = expectedVersion(req.headers['if-match'], 'user')
      const user = await users.update(app.caller(req), req.params.id, version, req.body)
      return reply.header('etag', etagOf(user.version)).send(user)
    },
  )
}
export default userRoutes
