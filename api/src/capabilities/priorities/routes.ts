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

const ToConfirmQuery = Type.Object({ ...PageQuery }, { additionalProperties: false })

/** The priorities register, and the tradeoffs whose priorities wait for a person to confirm them (ADR 015). */
const priorityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const priorities = app.services.priorities

  app.get(
    '/',
    {
      config: { policy: 'priority.read' },
      schema: {
        tags: ['priorities'],
        operationId: 'listPriorities',
        summary: 'List priorities by name',
        description: 'q matches every word in the name or an alias. total counts every match, not only this page.',
        querystring: PriorityQuery,
        response: { 200: PriorityPage },
      },
    },
    async (req) => priorities.list(app.caller(req), req.query),
  )

  app.get(
    '/suggestions',
    {
      config: { policy: 'priority.read' },
      schema: {
        tags: ['priorities'],
        operationId: 'suggestPriorities',
        summary: 'Priorities the typed words may mean, best first',
        description: 'Exact names and aliases first (case and punctuation ignored), then close spellings.',
        querystring: PrioritySuggestionQuery,
        response: { 200: PrioritySuggestions },
      },
    },
    async (req) => priorities.suggest(app.caller(req), req.query.text),
  )

  app.get(
    '/tradeoffs-to-confirm',
    {
      config: { policy: 'priority.read' },
      schema: {
        tags: ['priorities'],
        operationId: 'listTradeoffsToConfirm',
        summary: 'Tradeoffs whose priorities were suggested from their words, not yet confirmed',
        description: 'Active decisions and strategies that are not retired. Conflicts found through them say so.',
        querystring: ToConfirmQuery,
        response: { 200: TradeoffsToConfirmPage },
      },
    },
    async (req) => priorities.listToConfirm(app.caller(req), req.query),
  )

  app.post(
    '/tradeoffs-to-confirm',
    {
      config: { policy: 'priority.write' },
      schema: {
        tags: ['priorities'],
        operationId: 'confirmTradeoffPriorities',
        summary: 'Confirm or change the priorities a tradeoff picked (needs If-Match)',
        description:
          "If-Match carries the decision's or strategy's version (holderVersion in the list). The words stay as written.",
        body: TradeoffConfirmation,
        response: { 200: TradeoffToConfirm },
      },
    },
    async (req, reply) => {
      const version = expectedVersion(req.headers['if-match'], req.body.holderKind)
      const confirmed = await priorities.confirm(app.caller(req), req.body, version)
      return reply.header('etag', etagOf(confirmed.holderVersion)).send(confirmed)
    },
  )

  app.get(
    '/:id',
    {
      config: { policy: 'priority.read' },
      schema: {
        tags: ['priorities'],
        operationId: 'getPriority',
        summary: 'Read a priority',
        description: 'Answers an ETag: send it as If-Match to change the priority.',
        params: IdParams,
        response: { 200: Priority },
      },
    },
    async (req, reply) => {
      const priority = await priorities.find(app.caller(req), req.params.id)
      return reply.header('etag', etagOf(priority.version)).send(priority)
    },
  )

  app.post(
    '/',
    {
      config: { policy: 'priority.write' },
      schema: {
        tags: ['priorities'],
        operationId: 'addPriority',
        summary: 'Add a priority to the register',
        description: 'Names and aliases are unique across the register, ignoring case and punctuation.',
        body: NewPriority,
        response: { 201: Priority },
      },
    },
    async (req, reply) => {
      const priority = await priorities.create(app.caller(req), req.body)
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
        operationId: 'updatePriority',
        summary: 'Rename a priority, or change its aliases or description (needs If-Match)',
        description:
          'Leads, leaders and admins. Names and aliases stay unique across the register, ignoring case and punctuation; a stale If-Match answers 412.',
        params: IdParams,
        body: PriorityChanges,
        response: { 200: Priority },
      },
    },
    async (req, reply) => {
      const version = expectedVersion(req.headers['if-match'], 'priority')
      const priority = await priorities.update(app.caller(req), req.params.id, version, req.body)
      return reply.header('etag', etagOf(priority.version)).send(priority)
    },
  )
}
export default priorityRoutes
