import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { canAssignActionTo, IdParams, Page, RetroAction, RetroActionChanges, RetroActionQuery } from '@misalign/shared'
import { etagOf, expectedVersion } from '../../lib/etag'
import { problem } from '../../lib/problem'

const tags = ['actions']

const actionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      config: { policy: 'action.read' },
      schema: {
        tags,
        summary: 'List actions across retros, newest first',
        description: 'actionClass=anti_misalignment finds the actions that add control instead of clarity.',
        querystring: RetroActionQuery,
        response: { 200: Page(RetroAction) },
      },
    },
    async (req) => app.repos.actions.list(req.query),
  )

  app.patch(
    '/:id',
    {
      config: { policy: 'action.write' },
      schema: {
        tags,
        summary: 'Change an action: status, owner, due date, kind, reason (needs If-Match)',
        params: IdParams,
        body: RetroActionChanges,
        response: { 200: RetroAction },
      },
    },
    async (req, reply) => {
      const version = expectedVersion(req.headers['if-match'], 'action')
      const access = await app.repos.actions.findAccess(req.params.id)
      if (!access) throw problem.notFound('action', req.params.id)
      // A lead changes actions their team owns, or any action of a retro on a cluster that touches their team.
      const retroTeams = (await app.repos.retros.retroTeams(access.retroId, app.incidentViewer(req))) ?? []
      const viewer = app.authorize(req, 'action.write', { teamIds: [access.ownerTeamId, ...retroTeams] })
      const newOwner = req.body.ownerTeamId
      if (newOwner && newOwner !== access.ownerTeamId && !canAssignActionTo(viewer, newOwner, retroTeams)) {
        throw problem.forbidden(
          'You may hand an action only to a team this retro is about or a team you lead. Ask a leader to move it elsewhere.',
        )
      }
      const action = await app.repos.actions.update(req.params.id, version, req.body, req.actor)
      if (!action) throw problem.notFound('action', req.params.id)
      return reply.header('etag', etagOf(action.version)).send(action)
    },
  )
}
export default actionRoutes
