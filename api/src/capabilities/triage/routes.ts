import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { can, NoDecisionPage, NoDecisionQuery } from '@misalign/shared'
import { topSuggestions } from './suggestions'

/** GET /api/v1/triage/no-decision: the queue of incidents nobody has traced to a decision yet. */
const triageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/no-decision',
    {
      config: { policy: 'triage.read' },
      schema: {
        tags: ['triage'],
        summary: 'Incidents with no decision, newest first, with the likeliest decisions for each',
        description:
          'A lead sees incidents their teams reported or are suspected to own; leaders and admins see all. `teamId` narrows it to one team. `total` counts the whole queue. Link decisions with POST /api/v1/incidents/decision-links.',
        querystring: NoDecisionQuery,
        response: { 200: NoDecisionPage },
      },
    },
    async (req) => {
      const viewer = app.incidentViewer(req)
      const page = await app.repos.triage.listWithoutDecision(req.query, viewer)
      const suggestions = await topSuggestions(
        app,
        page.items.map((incident) => incident.id),
        viewer,
      )
      return {
        total: page.total,
        nextCursor: page.nextCursor,
        items: page.items.map((incident) => ({
          incident,
          // As the incident page decides it: by the team others see, so anonymity holds.
          mayLink: can(viewer, 'incident.update', { teamIds: [incident.reportingTeamId], isOwnedByViewer: incident.isMine }),
          suggestions: suggestions.get(incident.id) ?? [],
        })),
      }
    },
  )
}
export default triageRoutes
