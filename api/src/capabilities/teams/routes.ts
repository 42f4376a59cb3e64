import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { IdParams, NewTeam, Page, Team, TeamChanges, TeamQuery } from '@misalign/shared'
import { etagOf, expectedVersion } from '../../lib/etag'

const teamRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const teams = app.services.teams

  app.get(
    '/',
    {
      config: { policy: 'team.read' },
      schema: {
        tags: ['teams'],
        operationId: 'listTeams',
        summary: 'List teams',
        description: 'The teams of the org; a team may sit under a parent team (parentTeamId).',
        querystring: TeamQuery,
        response: { 200: Page(Team) },
      },
    },
    async (req) => teams.list(app.caller(req), req.query),
  )

  app.get(
    '/:id',
    {
      config: { policy: 'team.read' },
      schema: {
        tags: ['teams'],
        operationId: 'getTeam',
        summary: 'Read a team',
        description: 'Answers an ETag: send it as If-Match to change the team.',
        params: IdParams,
        response: { 200: Team },
      },
    },
    async (req, reply) => {
      const team = await teams.find(app.caller(req), req.params.id)
      return reply.header('etag', etagOf(team.version)).send(team)
    },
  )

  app.post(
    '/',
    {
      config: { policy: 'team.manage' },
      schema: {
        tags: ['teams'],
        operationId: 'createTeam',
        summary: 'Create a team',
        description: 'Admins only.',
        body: NewTeam,
        response: { 201: Team },
      },
    },
    async (req, reply) => {
      const team = await teams.create(app.caller(req), req.body)
      return reply.code(201).header('etag', etagOf(team.version)).header('location', `/api/v1/teams/${team.id}`).send(team)
    },
  )

  app.patch(
    '/:id',
    {
      config: { policy: 'team.manage' },
      schema: {
        tags: ['teams'],
        operationId: 'updateTeam',
        summary: 'Change, archive or restore a team (needs If-Match)',
        description: 'Admins only. Send the ETag you read as If-Match; a stale one answers 412.',
        params: IdParams,
        body: TeamChanges,
        response: { 200: Team },
      },
    },
    async (req, reply) => {
      const version = expectedVersion(req.headers['if-match'], 'team')
      const team = await teams.update(app.caller(req), req.params.id, version, req.body)
      return reply.header('etag', etagOf(team.version)).send(team)
    },
  )
}
export default teamRoutes
