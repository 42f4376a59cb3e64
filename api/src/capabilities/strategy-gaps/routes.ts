import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  defaultVerificationWeeks,
  GAP_RANKING_FORMULA,
  GapAttachBody,
  GapAttachResult,
  GapContext,
  GapImpact,
  GapImpactQuery,
  GapRanking,
  GapRankingQuery,
  GapStrategyDraft,
  GapSuggestionQuery,
  GapSuggestions,
  GapTransitionBody,
  IdParams,
  NewStrategy,
  NewStrategyGap,
  Page,
  StrategyGap,
  StrategyGapChanges,
  StrategyGapQuery,
} from '@misalign/shared'
import type { FastifyReply } from 'fastify'
import { etagOf, expectedVersion } from '../../lib/etag'

const visibilityNote = 'Restricted incidents count only for those who may see them.'

const strategyGapRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const gaps = app.services.strategyGaps
  const send = (reply: FastifyReply, gap: StrategyGap) => reply.header('etag', etagOf(gap.version)).send(gap)

  app.get(
    '/ranking',
    {
      config: { policy: 'gap.read' },
      schema: {
        tags: ['strategy gaps'],
        operationId: 'rankStrategyGaps',
        summary: 'Every strategy gap, ranked by weighted harm in a window (default: the last 90 days)',
        description: `${GAP_RANKING_FORMULA}. Trend compares the window's two halves. ${visibilityNote}`,
        querystring: GapRankingQuery,
        response: { 200: GapRanking },
      },
    },
    async (req) => gaps.ranking(app.caller(req), req.query),
  )

  app.get(
    '/suggestions',
    {
      config: { policy: 'gap.read' },
      schema: {
        tags: ['strategy gaps'],
        operationId: 'suggestStrategyGaps',
        summary: 'Decisions and clusters with high weighted harm whose incidents point at no gap yet',
        description: `Over the window (default: the last 90 days). ${visibilityNote}`,
        querystring: GapSuggestionQuery,
        response: { 200: GapSuggestions },
      },
    },
    async (req) => gaps.suggestions(app.caller(req), req.query),
  )

  app.get(
    '/:id/impact',
    {
      config: { policy: 'gap.read' },
      schema: {
        tags: ['strategy gaps'],
        operationId: 'getStrategyGapImpact',
        summary: "Incidents and weighted harm in equal windows before and after the addressing strategy's publication",
        description: `Weekly, aligned on the publication day; the windows shrink to the whole weeks passed since then. Decisions recorded over the same weeks stand beside the counts. ${visibilityNote}`,
        params: IdParams,
        querystring: GapImpactQuery,
        response: { 200: GapImpact },
      },
    },
    async (req) => gaps.impact(app.caller(req), req.params.id, req.query.weeks),
  )

  app.get(
    '/:id/context',
    {
      config: { policy: 'gap.read' },
      schema: {
        tags: ['strategy gaps'],
        operationId: 'getStrategyGapContext',
        summary:
          'Who took each step, the decisions behind the incidents, the addressing strategy and when verifying becomes possible',
        description: visibilityNote,
        params: IdParams,
        response: { 200: GapContext },
      },
    },
    async (req) => gaps.context(app.caller(req), req.params.id),
  )

  app.get(
    '/',
    {
      config: { policy: 'gap.read' },
      schema: {
        tags: ['strategy gaps'],
        operationId: 'listStrategyGaps',
        summary: 'List strategy gaps, newest first',
        description: 'Filter by status and owner; page with limit and the nextCursor of the previous page.',
        querystring: StrategyGapQuery,
        response: { 200: Page(StrategyGap) },
      },
    },
    async (req) => gaps.list(app.caller(req), req.query),
  )

  app.get(
    '/:id',
    {
      config: { policy: 'gap.read' },
      schema: {
        tags: ['strategy gaps'],
        operationId: 'getStrategyGap',
        summary: 'Read a strategy gap',
        description: 'Answers an ETag: send it as If-Match to change the gap or move it through its lifecycle.',
        params: IdParams,
        response: { 200: StrategyGap },
      },
    },
    async (req, reply) => send(reply, await gaps.find(app.caller(req), req.params.id)),
  )

  app.post(
    '/',
    {
      config: { policy: 'gap.create' },
      schema: {
        tags: ['strategy gaps'],
        operationId: 'openStrategyGap',
        summary: 'Open a strategy gap, optionally attaching incidents that point at no gap yet',
        description: 'Leads, leaders and admins. The gap starts open; a leader acknowledges it and owns it from then on.',
        body: NewStrategyGap,
        response: { 201: StrategyGap },
      },
    },
    async (req, reply) => {
      const gap = await gaps.create(app.caller(req), req.body)
      return send(reply.code(201).header('location', `/api/v1/strategy-gaps/${gap.id}`), gap)
    },
  )

  app.patch(
    '/:id',
    {
      config: { policy: 'gap.update' },
      schema: {
        tags: ['strategy gaps'],
        operationId: 'updateStrategyGap',
        summary: 'Change the title, description or owner of a gap (needs If-Match)',
        description:
          'Leaders and admins. Send the ETag you read as If-Match; its status changes through POST /api/v1/strategy-gaps/{id}/transitions.',
        params: IdParams,
        body: StrategyGapChanges,
        response: { 200: StrategyGap },
      },
    },
    async (req, reply) => {
      const version = expectedVersion(req.headers['if-match'], 'strategy gap')
      return send(reply, await gaps.update(app.caller(req), req.params.id, version, req.body))
    },
  )

  app.post(
    '/:id/attach',
    {
      config: { policy: 'gap.update' },
      schema: {
        tags: ['strategy gaps'],
        operationId: 'attachToStrategyGap',
        summary: 'Attach incidents, decisions or a whole cluster to the gap, in one transaction',
        description:
          "Decisions join the gap's decisionIds, so their incidents that name no gap count towards it. Incidents (and a cluster's incidents) point at the gap; one that names another gap keeps it and is listed in skipped. A cluster whose incidents mostly name one decision offers it (offeredDecision) without attaching it. Send what the answer lists to /detach to undo it.",
        params: IdParams,
        body: GapAttachBody,
        response: { 200: GapAttachResult },
      },
    },
    async (req, reply) => {
      const outcome = await gaps.attach(app.caller(req), req.params.id, req.body)
      return reply.header('etag', etagOf(outcome.gap.version)).send(outcome)
    },
  )

  app.post(
    '/:id/detach',
    {
      config: { policy: 'gap.update' },
      schema: {
        tags: ['strategy gaps'],
        operationId: 'detachFromStrategyGap',
        summary: 'Detach incidents, decisions or a whole cluster from the gap, in one transaction (undoes an attach)',
        description:
          "Decisions leave the gap's decisionIds; incidents that name the gap name none afterwards. Others are listed in skipped.",
        params: IdParams,
        body: GapAttachBody,
        response: { 200: GapAttachResult },
      },
    },
    async (req, reply) => {
      const outcome = await gaps.detach(app.caller(req), req.params.id, req.body)
      return reply.header('etag', etagOf(outcome.gap.version)).send(outcome)
    },
  )

  app.post(
    '/:id/transitions',
    {
      config: { policy: 'gap.update' },
      schema: {
        tags: ['strategy gaps'],
        operationId: 'transitionStrategyGap',
        summary: 'Move a gap one step through its lifecycle (needs If-Match)',
        description: `open → acknowledged (name the owning leader) → published (name the published strategy that closes it) → verified (no incident in the gap since the strategy was published, for ${defaultVerificationWeeks} weeks unless weeks says otherwise; earlier, 422 says from which day it is possible); or wont_fix with a reason. A verified or won't-fix gap can be reopened.`,
        params: IdParams,
        body: GapTransitionBody,
        response: { 200: StrategyGap },
      },
    },
    async (req, reply) => {
      const version = expectedVersion(req.headers['if-match'], 'strategy gap')
      return send(reply, await gaps.transition(app.caller(req), req.params.id, version, req.body))
    },
  )

  app.post(
    '/:id/strategy-draft',
    {
      config: { policy: 'gap.update' },
      schema: {
        tags: ['strategy gaps'],
        operationId: 'draftStrategyForGap',
        summary: 'Draft the strategy that will close an acknowledged gap, and link the gap to it (needs If-Match)',
        description:
          'Creates a draft strategy (as POST /strategies does, so the caller must also write the owner team’s strategies) and points the gap’s addressedByStrategyId at it, in one transaction. The gap stays acknowledged: publish the strategy, then move the gap to published with it.',
        params: IdParams,
        body: NewStrategy,
        response: { 201: GapStrategyDraft },
      },
    },
    async (req, reply) => {
      const version = expectedVersion(req.headers['if-match'], 'strategy gap')
      const drafted = await gaps.draftStrategy(app.caller(req), req.params.id, version, req.body)
      return reply.code(201).header('etag', etagOf(drafted.gap.version)).send(drafted)
    },
  )
}
export default strategyGapRoutes
