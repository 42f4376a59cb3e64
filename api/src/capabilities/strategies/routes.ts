import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { IdParams, NewStrategy, Page, Strategy, StrategyChanges, StrategyQuery, StrategyRevisions } from '@misalign/shared'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { etagOf, expectedVersion } from '../../lib/etag'
import { problem } from '../../lib/problem'

const tags = ['strategies']
const read = { policy: 'strategy.read' } as const
const write = { policy: 'strategy.write' } as const

const strategyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  function send(reply: FastifyReply, strategy: Strategy | undefined, id: string) {
    if (!strategy) throw problem.notFound('strategy', id)
    return reply.header('etag', etagOf(strategy.version)).send(strategy)
  }

  /** Leads write their own team's strategies, and hand one only to a team they also lead; leaders and admins any. */
  async function authorizeOwner(req: FastifyRequest, id: string, newOwnerTeamId?: string): Promise<void> {
    const strategy = await app.repos.strategies.findById(id)
    if (!strategy) throw problem.notFound('strategy', id)
    app.authorize(req, 'strategy.write', { teamIds: [strategy.ownerTeamId] })
    if (newOwnerTeamId) app.authorize(req, 'strategy.write', { teamIds: [newOwnerTeamId] })
  }

  app.get(
    '/',
    {
      config: read,
      schema: {
        tags,
        summary: 'List strategies, newest first',
        description: 'stale=true finds published strategies past their review date (UTC).',
        querystring: StrategyQuery,
        response: { 200: Page(Strategy) },
      },
    },
    async (req) => app.repos.strategies.list(req.query),
  )

  app.get(
    '/:id',
    { config: read, schema: { tags, summary: 'Read a strategy', params: IdParams, response: { 200: Strategy } } },
    async (req, reply) => send(reply, await app.repos.strategies.findById(req.params.id), req.params.id),
  )

  app.post(
    '/',
    { config: write, schema: { tags, summary: 'Draft a strategy', body: NewStrategy, response: { 201: Strategy } } },
    async (req, reply) => {
      app.authorize(req, 'strategy.write', { teamIds: [req.body.ownerTeamId] })
      const strategy = await app.repos.strategies.create(req.body, req.actor)
      return send(reply.code(201).header('location', `/api/v1/strategies/${strategy.id}`), strategy, strategy.id)
    },
  )

  app.patch(
    '/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change a draft strategy (needs If-Match)',
        description: 'A published strategy is revised, not overwritten: POST /api/v1/strategies/{id}/revisions.',
        params: IdParams,
        body: StrategyChanges,
        response: { 200: Strategy },
      },
    },
    async (req, reply) => {
      const version = expectedVersion(req.headers['if-match'], 'strategy')
      await authorizeOwner(req, req.params.id, req.body.ownerTeamId)
      return send(reply, await app.repos.strategies.update(req.params.id, version, req.body, req.actor), req.params.id)
    },
  )

  app.post(
    '/:id/publish',
    {
      config: write,
      schema: {
        tags,
        summary: 'Publish a draft strategy (needs If-Match)',
        description: 'Publishing a revision retires the strategy it supersedes.',
        params: IdParams,
        response: { 200: Strategy },
      },
    },
    async (req, reply) => {
      const version = expectedVersion(req.headers['if-match'], 'strategy')
      await authorizeOwner(req, req.params.id)
      return send(reply, await app.repos.strategies.publish(req.params.id, version, req.actor), req.params.id)
    },
  )

  app.post(
    '/:id/retire',
    {
      config: write,
      schema: { tags, summary: 'Retire a published strategy (needs If-Match)', params: IdParams, response: { 200: Strategy } },
    },
    async (req, reply) => {
      const version = expectedVersion(req.headers['if-match'], 'strategy')
      await authorizeOwner(req, req.params.id)
      return send(reply, await app.repos.strategies.retire(req.params.id, version, req.actor), req.params.id)
    },
  )

  app.post(
    '/:id/revisions',
    {
      config: write,
      schema: {
        tags,
        summary: 'Start a revision of a published strategy',
        description: 'Creates a draft copy one revision up; publishing it retires this one. One open draft revision at a time.',
        params: IdParams,
        response: { 201: Strategy },
      },
    },
    async (req, reply) => {
      await authorizeOwner(req, req.params.id)
      const revision = await app.repos.strategies.revise(req.params.id, req.actor)
      if (!revision) throw problem.notFound('strategy', req.params.id)
      return send(reply.code(201).header('location', `/api/v1/strategies/${revision.id}`), revision, revision.id)
    },
  )

  app.get(
    '/:id/revisions',
    {
      config: read,
      schema: {
        tags,
        summary: "Every revision in the strategy's lineage, oldest first",
        params: IdParams,
        response: { 200: StrategyRevisions },
      },
    },
    async (req) => {
      const items = await app.repos.strategies.listRevisions(req.params.id)
      if (!items) throw problem.notFound('strategy', req.params.id)
      return { items }
    },
  )
}
export default strategyRoutes
