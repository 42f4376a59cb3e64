import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ApiToken, CreatedApiToken, IdParams, NewApiToken } from '@misalign/shared'
import { Type } from 'typebox'

const tokenRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tokens = app.services.tokens

  app.get(
    '/',
    {
      config: { policy: 'token.manage' },
      schema: {
        tags: ['admin'],
        operationId: 'listApiTokens',
        summary: 'List API tokens (never the tokens themselves)',
        description: 'Admins only. Each token shows its user, label, prefix and last use, never the token itself.',
        querystring: Type.Object({ userId: Type.Optional(Type.String({ format: 'uuid' })) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(ApiToken) }) },
      },
    },
    async (req) => ({ items: await tokens.list(app.caller(req), req.query.userId) }),
  )

  app.post(
    '/',
    {
      config: { policy: 'token.manage' },
      schema: {
        tags: ['admin'],
        operationId: 'createApiToken',
        summary: 'Create an API token for a user; the token is shown once',
        description: 'Admins only. Store the token from this answer: only its hash is kept, so it cannot be shown again.',
        body: NewApiToken,
        response: { 201: CreatedApiToken },
      },
    },
    async (req, reply) => {
      const { token, apiToken } = await tokens.create(app.caller(req), req.body)
      return reply.code(201).send({ ...apiToken, token })
    },
  )

  app.delete(
    '/:id',
    {
      config: { policy: 'token.manage' },
      schema: {
        tags: ['admin'],
        operationId: 'revokeApiToken',
        summary: 'Revoke an API token',
        description: 'Admins only. Requests with the token fail with 401 from then on; answers 204.',
        params: IdParams,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await tokens.revoke(app.caller(req), req.params.id)
      return reply.code(204).send(null)
    },
  )
}
export default tokenRoutes
