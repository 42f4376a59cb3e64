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
  renderReviewMarkdown,
  SignalsSummary,
  StaleStrategies,
  TradeoffRequest,
  TradeoffRequestQuery,
  TradeoffRequests,
  utcDay,
  WEIGHTED_HARM_EXPLANATION,
} from '@misalign/shared'
import { Type } from 'typebox'
import { problem } from '../../lib/problem'

const tags = ['leadership']
const read = { policy: 'leadership.read' } as const
const windowNote =
  'from/to are discovery days (default: the 90 days ending today). Restricted incidents you may not see are not counted; a small team’s anonymous reports count under its parent team. Each number carries the incident list query (`query`) that reproduces it.'

/** A window that ends before it starts is a mistake the caller can fix, not an empty answer. */
function checkWindow(query: { from?: string; to?: string }): void {
  if (query.from && query.to && query.from > query.to) {
    throw problem.validation([{ field: 'from', message: `must be on or before to (${query.to})` }])
  }
}

const today = () => utcDay(new Date())

/** What leadership reads, and the one write it makes: asking a team to state its tradeoff. */
const leadershipRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/stale-strategies',
    {
      config: read,
      schema: {
        tags,
        summary: 'Published strategies past their review date, most harm in their scope since then (through to) first',
        description: windowNote,
        querystring: LeadershipQuery,
        response: { 200: StaleStrategies },
      },
    },
    async (req) => {
      checkWindow(req.query)
      return app.repos.leadership.staleStrategies(req.query, app.incidentViewer(req), today())
    },
  )

  app.get(
    '/conflicts',
    {
      config: read,
      schema: {
        tags,
        summary: 'Strategies and decisions whose tradeoffs contradict, with the incidents they caused',
        description: windowNote,
        querystring: LeadershipQuery,
        response: { 200: Conflicts },
      },
    },
    async (req) => {
      checkWindow(req.query)
      return app.repos.leadership.conflicts(req.query, app.incidentViewer(req), today())
    },
  )

  app.get(
    '/agreement-only',
    {
      config: read,
      schema: {
        tags,
        summary: 'Decisions that caused harm and carry no tradeoff, with any open request to state it',
        description: windowNote,
        querystring: LeadershipQuery,
        response: { 200: AgreementOnlyDecisions },
      },
    },
    async (req) => {
      checkWindow(req.query)
      return app.repos.leadership.agreementOnly(req.query, app.incidentViewer(req), today())
    },
  )

  app.get(
    '/coverage',
    {
      config: read,
      schema: {
        tags,
        summary: 'For each team: the strategies that apply to it (fresh, stale or none) and the incidents harming it',
        description: windowNote,
        querystring: LeadershipQuery,
        response: { 200: Coverage },
      },
    },
    async (req) => {
      checkWindow(req.query)
      return app.repos.leadership.coverage(req.query, app.incidentViewer(req), today())
    },
  )

  app.get(
    '/decision-visibility',
    {
      config: read,
      schema: {
        tags,
        summary: 'For each harmful decision: the teams it was shared with against the teams it hurt',
        description: windowNote,
        querystring: LeadershipQuery,
        response: { 200: DecisionVisibility },
      },
    },
    async (req) => {
      checkWindow(req.query)
      return app.repos.leadership.decisionVisibility(req.query, app.incidentViewer(req), today())
    },
  )

  app.get(
    '/signals',
    {
      config: read,
      schema: {
        tags,
        summary: 'Autonomy wins beside each strategy’s incidents; near misses counted apart',
        description: windowNote,
        querystring: LeadershipQuery,
        response: { 200: SignalsSummary },
      },
    },
    async (req) => {
      checkWindow(req.query)
      return app.repos.leadership.signals(req.query, app.incidentViewer(req), today())
    },
  )

  app.get(
    '/review',
    {
      config: read,
      schema: {
        tags,
        summary: 'Everything a periodic leadership review needs, in one answer',
        description: `Top gaps, stale strategies, conflicts, before/after of strategies published in the window, the share of anti-misalignment actions, autonomy wins and near misses. ${WEIGHTED_HARM_EXPLANATION}. ${windowNote}`,
        querystring: LeadershipReviewQuery,
        response: { 200: LeadershipReview },
      },
    },
    async (req) => {
      checkWindow(req.query)
      return app.repos.leadershipReview.review(req.query, app.incidentViewer(req), today())
    },
  )

  app.get(
    '/review/export',
    {
      config: read,
      schema: {
        tags,
        summary: 'The leadership review as Markdown, for a meeting doc',
        description: `The same content as GET /leadership/review, with each incident count linked to the incident list. ${windowNote}`,
        querystring: LeadershipReviewQuery,
        produces: ['text/markdown'],
        response: { 200: Type.String({ description: 'text/markdown' }) },
      },
    },
    async (req, reply) => {
      checkWindow(req.query)
      const review = await app.repos.leadershipReview.review(req.query, app.incidentViewer(req), today())
      const teams = await app.repos.leadership.teamNames()
      const markdown = renderReviewMarkdown(review, { teamName: (id) => teams.get(id) ?? 'a team' })
      const file = `leadership-review-${review.window.from}-to-${review.window.to}.md`
      return reply
        .type('text/markdown; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file}"`)
        .send(markdown)
    },
  )

  app.get(
    '/tradeoff-requests',
    {
      config: { policy: 'tradeoff_request.read' },
      schema: {
        tags,
        summary: 'Requests to state a decision’s tradeoff, newest first',
        description:
          'teamId lists the requests on decisions that team owns. A request is answered once the decision states its tradeoff.',
        querystring: TradeoffRequestQuery,
        response: { 200: TradeoffRequests },
      },
    },
    async (req) => ({ items: await app.repos.leadership.requests.list(req.query) }),
  )

  app.post(
    '/tradeoff-requests',
    {
      config: { policy: 'tradeoff_request.create' },
      schema: {
        tags,
        summary: 'Ask the team owning an agreement-only decision to state its tradeoff',
        description:
          'Idempotent while a request is open: asking again answers 200 with the open request. A decision that already states its tradeoff answers 422.',
        body: NewTradeoffRequest,
        response: { 200: TradeoffRequest, 201: TradeoffRequest },
      },
    },
    async (req, reply) => {
      const result = await app.repos.leadership.requests.request(req.body.decisionId, req.actor)
      if (result.kind === 'no_decision') throw problem.notFound('decision', req.body.decisionId)
      return reply.code(result.kind === 'created' ? 201 : 200).send(result.request)
    },
  )
}
export default leadershipRoutes
