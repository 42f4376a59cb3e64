import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { DecisionLinks, LinkedDecisions } from '@misalign/shared'

/** POST /api/v1/incidents/decision-links: link (or unlink) decisions on many incidents at once. */
const decisionLinkRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/',
    {
      config: { policy: 'incident.update' },
      schema: {
        tags: ['incidents', 'triage'],
        operationId: 'linkIncidentDecisions',
        summary: 'Link or unlink decisions on up to 100 incidents, all or nothing',
        description:
          'Each incident is changed under the rule for editing it (its reporter, leads of the reporting team, leaders, admins) and audited as an edit. The answer carries each incident’s previous decision: send it back to undo.',
        body: DecisionLinks,
        response: { 200: LinkedDecisions },
      },
    },
    async (req) => app.services.triage.linkDecisions(app.caller(req), req.body.links),
  )
}
export default decisionLinkRoutes
