import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Incident, IncidentChanges, IncidentKeyParams, IncidentQuery, NewIncident, Page } from '@misalign/shared'
import { Type } from 'typebox'
import { etagOf, expectedVersion } from '../../lib/etag'
import { incidentKeyOf } from '../../lib/incident-key'
import { requestHash } from '../../lib/request-hash'

const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 200,
      pattern: '^[\\x21-\\x7E]+$',
      description: 'Any unique string (a uuid is ideal). A retry with the same key and body files once.',
    }),
  ),
})

const incidentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const incidents = app.services.incidents

  app.get(
    '/',
    {
      config: { policy: 'incident.read' },
      schema: {
        tags: ['incidents'],
        operationId: 'listIncidents',
        summary: 'List incidents, newest first',
        description: 'Filters combine with AND; repeat a parameter to match any of several values.',
        querystring: IncidentQuery,
        response: { 200: Page(Incident) },
      },
    },
    async (req) => incidents.list(app.caller(req), req.query),
  )

  app.get(
    '/:id',
    {
      config: { policy: 'incident.read' },
      schema: {
        tags: ['incidents'],
        operationId: 'getIncident',
        summary: 'Read an incident by id or MIS number',
        description:
          'Takes the id or the MIS number (MIS-3001). Answers an ETag: send it as If-Match to change the incident. A restricted incident is 404 for anyone outside its reporting team (leaders and admins see it).',
        params: IncidentKeyParams,
        response: { 200: Incident },
      },
    },
    async (req, reply) => {
      const incident = await incidents.find(app.caller(req), incidentKeyOf(req.params.id))
      return reply.header('etag', etagOf(incident.version)).send(incident)
    },
  )

  app.post(
    '/',
    {
      config: { policy: 'incident.file', rateLimit: { max: () => app.config.limits.filingPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['incidents'],
        operationId: 'fileIncident',
        summary: 'File an incident',
        description:
          'All three requirements are needed: discovery, surprise and harm. A report without harm is refused: a surprise without harm is not a misalignment. Send an Idempotency-Key so a retry files once.',
        headers: IdempotencyHeaders,
        body: NewIncident,
        response: { 201: Incident },
      },
    },
    async (req, reply) => {
      const key = req.headers['idempotency-key']
      const idempotency = key ? { key, requestHash: requestHash(req.body) } : undefined
      const { incident, replayed } = await incidents.file(app.caller(req), req.body, { idempotency })
      if (replayed) reply.header('idempotent-replayed', 'true')
      return reply
        .code(201)
        .header('etag', etagOf(incident.version))
        .header('location', `/api/v1/incidents/${incident.id}`)
        .send(incident)
    },
  )

  app.patch(
    '/:id',
    {
      config: { policy: 'incident.update' },
      schema: {
        tags: ['incidents'],
        operationId: 'updateIncident',
        summary: 'Change an incident: triage, trace, status (needs If-Match)',
        description: 'Its reporter, leads of the reporting team, leaders and admins may change it.',
        params: IncidentKeyParams,
        body: IncidentChanges,
        response: { 200: Incident },
      },
    },
    async (req, reply) => {
      const version = expectedVersion(req.headers['if-match'], 'incident')
      const incident = await incidents.update(app.caller(req), incidentKeyOf(req.params.id), version, req.body)
      return reply.header('etag', etagOf(incident.version)).send(incident)
    },
  )
}
export default incidentRoutes
