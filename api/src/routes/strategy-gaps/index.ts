import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  defaultVerificationWeeks,
  GapTransitionBody,
  IdParams,
  NewStrategyGap,
  Page,
  StrategyGap,
  StrategyGapChanges,
  StrategyGapQuery,
} from '@misalign/shared'
import { etagOf, expectedVersion } from '../../lib/etag'
import { problem } from '../../lib/problem'

const strategyGapRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      config: { policy: 'gap.read' },
      schema: {
        tags: ['strategy gaps'],
        summary: 'List strategy gaps, newest first',
        querystring: StrategyGapQuery,
        response: { 200: Page(StrategyGap) },
      },
    },
    async (req) => app.repos.strategyGaps.list(req.query),
  )

  app.get(
    '/:id',
    {
      config: { policy: 'gap.read' },
      schema: { tags: ['strategy gaps'], summary: 'Read a strategy gap', params: IdParams, response: { 200: StrategyGap } },
    },
    async (req, reply) => {
      const gap = await app.repos.strategyGaps.findById(req.params.id)
      if (!gap) throw problem.notFound('strategy gap', req.params.id)
      return reply.header('etag', etagOf(gap.version)).send(gap)
    },
  )

  app.post(
    '/',
    {
      config: { policy: 'gap.create' },
      schema: { tags: ['strategy gaps'], summary: 'Open a strategy gap', body: NewStrategyGap, response: { 201: StrategyGap } },
    },
    async (req, reply) => {
      const gap = await app.repos.strategyGaps.create(req.body, req.actor)
      return reply.code(201).header('etag', etagOf(gap.version)).header('location', `/api/v1/strategy-gaps/${gap.id}`).send(gap)
    },
  )

  app.patch(
    '/:id',
    {
      config: { policy: 'gap.update' },
      schema: {
        tags: ['strategy gaps'],
        summary: 'Change the title, description or owner of a gap (needs If-Match)',
        params: IdParams,
        body: StrategyGapChanges,
        response: { 200: StrategyGap },
      },
    },
    async (req, reply) => {
      const version = expectedVersion(req.headers['if-match'], 'strategy gap')
      const gap = await app.repos.strategyGaps.update(req.params.id, version, req.body, req.actor)
      if (!gap) throw problem.notFound('strategy gap', req.params.id)
      return reply.header('etag', etagOf(gap.version)).send(gap)
    },
  )

  app.post(
    '/:id/transitions',
    {
      config: { policy: 'gap.update' },
      schema: {
        tags: ['strategy gaps'],
        summary: 'Move a gap one step through its lifecycle (needs If-Match)',
        description: `open → acknowledged (name the owning leader) → published (name the published strategy that closes it) → verified (no incident in the gap since the strategy was published, for ${defaultVerificationWeeks} weeks unless weeks says otherwise); or wont_fix with a reason. A verified or won't-fix gap can be reopened.`,
        params: IdParams,
        body: GapTransitionBody,
        response: { 200: StrategyGap },
      },
    },
    async (req, reply) => {
      const version = expectedVersion(req.headers['if-match'], 'strategy gap')
      const gap = await app.repos.strategyGaps.transition(req.params.id, version, req.body, req.actor)
      if (!gap) throw problem.notFound('strategy gap', req.params.id)
      return reply.header('etag', etagOf(gap.version)).send(gap)
    },
  )
}
export default strategyGapRoutes
