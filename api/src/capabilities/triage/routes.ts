import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { NoDecisionPage, NoDecisionQuery, OverdueActionQuery, Page, RetroAction } from '@misalign/shared'

/** GET /api/v1/triage/no-decision: the queue of incidents nobody has traced to a decision yet. */
const triageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/no-decision',
    {
      config: { policy: 'triage.read' },
      schema: {
        tags: ['triage'],
        operationId: 'listIncidentsWithoutDecision',
        summary: 'Incidents with no decision, newest first, with the likeliest decisions for each',
        description:
          'A lead sees incidents their teams reported or are suspected to own; leaders and admins see all. `teamId` narrows it to one team. `total` counts the whole queue. Link decisions with POST /api/v1/incidents/decision-links.',
        querystring: NoDecisionQuery,
        response: { 200: NoDecisionPage },
      },
    },
    async (req) => app.services.triage.listWithoutDecision(app.caller(req), req.query),
  )

  app.get(
    '/overdue-actions',
    {
      config: { policy: 'triage.read' },
      schema: {
        tags: ['triage'],
        operationId: 'listOverdueActions',
        summary: 'Open actions past their due date, most overdue first',
        description:
          'A lead sees the actions their teams own; leaders and admins see every team’s. `teamId` narrows it to one team. `total` counts every page. Change an action with PATCH /api/v1/actions/:id.',
        querystring: OverdueActionQuery,
        response: { 200: Page(RetroAction) },
      },
    },
    async (req) => app.services.triage.listOverdueActions(app.caller(req), req.query),
  )
}
export default triageRoutes
