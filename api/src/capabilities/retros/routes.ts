import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  canAssignActionTo,
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
  retroFileName,
  retroMarkdown,
  StrategyDraftRequest,
  StrategyGapRequest,
  strategyDraftFromRetro,
  strategyGapFromRetro,
  utcDay,
} from '@misalign/shared'
import type { FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import { etagOf, expectedVersion } from '../../lib/etag'
import { problem } from '../../lib/problem'

const tags = ['retros']
const read = { policy: 'retro.read' } as const
const write = { policy: 'retro.write' } as const

const retroRoutes: FastifyPluginAsyncTypebox = async (app) => {
  /** A lead writes a retro on a cluster that touches one of their teams; leaders and admins any. */
  async function authorizeRetro(req: FastifyRequest, id: string, action: 'retro.write' | 'action.write' = 'retro.write') {
    const teamIds = await app.repos.retros.retroTeams(id, app.incidentViewer(req))
    if (!teamIds) throw problem.notFound('retro', id)
    return { viewer: app.authorize(req, action, { teamIds }), teamIds }
  }

  async function workspaceOf(req: FastifyRequest, id: string) {
    const workspace = await app.repos.retros.workspace(id, app.incidentViewer(req))
    if (!workspace) throw problem.notFound('retro', id)
    return workspace
  }

  app.get(
    '/',
    {
      config: read,
      schema: { tags, summary: 'List retros, newest first', querystring: RetroQuery, response: { 200: Page(RetroListItem) } },
    },
    async (req) => app.repos.retros.list(req.query),
  )

  app.post(
    '/',
    { config: write, schema: { tags, summary: 'Open a retro on a cluster', body: NewRetro, response: { 201: Retro } } },
    async (req, reply) => {
      const teamIds = await app.repos.retros.clusterTeams(req.body.clusterId, app.incidentViewer(req))
      if (!teamIds) {
        const detail = 'clusterId refers to a cluster that does not exist'
        throw problem.unprocessable(detail, [{ field: 'clusterId', message: detail }])
      }
      app.authorize(req, 'retro.write', { teamIds })
      const retro = await app.repos.retros.create(req.body, req.actor)
      return reply.code(201).header('etag', etagOf(retro.version)).header('location', `/api/v1/retros/${retro.id}`).send(retro)
    },
  )

  app.get(
    '/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'The retro workspace',
        description:
          "The cluster's incidents you may see in discovery order (the timeline), their decisions and missing context, the teams involved, weighted harm, the retro's actions and the open actions of earlier retros on the same decision, gap or team pair.",
        params: IdParams,
        response: { 200: RetroWorkspace },
      },
    },
    async (req, reply) => {
      const workspace = await workspaceOf(req, req.params.id)
      return reply.header('etag', etagOf(workspace.retro.version)).send(workspace)
    },
  )

  app.patch(
    '/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change a retro: title, date, summary, status or stated tradeoff (needs If-Match)',
        params: IdParams,
        body: RetroChanges,
        response: { 200: Retro },
      },
    },
    async (req, reply) => {
      const version = expectedVersion(req.headers['if-match'], 'retro')
      await authorizeRetro(req, req.params.id)
      const retro = await app.repos.retros.update(req.params.id, version, req.body, req.actor)
      if (!retro) throw problem.notFound('retro', req.params.id)
      return reply.header('etag', etagOf(retro.version)).send(retro)
    },
  )

  app.post(
    '/:id/actions',
    {
      config: { policy: 'action.write' },
      schema: {
        tags,
        summary: 'Record an action',
        description:
          'Any kind is accepted. For an anti-misalignment kind (sync meeting, approval gate, restricted visibility, frozen decisions, lockstep) the reason is asked for, never required.',
        params: IdParams,
        body: NewRetroAction,
        response: { 201: RetroAction },
      },
    },
    async (req, reply) => {
      const { viewer, teamIds } = await authorizeRetro(req, req.params.id, 'action.write')
      if (!canAssignActionTo(viewer, req.body.ownerTeamId, teamIds)) {
        throw problem.forbidden(
          'An action may be owned by a team this retro is about or a team you lead. Ask a leader otherwise.',
        )
      }
      const action = await app.repos.actions.create(req.params.id, req.body, req.actor)
      if (!action) throw problem.notFound('retro', req.params.id)
      return reply.code(201).header('etag', etagOf(action.version)).send(action)
    },
  )

  app.get(
    '/:id/export',
    {
      config: read,
      schema: {
        tags,
        summary: 'The retro as Markdown, for a wiki or a doc',
        params: IdParams,
        response: { 200: Type.String({ description: 'text/markdown' }) },
      },
    },
    async (req, reply) => {
      const workspace = await workspaceOf(req, req.params.id)
      const markdown = retroMarkdown(workspace, (teamId) => workspace.teamNames[teamId] ?? 'Unknown team')
      return reply
        .type('text/markdown; charset=utf-8')
        .header('content-disposition', `attachment; filename="${retroFileName(workspace.retro.title, workspace.retro.heldAt)}"`)
        .send(markdown)
    },
  )

  app.post(
    '/:id/strategy-draft',
    {
      config: write,
      schema: {
        tags,
        summary: "Publish the retro's stated tradeoff as a strategy draft",
        description:
          'Creates a draft strategy prefilled from the retro (title, context from the summary and missing context, the tradeoff, owner team, scope = teams involved) and links it to the retro. With openGap, also opens a strategy gap when the incidents point at none.',
        params: IdParams,
        body: StrategyDraftRequest,
        response: { 201: RetroPublication },
      },
    },
    async (req, reply) => {
      await authorizeRetro(req, req.params.id)
      const workspace = await workspaceOf(req, req.params.id)
      const viewer = app.incidentViewer(req)
      const draft = strategyDraftFromRetro(workspace, { ...req.body, today: utcDay(new Date()), viewerTeamIds: viewer.teamIds })
      if (!draft) throw problem.unprocessable('State the tradeoff first: prefer what, over what, for which goal')
      if (!draft.ownerTeamId) {
        const detail = 'Name the team that owns the strategy (ownerTeamId): no incident names a decision owner'
        throw problem.unprocessable(detail, [{ field: 'ownerTeamId', message: detail }])
      }
      app.authorize(req, 'strategy.write', { teamIds: [draft.ownerTeamId] })
      if (req.body.openGap) app.authorize(req, 'gap.create')
      const gap =
        req.body.openGap && workspace.gaps.length === 0 && !workspace.retro.gapId ? strategyGapFromRetro(workspace, {}) : null
      const published = await app.repos.retros.publishStrategyDraft(
        req.params.id,
        { ...draft, ownerTeamId: draft.ownerTeamId },
        gap,
        viewer,
        req.actor,
      )
      if (!published) throw problem.notFound('retro', req.params.id)
      return reply.code(201).header('location', `/api/v1/strategies/${published.strategy?.id}`).send(published)
    },
  )

  app.post(
    '/:id/strategy-gap',
    {
      config: write,
      schema: {
        tags,
        summary: "Open a strategy gap for the retro's cluster",
        description:
          "Only when the cluster's incidents (those you may see) point at no gap yet; they are pointed at the new gap, so the gap register counts them.",
        params: IdParams,
        body: StrategyGapRequest,
        response: { 201: RetroPublication },
      },
    },
    async (req, reply) => {
      await authorizeRetro(req, req.params.id)
      app.authorize(req, 'gap.create')
      const workspace = await workspaceOf(req, req.params.id)
      const gap = strategyGapFromRetro(workspace, req.body)
      const opened = await app.repos.retros.openStrategyGap(req.params.id, gap, app.incidentViewer(req), req.actor)
      if (!opened) throw problem.notFound('retro', req.params.id)
      return reply.code(201).header('location', `/api/v1/strategy-gaps/${opened.gap?.id}`).send(opened)
    },
  )
}
export default retroRoutes
