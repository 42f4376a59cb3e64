import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  IdParams,
  NewPriority,
  PageQuery,
  Priority,
  PriorityChanges,
  PriorityPage,
  PriorityQuery,
  PrioritySuggestionQuery,
  PrioritySuggestions,
  TradeoffConfirmation,
  TradeoffsToConfirmPage,
  TradeoffToConfirm,
} from '@misalign/shared'
import { Type } from 'typebox'
import { etagOf, expectedVersion } from '../../lib/etag'
import { problem } from '../../lib/problem'

const ToConfirmQuery = Type.Object({ ...PageQuery }, { additionalProperties: false })

/** The priorities register, and the tradeoffs whose priorities wait for a person to confirm them (ADR 015). */
const priorityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      config: { policy: 'priority.read' },
      schema: {
        tags: ['priorities'],
        summary: 'List priorities by name',
        description: 'q matches every word in the name or an alias. total counts every match, not only this page.',
        querystring: PriorityQuery,
        response: { 200: PriorityPage },
      },
    },
    async (req) => app.repos.priorities.list(req.query),
  )

  app.get(
    '/suggestions',
    {
      config: { policy: 'priority.read' },
      schema: {
        tags: ['priorities'],
        summary: 'Priorities the typed words may mean, best first',
        description: 'Exact names and aliases first (case and punctuation ignored), then close spellings.',
        querystring: PrioritySuggestionQuery,
        response: { 200: PrioritySuggestions },
      },
    },
    async (req) => app.repos.priorities.suggest(req.query.text),
  )

  app.get(
    '/tradeoffs-to-confirm',
    {
      config: { policy: 'priority.read' },
      schema: {
        tags: ['priorities'],
        summary: 'Tradeoffs whose priorities were suggested from their words, not yet confirmed',
        description: 'Active decisions and strategies that are not retired. Conflicts found through them say so.',
        querystring: ToConfirmQuery,
        response: { 200: TradeoffsToConfirmPage },
      },
    },
    async (req) => app.repos.priorityConfirmations.list(req.query),
  )

  app.post(
    '/tradeoffs-to-confirm',
    {
      config: { policy: 'priority.write' },
      schema: {
        tags: ['priorities'],
        summary: 'Confirm or change the priorities a tradeoff picked (needs If-Match)',
        description:
          "If-Match carries the decision's or strategy's version (holderVersion in the list). The words stay as written.",
        body: TradeoffConfirmation,
        response: { 200: TradeoffToConfirm },
      },
    },
    async (req, reply) => {
      const entity = req.body.holderKind
      const version = expectedVersion(req.headers['if-match'], entity)
      const owner = await app.repos.priorityConfirmations.ownerOf(entity, req.body.holderId)
      if (!owner) throw problem.notFound(entity, req.body.holderId)
      const confirmed = await app.repos.priorityConfirmations.confirm(req.body, version, req.actor)
      if (!confirmed) throw problem.notFound(entity, req.body.holderId)
      return reply.header('etag', etagOf(confirmed.holderVersion)).send(confirmed)
    },
  )

  app.get(
    '/:id',
    {
      config: { policy: 'priority.read' },
      schema: { tags: ['priorities'], summary: 'Read a priority', params: IdParams, response: { 200: Priority } },
    },
    async (req, reply) => {
      const priority = await app.repos.priorities.findById(req.params.id)
      if (!priority) throw problem.notFound('priority', req.params.id)
      return reply.header('etag', etagOf(priority.version)).send(priority)
    },
  )

  app.post(
    '/',
    {
      config: { policy: 'priority.write' },
      schema: {
        tags: ['priorities'],
        summary: 'Add a priority to the register',
        description: 'Names and aliases are unique across the register, ignoring case and punctuation.',
        body: NewPriority,
        response: { 201: Priority },
      },
    },
    async (req, reply) => {
      const priority = await app.repos.priorities.create(req.body, req.actor)
      return reply
        .code(201)
        .header('etag', etagOf(priority.version))
        .header('location', `/api/v1/priorities/${priority.id}`)
        .send(priority)
    },
  )

  app.patch(
    '/:id',
    {
      config: { policy: 'priority.write' },
      schema: {
        tags: ['priorities'],
        summary: 'Rename a priority, or change its aliases or description (needs If-Match)',
        params: IdParams,
        body: PriorityChanges,
        response: { 200: Priority },
      },
    },
    async (req, reply) => {
      const version = expectedVersion(req.headers['if-match'], 'priority')
      const priority = await app.repos.priorities.update(req.params.id, version, req.body, req.actor)
      if (!priority) throw problem.notFound('priority', req.params.id)
      return reply.header('etag', etagOf(priority.version)).send(priority)
    },
  )
}
export default priorityRoutes
