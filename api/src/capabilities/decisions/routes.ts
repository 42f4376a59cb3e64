import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  canTransfer,
  Decision,
  DecisionChanges,
  DecisionQuery,
  IdParams,
  IncidentDecisionGroups,
  IncidentGroupQuery,
  NewDecision,
  Page,
} from '@misalign/shared'
import { etagOf, expectedVersion } from '../../lib/etag'
import { problem } from '../../lib/problem'

const decisionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      config: { policy: 'decision.read' },
      schema: {
        tags: ['decisions'],
        summary: 'List decisions, most recently decided first',
        description:
          'Filters combine with AND. decisionClass=agreement finds decisions without a tradeoff; q matches every word in the title or summary.',
        querystring: DecisionQuery,
        response: { 200: Page(Decision) },
      },
    },
    async (req) => app.repos.decisions.list(req.query),
  )

  app.get(
    '/incident-counts',
    {
      config: { policy: 'incident.read' },
      schema: {
        tags: ['decisions'],
        summary: 'Count incidents per decision, for grouping a list by decision',
        description:
          'The incident list filters (gapId, clusterId, …), with the same visibility; most weighted harm first. Incidents naming no decision are one group with decisionId null.',
        querystring: IncidentGroupQuery,
        response: { 200: IncidentDecisionGroups },
      },
    },
    async (req) => app.repos.incidents.countByDecision(req.query, app.incidentViewer(req)),
  )

  app.get(
    '/:id',
    {
      config: { policy: 'decision.read' },
      schema: { tags: ['decisions'], summary: 'Read a decision', params: IdParams, response: { 200: Decision } },
    },
    async (req, reply) => {
      const decision = await app.repos.decisions.findById(req.params.id)
      if (!decision) throw problem.notFound('decision', req.params.id)
      return reply.header('etag', etagOf(decision.version)).send(decision)
    },
  )

  app.post(
    '/',
    {
      config: { policy: 'decision.create' },
      schema: {
        tags: ['decisions'],
        summary: 'Record a decision',
        description: 'With a tradeoff (prefer X over Y, for goal Z) it is strategy-bearing; without one it is an agreement.',
        body: NewDecision,
        response: { 201: Decision },
      },
    },
    async (req, reply) => {
      const decision = await app.repos.decisions.create(req.body, req.actor)
      return reply
        .code(201)
        .header('etag', etagOf(decision.version))
        .header('location', `/api/v1/decisions/${decision.id}`)
        .send(decision)
    },
  )

  app.patch(
    '/:id',
    {
      config: { policy: 'decision.update' },
      schema: {
        tags: ['decisions'],
        summary: 'Change a decision (needs If-Match)',
        description:
          'Leads of the owning team, leaders and admins may change it; handing it to another team (owningTeamId) needs the right over that team too, and is audited as a transfer. Send tradeoff: null to remove the tradeoff. A superseded decision needs supersededById.',
        params: IdParams,
        body: DecisionChanges,
        response: { 200: Decision },
      },
    },
    async (req, reply) => {
      const version = expectedVersion(req.headers['if-match'], 'decision')
      const current = await app.repos.decisions.findById(req.params.id)
      if (!current) throw problem.notFound('decision', req.params.id)
      const viewer = app.authorize(req, 'decision.update', { teamIds: [current.owningTeamId] })
      const newOwner = req.body.owningTeamId
      if (
        newOwner &&
        newOwner !== current.owningTeamId &&
        !canTransfer(viewer, 'decision.update', current.owningTeamId, newOwner)
      ) {
        throw problem.forbidden(
          'You may hand a decision only to a team you also lead (or ask a leader). Keep owningTeamId, or ask a lead of the new team.',
        )
      }
      const decision = await app.repos.decisions.update(req.params.id, version, req.body, req.actor)
      if (!decision) throw problem.notFound('decision', req.params.id)
      return reply.header('etag', etagOf(decision.version)).send(decision)
    },
  )
}
export default decisionRoutes
