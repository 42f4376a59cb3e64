import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  Incident,
  IncidentChanges,
  IncidentKeyParams,
  IncidentQuery,
  NewIncident,
  Page,
  checkRequirements,
  latestCalendarDay,
} from '@misalign/shared'
import { Type } from 'typebox'
import { etagOf, expectedVersion } from '../../lib/etag'
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
  async function find(idOrKey: string) {
    const number = /^MIS-(\d+)$/.exec(idOrKey)?.[1]
    return number ? app.repos.incidents.findByNumber(Number(number)) : app.repos.incidents.findById(idOrKey)
  }

  app.get(
    '/',
    {
      schema: {
        tags: ['incidents'],
        summary: 'List incidents, newest first',
        description: 'Filters combine with AND; repeat a parameter to match any of several values.',
        querystring: IncidentQuery,
        response: { 200: Page(Incident) },
      },
    },
    async (req) => app.repos.incidents.list(req.query),
  )

  app.get(
    '/:id',
    {
      schema: { tags: ['incidents'], summary: 'Read an incident by id or MIS number', params: IncidentKeyParams, response: { 200: Incident } },
    },
    async (req, reply) => {
      const incident = await find(req.params.id)
      if (!incident) throw problem.notFound('incident', req.params.id)
      return reply.header('etag', etagOf(incident.version)).send(incident)
    },
  )

  app.post(
    '/',
    {
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
        throw problem.unprocessable(problems.length === 1 && first ? first.message : problems.map((found) => found.message).join(' '), problems)
      }
      const actor = req.body.anonymous ? { id: null, label: 'anonymous' } : req.actor
      const key = req.headers['idempotency-key']
      if (key === undefined) {
        const incident = await app.repos.incidents.create(req.body, req.actor.id, actor)
        return reply.code(201).header('etag', etagOf(incident.version)).header('location', `/api/v1/incidents/${incident.id}`).send(incident)
      }
      const result = await app.repos.incidents.createIdempotent(req.body, req.actor.id, actor, {
        scope: req.actor.id ?? 'unauthenticated',
        key,
        requestHash: requestHash(req.body),
      })
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
      schema: {
        tags: ['incidents'],
        summary: 'Change an incident: triage, trace, status (needs If-Match)',
        params: IncidentKeyParams,
        body: IncidentChanges,
        response: { 200: Incident },
      },
    },
    async (req, reply) => {
      const version = expectedVersion(req.headers['if-match'], 'incident')
      if (req.body.discoveredAt && req.body.discoveredAt > latestCalendarDay(new Date())) {
        throw problem.unprocessable('discoveredAt cannot be in the future', [{ field: 'discoveredAt', message: 'cannot be in the future' }])
      }
      const current = await find(req.params.id)
      if (!current) throw problem.notFound('incident', req.params.id)
      const incident = await app.repos.incidents.update(current.id, version, req.body, req.actor)
      if (!incident) throw problem.notFound('incident', req.params.id)
      return reply.header('etag', etagOf(incident.version)).send(incident)
    },
  )
}
export default incidentRoutes
