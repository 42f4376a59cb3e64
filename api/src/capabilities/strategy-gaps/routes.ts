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
  GapSuggestionQuery,
  GapSuggestions,
  GapTransitionBody,
  IdParams,
  NewStrategyGap,
  Page,
  StrategyGap,
  StrategyGapChanges,
  StrategyGapQuery,
  utcDay,
} from '@misalign/shared'
import type { FastifyRequest } from 'fastify'
import { etagOf, expectedVersion } from '../../lib/etag'
import { problem } from '../../lib/problem'

const visibilityNote = 'Restricted incidents count only for those who may see them.'
const today = () => utcDay(new Date())

const strategyGapRoutes: FastifyPluginAsyncTypebox = async (app) => {
  async function gapOr404(id: string) {
    const gap = await app.repos.strategyGaps.findById(id)
    if (!gap) throw problem.notFound('strategy gap', id)
    return gap
  }

  /**
   * Attaching incidents changes them, so the caller needs incident.update on each; an id they
   * cannot see reads as absent, one already in a gap is a rule to explain.
   */
  async function checkAttachable(req: FastifyRequest, ids: readonly string[]) {
    const found = await app.repos.strategyGaps.attachable(ids, app.incidentViewer(req))
    const byId = new Map(found.map((i) => [i.id, i]))
    const missing = ids.filter((id) => !byId.has(id))
    if (missing.length) throw problem.unprocessable(`No incident ${missing.join(', ')} to attach`)
    for (const incident of found) {
      if (incident.gapId)
        throw problem.unprocessable(`Incident ${incident.id} already points at a gap; attach only incidents in no gap`)
      app.authorize(req, 'incident.update', { teamIds: [incident.reportingTeamId], isOwnedByViewer: incident.isMine })
    }
  }

  /**
   * What an attach or detach moves: the incidents named and a cluster's incidents the viewer may
   * see, each of which the caller must be allowed to change (incident.update), and the decisions.
   */
  async function attachPlan(req: FastifyRequest, body: GapAttachBody) {
    const cluster = body.clusterId
      ? await app.repos.strategyGaps.clusterForAttach(body.clusterId, app.incidentViewer(req))
      : undefined
    if (body.clusterId && !cluster) throw problem.unprocessable(`No cluster ${body.clusterId} to attach`)
    const incidentIds = [...new Set([...(body.incidentIds ?? []), ...(cluster?.incidentIds ?? [])])]
    const found = await app.repos.strategyGaps.attachable(incidentIds, app.incidentViewer(req))
    const known = new Set(found.map((i) => i.id))
    const missing = incidentIds.filter((id) => !known.has(id))
    if (missing.length) throw problem.unprocessable(`No incident ${missing.join(', ')} to attach`)
    for (const incident of found) {
      app.authorize(req, 'incident.update', { teamIds: [incident.reportingTeamId], isOwnedByViewer: incident.isMine })
    }
    return { incidentIds, decisionIds: body.decisionIds ?? [], dominantDecision: cluster?.dominantDecision ?? null }
  }

  app.get(
    '/ranking',
    {
      config: { policy: 'gap.read' },
      schema: {
        tags: ['strategy gaps'],
        summary: 'Every strategy gap, ranked by weighted harm in a window (default: the last 90 days)',
        description: `${GAP_RANKING_FORMULA}. Trend compares the window's two halves. ${visibilityNote}`,
        querystring: GapRankingQuery,
        response: { 200: GapRanking },
      },
    },
    async (req) => {
      if (req.query.from && req.query.to && req.query.from > req.query.to) {
        throw problem.badRequest('from must be on or before to', [{ field: 'from', message: 'must be on or before to' }])
      }
      return app.repos.strategyGaps.ranking(req.query, app.incidentViewer(req), today())
    },
  )

  app.get(
    '/suggestions',
    {
      config: { policy: 'gap.read' },
      schema: {
        tags: ['strategy gaps'],
        summary: 'Decisions and clusters with high weighted harm whose incidents point at no gap yet',
        description: `Over the window (default: the last 90 days). ${visibilityNote}`,
        querystring: GapSuggestionQuery,
        response: { 200: GapSuggestions },
      },
    },
    async (req) => {
      if (req.query.from && req.query.to && req.query.from > req.query.to) {
        throw problem.badRequest('from must be on or before to', [{ field: 'from', message: 'must be on or before to' }])
      }
      return app.repos.strategyGaps.suggestions(req.query, app.incidentViewer(req), today())
    },
  )

  app.get(
    '/:id/impact',
    {
      config: { policy: 'gap.read' },
      schema: {
        tags: ['strategy gaps'],
        summary: "Incidents and weighted harm in equal windows before and after the addressing strategy's publication",
        description: `Weekly, aligned on the publication day; the windows shrink to the whole weeks passed since then. Decisions recorded over the same weeks stand beside the counts. ${visibilityNote}`,
        params: IdParams,
        querystring: GapImpactQuery,
        response: { 200: GapImpact },
      },
    },
    async (req) => {
      const gap = await gapOr404(req.params.id)
      return app.repos.strategyGaps.impact(gap, req.query.weeks, app.incidentViewer(req), today())
    },
  )

  app.get(
    '/:id/context',
    {
      config: { policy: 'gap.read' },
      schema: {
        tags: ['strategy gaps'],
        summary:
          'Who took each step, the decisions behind the incidents, the addressing strategy and when verifying becomes possible',
        description: visibilityNote,
        params: IdParams,
        response: { 200: GapContext },
      },
    },
    async (req) => {
      const gap = await gapOr404(req.params.id)
      const personIds = [gap.ownerId, gap.acknowledged.byId, gap.published.byId, gap.verified.byId, gap.wontFix.byId]
      return app.repos.strategyGaps.context({ ...gap, personIds }, app.incidentViewer(req), today())
    },
  )

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
      const gap = await gapOr404(req.params.id)
      return reply.header('etag', etagOf(gap.version)).send(gap)
    },
  )

  app.post(
    '/',
    {
      config: { policy: 'gap.create' },
      schema: {
        tags: ['strategy gaps'],
        summary: 'Open a strategy gap, optionally attaching incidents that point at no gap yet',
        body: NewStrategyGap,
        response: { 201: StrategyGap },
      },
    },
    async (req, reply) => {
      if (req.body.incidentIds?.length) await checkAttachable(req, req.body.incidentIds)
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
    '/:id/attach',
    {
      config: { policy: 'gap.update' },
      schema: {
        tags: ['strategy gaps'],
        summary: 'Attach incidents, decisions or a whole cluster to the gap, in one transaction',
        description:
          "Decisions join the gap's decisionIds, so their incidents that name no gap count towards it. Incidents (and a cluster's incidents) point at the gap; one that names another gap keeps it and is listed in skipped. A cluster whose incidents mostly name one decision offers it (offeredDecision) without attaching it. Send what the answer lists to /detach to undo it.",
        params: IdParams,
        body: GapAttachBody,
        response: { 200: GapAttachResult },
      },
    },
    async (req, reply) => {
      await gapOr404(req.params.id)
      const plan = await attachPlan(req, req.body)
      const outcome = await app.repos.strategyGaps.attach(req.params.id, plan, req.actor)
      if (!outcome) throw problem.notFound('strategy gap', req.params.id)
      const offered = plan.dominantDecision
      const isOffered = offered && !outcome.gap.decisionIds.includes(offered.id)
      return reply.header('etag', etagOf(outcome.gap.version)).send({ ...outcome, offeredDecision: isOffered ? offered : null })
    },
  )

  app.post(
    '/:id/detach',
    {
      config: { policy: 'gap.update' },
      schema: {
        tags: ['strategy gaps'],
        summary: 'Detach incidents, decisions or a whole cluster from the gap, in one transaction (undoes an attach)',
        description:
          "Decisions leave the gap's decisionIds; incidents that name the gap name none afterwards. Others are listed in skipped.",
        params: IdParams,
        body: GapAttachBody,
        response: { 200: GapAttachResult },
      },
    },
    async (req, reply) => {
      await gapOr404(req.params.id)
      const plan = await attachPlan(req, req.body)
      const outcome = await app.repos.strategyGaps.detach(req.params.id, plan, req.actor)
      if (!outcome) throw problem.notFound('strategy gap', req.params.id)
      return reply.header('etag', etagOf(outcome.gap.version)).send({ ...outcome, offeredDecision: null })
    },
  )

  app.post(
    '/:id/transitions',
    {
      config: { policy: 'gap.update' },
      schema: {
        tags: ['strategy gaps'],
        summary: 'Move a gap one step through its lifecycle (needs If-Match)',
        description: `open → acknowledged (name the owning leader) → published (name the published strategy that closes it) → verified (no incident in the gap since the strategy was published, for ${defaultVerificationWeeks} weeks unless weeks says otherwise; earlier, 422 says from which day it is possible); or wont_fix with a reason. A verified or won't-fix gap can be reopened.`,
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
