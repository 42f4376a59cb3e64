import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
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

const decisionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const decisions = app.services.decisions

  app.get(
    '/',
    {
      config: { policy: 'decision.read' },
      schema: {
        tags: ['decisions'],
        operationId: 'listDecisions',
        summary: 'List decisions, most recently decided first',
        description:
          'Filters combine with AND. decisionClass=agreement finds decisions without a tradeoff; q matches every word in the title or summary.',
        querystring: DecisionQuery,
        response: { 200: Page(Decision) },
      },
    },
    async (req) => decisions.list(app.caller(req), req.query),
  )

  app.get(
    '/incident-counts',
    {
      config: { policy: 'incident.read' },
      schema: {
        tags: ['decisions'],
        operationId: 'countIncidentsByDecision',
        summary: 'Count incidents per decision, for grouping a list by decision',
        description:
          'The incident list filters (gapId, clusterId, …), with the same visibility; most weighted harm first. Incidents naming no decision are one group with decisionId null.',
        querystring: IncidentGroupQuery,
        response: { 200: IncidentDecisionGroups },
      },
    },
    async (req) => app.services.incidents.countByDecision(app.caller(req), req.query),
  )

  app.get(
    '/:id',
    {
      config: { policy: 'decision.read' },
      schema: {
        tags: ['decisions'],
        operationId: 'getDecision',
        summary: 'Read a decision',
        description: 'Answers an ETag: send it as If-Match to change the decision.',
        params: IdParams,
        response: { 200: Decision },
      },
    },
    async (req, reply) => {
      const decision = await decisions.find(app.caller(req), req.params.id)
      return reply.header('etag', etagOf(decision.version)).send(decision)
    },
  )

  app.post(
    '/',
    {
      config: { policy: 'decision.create' },
      schema: {
        tags: ['decisions'],
        operationId: 'recordDecision',
        summary: 'Record a decision',
        description: 'With a tradeoff (prefer X over Y, for goal Z) it is strategy-bearing; without one it is an agreement.',
        body: NewDecision,
        response: { 201: Decision },
      },
    },
    async (req, reply) => {
      const decision = await decisions.create(app.caller(req), req.body)
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
        operationId: 'updateDecision',
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
      const decision = await decisions.update(app.caller(req), req.params.id, version, req.body)
      return reply.header('etag', etagOf(decision.version)).send(decision)
    },
  )
}
export default decisionRoutes
