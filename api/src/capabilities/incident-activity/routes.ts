import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  ActivityEntry,
  ActivityQuery,
  ImpactParams,
  IncidentClusters,
  IncidentImpact,
  IncidentImpacts,
  IncidentKeyParams,
  NewIncidentComment,
  NewIncidentImpact,
  Page,
} from '@misalign/shared'
import { Type } from 'typebox'
import { incidentKeyOf } from '../../lib/incident-key'

/**
 * The incident page's own endpoints under /api/v1/incidents/{id}: its activity feed, comments,
 * "this hurt us too" impacts and the clusters it belongs to (docs/decisions/023).
 */
const incidentActivityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = app.services.incidentActivity

  app.get(
    '/:id/activity',
    {
      config: { policy: 'incident.read' },
      schema: {
        tags: ['incidents'],
        operationId: 'listIncidentActivity',
        summary: 'The activity feed: every change and comment, newest first, in plain words',
        description: 'Anonymous reporters are never named. Page with limit and the nextCursor of the previous page.',
        params: IncidentKeyParams,
        querystring: ActivityQuery,
        response: { 200: Page(ActivityEntry) },
      },
    },
    async (req) => service.activity(app.caller(req), incidentKeyOf(req.params.id), req.params.id, req.query),
  )

  app.post(
    '/:id/comments',
    {
      config: { policy: 'incident.comment' },
      schema: {
        tags: ['incidents'],
        operationId: 'addIncidentComment',
        summary: 'Comment on an incident, mentioning teams',
        description: 'Anyone who can see the incident may comment. Answers the new entry of its activity feed.',
        params: IncidentKeyParams,
        body: NewIncidentComment,
        response: { 201: ActivityEntry },
      },
    },
    async (req, reply) => {
      const entry = await service.addComment(app.caller(req), incidentKeyOf(req.params.id), req.params.id, req.body)
      return reply.code(201).send(entry)
    },
  )

  app.get(
    '/:id/impacts',
    {
      config: { policy: 'incident.read' },
      schema: {
        tags: ['incidents'],
        operationId: 'listIncidentImpacts',
        summary: '"This hurt us too": the other teams hurt by this incident, with the weighted harm in all',
        description: 'Anyone who can see the incident. Anonymous impacts name nobody and show the day only.',
        params: IncidentKeyParams,
        response: { 200: IncidentImpacts },
      },
    },
    async (req) => service.impacts(app.caller(req), incidentKeyOf(req.params.id), req.params.id),
  )

  app.post(
    '/:id/impacts',
    {
      config: { policy: 'impact.add' },
      schema: {
        tags: ['incidents'],
        operationId: 'addIncidentImpact',
        summary: '"This hurt us too": add your team\'s surprise, harm and cost to an incident instead of filing a duplicate',
        description:
          'For a team you belong to (leaders and admins: any team), once per team. Anonymous: others see no name, the day only, and a small team as its parent.',
        params: IncidentKeyParams,
        body: NewIncidentImpact,
        response: { 201: IncidentImpact },
      },
    },
    async (req, reply) => {
      const impact = await service.addImpact(app.caller(req), incidentKeyOf(req.params.id), req.params.id, req.body)
      return reply.code(201).send(impact)
    },
  )

  app.delete(
    '/:id/impacts/:impactId',
    {
      config: { policy: 'impact.remove' },
      schema: {
        tags: ['incidents'],
        operationId: 'removeIncidentImpact',
        summary: 'Take back a team\'s "this hurt us too"',
        description: 'Whoever added it, leads of its team, leaders and admins.',
        params: ImpactParams,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await service.removeImpact(app.caller(req), incidentKeyOf(req.params.id), req.params.id, req.params.impactId)
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/:id/clusters',
    {
      config: { policy: 'cluster.read' },
      schema: {
        tags: ['incidents'],
        operationId: 'listIncidentClusters',
        summary: 'The clusters this incident belongs to (dismissed suggestions left out)',
        description: 'Suggested and confirmed clusters holding this incident; anyone who can see the incident.',
        params: IncidentKeyParams,
        response: { 200: IncidentClusters },
      },
    },
    async (req) => service.clusters(app.caller(req), incidentKeyOf(req.params.id), req.params.id),
  )
}
export default incidentActivityRoutes
