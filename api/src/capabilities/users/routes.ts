import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { hashPassword } from '@misalign/db'
import { IdParams, NewUser, Page, User, UserChanges, UserQuery } from '@misalign/shared'
import { etagOf, expectedVersion } from '../../lib/etag'
import { problem } from '../../lib/problem'

const userRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      config: { policy: 'user.manage' },
      schema: { tags: ['admin'], summary: 'List users', querystring: UserQuery, response: { 200: Page(User) } },
    },
    async (req) => app.repos.users.list(req.query),
  )

  app.get(
    '/:id',
    {
      config: { policy: 'user.manage' },
      schema: { tags: ['admin'], summary: 'Read a user', params: IdParams, response: { 200: User } },
    },
    async (req, reply) => {
      const user = await app.repos.users.findById(req.params.id)
      if (!user) throw problem.notFound('user', req.params.id)
      return reply.header('etag', etagOf(user.version)).send(user)
    },
  )

  app.post(
    '/',
    {
      config: { policy: 'user.manage' },
      schema: {
        tags: ['admin'],
        summary: 'Create a user (password optional: OIDC users have none)',
        body: NewUser,
        response: { 201: User },
      },
    },
    async (req, reply) => {
      const { password, ...rest } = req.body
      const user = await app.repos.users.create(
        { ...rest, passwordHash: password ? await hashPassword(password) : null },
        req.actor,
      )
      return reply.code(201).header('etag', etagOf(user.version)).send(user)
    },
  )

  app.patch(
    '/:id',
    {
      config: { policy: 'user.manage' },
      schema: {
        tags: ['admin'],
        summary: 'Change role or name, disable or enable (needs If-Match)',
        params: IdParams,
        body: UserChanges,
        response: { 200: User },
      },
    },
    async (req, reply) => {
      const version = expectedVersion(req.headers['if-match'], 'user')
      const user = await app.repos.users.update(req.params.id, version, req.body, req.actor)
      if (!user) throw problem.notFound('user', req.params.id)
      return reply.header('etag', etagOf(user.version)).send(user)
    },
  )
}
export default userRoutes
