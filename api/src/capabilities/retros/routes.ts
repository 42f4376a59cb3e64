import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  IdParams,
  NewRetro,
  NewRetroAction,
  Page,
  Retro,
  RetroAction,
  RetroChanges,
  RetroListItem,
  RetroPublication,
  RetroQuery,
  RetroWorkspace,
  StrategyDraftRequest,
  StrategyGapRequest,
} from '@misalign/shared'
import { Type } from 'typebox'
import { etagOf, expectedVersion } from '../../lib/etag'

const tags = ['retros']
const read = { policy: 'retro.read' } as const
const write = { policy: 'retro.write' } as const

const retroRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const retros = app.services.retros

  app.get(
    '/',
    {
      config: read,
      schema: {
        tags,
        operationId: 'listRetros',
        summary: 'List retros, newest first',
        description: 'Page with limit and the nextCursor of the previous page.',
        querystring: RetroQuery,
        response: { 200: Page(RetroListItem) },
      },
    },
    async (req) => retros.list(app.caller(req), req.query),
  )

  app.post(
    '/',
    {
      config: write,
      schema: {
        tags,
        operationId: 'openRetro',
        summary: 'Open a retro on a cluster',
        description:
          'Leads of a team the cluster touches (it reported one of the incidents, or its decision caused one), leaders and admins.',
        body: NewRetro,
        response: { 201: Retro },
      },
    },
    async (req, reply) => {
      const retro = await retros.open(app.caller(req), req.body)
      return reply.code(201).header('etag', etagOf(retro.version)).header('location', `/api/v1/retros/${retro.id}`).send(retro)
    },
  )

  app.get(
    '/:id',
    {
      config: read,
      schema: {
        tags,
        operationId: 'getRetro',
        summary: 'The retro workspace',
        description:
          "The cluster's incidents you may see in discovery order (the timeline), their decisions and missing context, the teams involved, weighted harm, the retro's actions and the open actions of earlier retros on the same decision, gap or team pair.",
        params: IdParams,
        response: { 200: RetroWorkspace },
      },
    },
    async (req, reply) => {
      const workspace = await retros.workspace(app.caller(req), req.params.id)
      return reply.header('etag', etagOf(workspace.retro.version)).send(workspace)
    },
  )

  app.patch(
    '/:id',
    {
      config: write,
      schema: {
        tags,
        operationId: 'updateRetro',
        summary: 'Change a retro: title, date, summary, status or stated tradeoff (needs If-Match)',
        description:
          'Leads of a team the retro is about, leaders and admins. Send the ETag you read as If-Match; a stale one answers 412.',
        params: IdParams,
        body: RetroChanges,
        response: { 200: Retro },
      },
    },
    async (req, reply) => {
      const version = expectedVersion(req.headers['if-match'], 'retro')
      const retro = await retros.update(app.caller(req), req.params.id, version, req.body)
      return reply.header('etag', etagOf(retro.version)).send(retro)
    },
  )

  app.post(
    '/:id/actions',
    {
      config: { policy: 'action.write' },
      schema: {
        tags,
        operationId: 'recordRetroAction',
        summary: 'Record an action',
        description:
          'Any kind is accepted. For an anti-misalignment kind (sync meeting, approval gate, restricted visibility, frozen decisions, lockstep) the reason is asked for, never required.',
        params: IdParams,
        body: NewRetroAction,
        response: { 201: RetroAction },
      },
    },
    async (req, reply) => {
      const action = await app.services.actions.record(app.caller(req), req.params.id, req.body)
      return reply.code(201).header('etag', etagOf(action.version)).send(action)
    },
  )

  app.get(
    '/:id/export',
    {
      config: read,
      schema: {
        tags,
        operationId: 'exportRetro',
        summary: 'The retro as Markdown, for a wiki or a doc',
        description: 'Only the incidents you may see; anonymous reporters are never named.',
        params: IdParams,
        response: { 200: Type.String({ description: 'text/markdown' }) },
      },
    },
    async (req, reply) => {
      const { fileName, markdown } = await retros.exportMarkdown(app.caller(req), req.params.id)
      return reply
        .type('text/markdown; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(markdown)
    },
  )

  app.post(
    '/:id/strategy-draft',
    {
      config: write,
      schema: {
        tags,
        operationId: 'draftStrategyFromRetro',
        summary: "Publish the retro's stated tradeoff as a strategy draft",
        description:
          'Creates a draft strategy prefilled from the retro (title, context from the summary and missing context, the tradeoff, owner team, scope = teams involved) and links it to the retro. With openGap, also opens a strategy gap when the incidents point at none.',
        params: IdParams,
        body: StrategyDraftRequest,
        response: { 201: RetroPublication },
      },
    },
    async (req, reply) => {
      const published = await retros.publishStrategyDraft(app.caller(req), req.params.id, req.body)
      return reply.code(201).header('location', `/api/v1/strategies/${published.strategy?.id}`).send(published)
    },
  )

  app.post(
    '/:id/strategy-gap',
    {
      config: write,
      schema: {
        tags,
        operationId: 'openStrategyGapFromRetro',
        summary: "Open a strategy gap for the retro's cluster",
        description:
          "Only when the cluster's incidents (those you may see) point at no gap yet; they are pointed at the new gap, so the gap register counts them.",
        params: IdParams,
        body: StrategyGapRequest,
        response: { 201: RetroPublication },
      },
    },
    async (req, reply) => {
      const opened = await retros.openStrategyGap(app.caller(req), req.params.id, req.body)
      return reply.code(201).header('location', `/api/v1/strategy-gaps/${opened.gap?.id}`).send(opened)
    },
  )
}
export default retroRoutes
