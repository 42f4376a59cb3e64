import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { IdParams, NewStrategy, Page, Strategy, StrategyChanges, StrategyQuery, StrategyRevisions } from '@misalign/shared'
import type { FastifyReply } from 'fastify'
import { etagOf, expectedVersion } from '../../lib/etag'

const tags = ['strategies']
const read = { policy: 'strategy.read' } as const
const write = { policy: 'strategy.write' } as const

const strategyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const strategies = app.services.strategies
  const send = (reply: FastifyReply, strategy: Strategy) => reply.header('etag', etagOf(strategy.version)).send(strategy)

  app.get(
    '/',
    {
      config: read,
      schema: {
        tags,
        operationId: 'listStrategies',
        summary: 'List strategies, newest first',
        description: 'stale=true finds published strategies past their review date (UTC).',
        querystring: StrategyQuery,
        response: { 200: Page(Strategy) },
      },
    },
    async (req) => strategies.list(app.caller(req), req.query),
  )

  app.get(
    '/:id',
    {
      config: read,
      schema: {
        tags,
        operationId: 'getStrategy',
        summary: 'Read a strategy',
        description: 'Answers an ETag: send it as If-Match to change, publish or retire the strategy.',
        params: IdParams,
        response: { 200: Strategy },
      },
    },
    async (req, reply) => send(reply, await strategies.find(app.caller(req), req.params.id)),
  )

  app.post(
    '/',
    {
      config: write,
      schema: {
        tags,
        operationId: 'draftStrategy',
        summary: 'Draft a strategy',
        description: 'Leads of the owning team, leaders and admins. A draft applies to nobody until it is published.',
        body: NewStrategy,
        response: { 201: Strategy },
      },
    },
    async (req, reply) => {
      const strategy = await strategies.create(app.caller(req), req.body)
      return send(reply.code(201).header('location', `/api/v1/strategies/${strategy.id}`), strategy)
    },
  )

  app.patch(
    '/:id',
    {
      config: write,
      schema: {
        tags,
        operationId: 'updateStrategy',
        summary: 'Change a draft strategy (needs If-Match)',
        description: 'A published strategy is revised, not overwritten: POST /api/v1/strategies/{id}/revisions.',
        params: IdParams,
        body: StrategyChanges,
        response: { 200: Strategy },
      },
    },
    async (req, reply) => {
      const version = expectedVersion(req.headers['if-match'], 'strategy')
      return send(reply, await strategies.update(app.caller(req), req.params.id, version, req.body))
    },
  )

  app.post(
    '/:id/publish',
    {
      config: write,
      schema: {
        tags,
        operationId: 'publishStrategy',
        summary: 'Publish a draft strategy (needs If-Match)',
        description: 'Publishing a revision retires the strategy it supersedes.',
        params: IdParams,
        response: { 200: Strategy },
      },
    },
    async (req, reply) => {
      const version = expectedVersion(req.headers['if-match'], 'strategy')
      return send(reply, await strategies.publish(app.caller(req), req.params.id, version))
    },
  )

  app.post(
    '/:id/retire',
    {
      config: write,
      schema: {
        tags,
        operationId: 'retireStrategy',
        summary: 'Retire a published strategy (needs If-Match)',
        description: 'Leads of the owning team, leaders and admins. Send the ETag you read as If-Match; a stale one answers 412.',
        params: IdParams,
        response: { 200: Strategy },
      },
    },
    async (req, reply) => {
      const version = expectedVersion(req.headers['if-match'], 'strategy')
      return send(reply, await strategies.retire(app.caller(req), req.params.id, version))
    },
  )

  app.post(
    '/:id/revisions',
    {
      config: write,
      schema: {
        tags,
        operationId: 'reviseStrategy',
        summary: 'Start a revision of a published strategy',
        description: 'Creates a draft copy one revision up; publishing it retires this one. One open draft revision at a time.',
        params: IdParams,
        response: { 201: Strategy },
      },
    },
    async (req, reply) => {
      const revision = await strategies.revise(app.caller(req), req.params.id)
      return send(reply.code(201).header('location', `/api/v1/strategies/${revision.id}`), revision)
    },
  )

  app.get(
    '/:id/revisions',
    {
      config: read,
      schema: {
        tags,
        operationId: 'listStrategyRevisions',
        summary: "Every revision in the strategy's lineage, oldest first",
        description: 'Drafts, published and retired revisions alike, so a reader can see how the strategy changed.',
        params: IdParams,
        response: { 200: StrategyRevisions },
      },
    },
    async (req) => ({ items: await strategies.listRevisions(app.caller(req), req.params.id) }),
  )
}
export default strategyRoutes
