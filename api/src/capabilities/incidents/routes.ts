import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { anonymousActor } from '@misalign/db'
import {
  checkRequirements,
  Incident,
  IncidentChanges,
  IncidentKeyParams,
  IncidentQuery,
  latestCalendarDay,
  NewIncident,
  Page,
} from '@misalign/shared'
import { Type } from 'typebox'
import { etagOf, expectedVersion } from '../../lib/etag'
import { incidentKeyOf } from '../../lib/incident-key'
import { problem } from '../../lib/problem'
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
  app.get(
    '/',
    {
      config: { policy: 'incident.read' },
      schema: {
        tags: ['incidents'],
        summary: 'List incidents, newest first',
        description: 'Filters combine with AND; repeat a parameter to match any of several values.',
        querystring: IncidentQuery,
        response: { 200: Page(Incident) },
      },
    },
    async (req) => app.repos.incidents.list(req.query, app.incidentViewer(req)),
  )

  app.get(
    '/:id',
    {
      config: { policy: 'incident.read' },
      schema: {
        tags: ['incidents'],
        summary: 'Read an incident by id or MIS number',
        params: IncidentKeyParams,
        response: { 200: Incident },
      },
    },
    async (req, reply) => {
      // A restricted incident the viewer may not see does not exist for them: 404, never 403.
      const incident = await app.repos.incidents.find(incidentKeyOf(req.params.id), app.incidentViewer(req))
      if (!incident) throw problem.notFound('incident', req.params.id)
      return reply.header('etag', etagOf(incident.version)).send(incident)
    },
  )

  app.post(
    '/',
    {
      config: { policy: 'incident.file', rateLimit: { max: () => app.config.limits.filingPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['incidents'],
        summary: 'File an incident',
        description:
          'All three requirements are needed: discovery, surprise and harm. A report without harm is refused: a surprise without harm is not a misalignment. Send an Idempotency-Key so a retry files once.',
        headers: IdempotencyHeaders,
        body: NewIncident,
        response: { 201: Incident },
      },
    },
    async (req, reply) => {
      const problems = checkRequirements(req.body, latestCalendarDay(new Date()))
      if (problems.length > 0) {
        const first = problems[0]
        throw problem.unprocessable(
          problems.length === 1 && first ? first.message : problems.map((found) => found.message).join('. '),
          problems,
        )
      }
      const viewer = app.incidentViewer(req)
      // An anonymous report is audited as "anonymous": the log must not name its reporter.
      const actor = req.body.anonymous ? anonymousActor : req.actor
      const key = req.headers['idempotency-key']
      const result = key
        ? await app.repos.incidents.createIdempotent(req.body, viewer, actor, {
            scope: viewer.reporterKey,
            key,
            requestHash: requestHash(req.body),
          })
        : { kind: 'created' as const, incident: await app.repos.incidents.create(req.body, viewer, actor) }
      const incident = (result.kind === 'created' ? result.incident : result.body) as Incident
      if (result.kind === 'replayed') reply.header('idempotent-replayed', 'true')
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
        summary: 'Change an incident: triage, trace, status (needs If-Match)',
        description: 'Its reporter, leads of the reporting team, leaders and admins may change it.',
        params: IncidentKeyParams,
        body: IncidentChanges,
        response: { 200: Incident },
      },
    },
    async (req, reply) => {
      const version = expectedVersion(req.headers['if-match'], 'incident')
      const viewer = app.incidentViewer(req)
      const access = await app.repos.incidents.findAccess(incidentKeyOf(req.params.id), viewer)
      if (!access) throw problem.notFound('incident', req.params.id)
      app.authorize(req, 'incident.update', { teamIds: [access.reportingTeamId], isOwnedByViewer: access.isMine })
      if (req.body.discoveredAt && req.body.discoveredAt > latestCalendarDay(new Date())) {
        throw problem.unprocessable('discoveredAt cannot be in the future', [
          { field: 'discoveredAt', message: 'cannot be in the future' },
        ])
      }
      const incident = await app.repos.incidents.update(access.id, version, req.body, viewer, req.actor)
      if (!incident) throw problem.notFound('incident', req.params.id)
      return reply.header('etag', etagOf(incident.version)).send(incident)
    },
  )
}
export default incidentRoutes
