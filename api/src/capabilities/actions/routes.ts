import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { IdParams, Page, RetroAction, RetroActionChanges, RetroActionQuery } from '@misalign/shared'
import { etagOf, expectedVersion } from '../../lib/etag'

const tags = ['actions']

const actionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const actions = app.services.actions

  app.get(
    '/',
    {
      config: { policy: 'action.read' },
      schema: {
        tags,
        operationId: 'listActions',
        summary: 'List actions across retros, newest first',
        description: 'actionClass=anti_misalignment finds the actions that add control instead of clarity.',
        querystring: RetroActionQuery,
        response: { 200: Page(RetroAction) },
      },
    },
    async (req) => actions.list(app.caller(req), req.query),
  )

  app.patch(
    '/:id',
    {
      config: { policy: 'action.write' },
      schema: {
        tags,
        operationId: 'updateAction',
        summary: 'Change an action: status, owner, due date, kind, reason (needs If-Match)',
        description:
          'Leads of the owning team or of a team its retro is about, leaders and admins. Send the ETag you read as If-Match; a stale one answers 412.',
        params: IdParams,
        body: RetroActionChanges,
        response: { 200: RetroAction },
      },
    },
    async (req, reply) => {
      const version = expectedVersion(req.headers['if-match'], 'action')
      const action = await actions.update(app.caller(req), req.params.id, version, req.body)
      return reply.header('etag', etagOf(action.version)).send(action)
    },
  )
}
export default actionRoutes
