import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  AgreementOnlyDecisions,
  Conflicts,
  Coverage,
  DecisionVisibility,
  LeadershipQuery,
  LeadershipReview,
  LeadershipReviewQuery,
  NewTradeoffRequest,
  SignalsSummary,
  StaleStrategies,
  TradeoffRequest,
  TradeoffRequestQuery,
  TradeoffRequests,
  WEIGHTED_HARM_EXPLANATION,
} from '@misalign/shared'
import { Type } from 'typebox'

const tags = ['leadership']
const read = { policy: 'leadership.read' } as const
const windowNote =
  'from/to are discovery days (default: the 90 days ending today). Restricted incidents you may not see are not counted; a small team’s anonymous reports count under its parent team. Each number carries the incident list query (`query`) that reproduces it.'

/** What leadership reads, and the one write it makes: asking a team to state its tradeoff. */
const leadershipRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const leadership = app.services.leadership

  app.get(
    '/stale-strategies',
    {
      config: read,
      schema: {
        tags,
        operationId: 'listStaleStrategies',
        summary: 'Published strategies past their review date, most harm in the gaps they address since then (through to) first',
        description: windowNote,
        querystring: LeadershipQuery,
        response: { 200: StaleStrategies },
      },
    },
    async (req) => leadership.staleStrategies(app.caller(req), req.query),
  )

  app.get(
    '/conflicts',
    {
      config: read,
      schema: {
        tags,
        operationId: 'listTradeoffConflicts',
        summary: 'Strategies and decisions whose tradeoffs contradict, with the incidents they caused',
        description: windowNote,
        querystring: LeadershipQuery,
        response: { 200: Conflicts },
      },
    },
    async (req) => leadership.conflicts(app.caller(req), req.query),
  )

  app.get(
    '/agreement-only',
    {
      config: read,
      schema: {
        tags,
        operationId: 'listAgreementOnlyDecisions',
        summary: 'Decisions that caused harm and carry no tradeoff, with any open request to state it',
        description: windowNote,
        querystring: LeadershipQuery,
        response: { 200: AgreementOnlyDecisions },
      },
    },
    async (req) => leadership.agreementOnly(app.caller(req), req.query),
  )

  app.get(
    '/coverage',
    {
      config: read,
      schema: {
        tags,
        operationId: 'getStrategyCoverage',
        summary: 'For each team: the strategies that apply to it (fresh, stale or none) and the incidents harming it',
        description: windowNote,
        querystring: LeadershipQuery,
        response: { 200: Coverage },
      },
    },
    async (req) => leadership.coverage(app.caller(req), req.query),
  )

  app.get(
    '/decision-visibility',
    {
      config: read,
      schema: {
        tags,
        operationId: 'getDecisionVisibility',
        summary: 'For each harmful decision: the teams it was shared with against the teams it hurt',
        description: windowNote,
        querystring: LeadershipQuery,
        response: { 200: DecisionVisibility },
      },
    },
    async (req) => leadership.decisionVisibility(app.caller(req), req.query),
  )

  app.get(
    '/signals',
    {
      config: read,
      schema: {
        tags,
        operationId: 'getLeadershipSignals',
        summary: 'Autonomy wins beside the incidents of the gaps each strategy addresses; near misses counted apart',
        description: windowNote,
        querystring: LeadershipQuery,
        response: { 200: SignalsSummary },
      },
    },
    async (req) => leadership.signals(app.caller(req), req.query),
  )

  app.get(
    '/review',
    {
      config: read,
      schema: {
        tags,
        operationId: 'getLeadershipReview',
        summary: 'Everything a periodic leadership review needs, in one answer',
        description: `Top gaps, stale strategies, conflicts, before/after of strategies published in the window and of each gap a published strategy addresses, the share of anti-misalignment actions, autonomy wins and near misses. ${WEIGHTED_HARM_EXPLANATION}. ${windowNote}`,
        querystring: LeadershipReviewQuery,
        response: { 200: LeadershipReview },
      },
    },
    async (req) => leadership.review(app.caller(req), req.query),
  )

  app.get(
    '/review/export',
    {
      config: read,
      schema: {
        tags,
        operationId: 'exportLeadershipReview',
        summary: 'The leadership review as Markdown, for a meeting doc',
        description: `The same content as GET /leadership/review, with each incident count linked to the incident list. ${windowNote}`,
        querystring: LeadershipReviewQuery,
        produces: ['text/markdown'],
        response: { 200: Type.String({ description: 'text/markdown' }) },
      },
    },
    async (req, reply) => {
      const { fileName, markdown } = await leadership.reviewMarkdown(app.caller(req), req.query)
      return reply
        .type('text/markdown; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(markdown)
    },
  )

  app.get(
    '/tradeoff-requests',
    {
      config: { policy: 'tradeoff_request.read' },
      schema: {
        tags,
        operationId: 'listTradeoffRequests',
        summary: 'Requests to state a decision’s tradeoff, newest first',
        description:
          'teamId lists the requests on decisions that team owns. A request is answered once the decision states its tradeoff.',
        querystring: TradeoffRequestQuery,
        response: { 200: TradeoffRequests },
      },
    },
    async (req) => ({ items: await leadership.tradeoffRequests(app.caller(req), req.query) }),
  )

  app.post(
    '/tradeoff-requests',
    {
      config: { policy: 'tradeoff_request.create' },
      schema: {
        tags,
        operationId: 'requestTradeoff',
        summary: 'Ask the team owning an agreement-only decision to state its tradeoff',
        description:
          'Idempotent while a request is open: asking again answers 200 with the open request. A decision that already states its tradeoff answers 422.',
        body: NewTradeoffRequest,
        response: { 200: TradeoffRequest, 201: TradeoffRequest },
      },
    },
    async (req, reply) => {
      const { request, created } = await leadership.requestTradeoff(app.caller(req), req.body.decisionId)
      return reply.code(created ? 201 : 200).send(request)
    },
  )
}
export default leadershipRoutes
