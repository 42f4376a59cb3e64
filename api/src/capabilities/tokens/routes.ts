import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ApiToken, CreatedApiToken, IdParams, NewApiToken } from '@misalign/shared'
import { Type } from 'typebox'
import { problem } from '../../lib/problem'
import { API_TOKEN_PREFIX, newSecret, sha256 } from '../../lib/secrets'

const toWire = <T extends { createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null }>(row: T) => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
})

const tokenRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      config: { policy: 'token.manage' },
      schema: {
        tags: ['admin'],
        summary: 'List API tokens (never the tokens themselves)',
        querystring: Type.Object({ userId: Type.Optional(Type.String({ format: 'uuid' })) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(ApiToken) }) },
      },
    },
    async (req) => ({ items: (await app.repos.sessions.listTokens(req.query.userId)).map(toWire) }),
  )

  app.post(
    '/',
    {
      config: { policy: 'token.manage' },
      schema: {
        tags: ['admin'],
        summary: 'Create an API token for a user; the token is shown once',
        body: NewApiToken,
        response: { 201: CreatedApiToken },
      },
    },
    async (req, reply) => {
      const user = await app.repos.users.findById(req.body.userId)
      if (!user) throw problem.unprocessable('userId refers to no user', [{ field: 'userId', message: 'refers to no user' }])
      const token = `${API_TOKEN_PREFIX}${newSecret()}`
      const row = await app.repos.sessions.createToken(
        { userId: user.id, label: req.body.label ?? '', tokenHash: sha256(token), prefix: token.slice(0, 10) },
        req.actor,
      )
      const { tokenHash: _, updatedAt: __, ...visible } = row
      return reply.code(201).send({ ...toWire(visible), token })
    },
  )

  app.delete(
    '/:id',
    {
      config: { policy: 'token.manage' },
      schema: { tags: ['admin'], summary: 'Revoke an API token', params: IdParams, response: { 204: Type.Null() } },
    },
    async (req, reply) => {
      if (!(await app.repos.sessions.revokeToken(req.params.id, req.actor)))
        throw problem.notFound('active API token', req.params.id)
      return reply.code(204).send(null)
    },
  )
}
export default tokenRoutes
