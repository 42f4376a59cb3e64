import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { IdParams, NewTeam, Page, Team, TeamChanges, TeamQuery } from '@misalign/shared'
import { etagOf, expectedVersion } from '../../lib/etag'
import { problem } from '../../lib/problem'

const teamRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      config: { policy: 'team.read' },
      schema: { tags: ['teams'], summary: 'List teams', querystring: TeamQuery, response: { 200: Page(Team) } },
    },
    async (req) => app.repos.teams.list(req.query),
  )

  app.get(
    '/:id',
    {
      config: { policy: 'team.read' },
      schema: { tags: ['teams'], summary: 'Read a team', params: IdParams, response: { 200: Team } },
    },
    async (req, reply) => {
      const team = await app.repos.teams.findById(req.params.id)
      if (!team) throw problem.notFound('team', req.params.id)
      return reply.header('etag', etagOf(team.version)).send(team)
    },
  )

  app.post(
    '/',
    {
      config: { policy: 'team.manage' },
      schema: { tags: ['teams'], summary: 'Create a team', body: NewTeam, response: { 201: Team } },
    },
    async (req, reply) => {
      const team = await app.repos.teams.create(req.body, req.actor)
      return reply.code(201).header('etag', etagOf(team.version)).header('location', `/api/v1/teams/${team.id}`).send(team)
    },
  )

  app.patch(
    '/:id',
    {
      config: { policy: 'team.manage' },
      schema: {
        tags: ['teams'],
        summary: 'Change, archive or restore a team (needs If-Match)',
        params: IdParams,
        body: TeamChanges,
        response: { 200: Team },
      },
    },
    async (req, reply) => {
      const version = expectedVersion(req.headers['if-match'], 'team')
      const team = await app.repos.teams.update(req.params.id, version, req.body, req.actor)
      if (!team) throw problem.notFound('team', req.params.id)
      return reply.header('etag', etagOf(team.version)).send(team)
    },
  )
}
export default teamRoutes
