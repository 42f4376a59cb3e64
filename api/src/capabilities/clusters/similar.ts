import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { SimilarIncidents, SimilarIncidentsQuery } from '@misalign/shared'

/**
 * GET /api/v1/incidents/similar: the clustering engine's pair score between a draft report and
 * existing incidents, for the report form's "has someone already reported this?".
 */
const similarIncidentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      config: { policy: 'incident.read' },
      schema: {
        tags: ['incidents'],
        operationId: 'listSimilarIncidentsForDraft',
        summary: 'Incidents like a draft report, best match first',
        description:
          'Ranked by the insight engine: the same decision, shared words (stemmed, BM25, with related words), the decision the draft most likely points at, the suspected owner team. Only incidents you may see; empty when nothing is close.',
        querystring: SimilarIncidentsQuery,
        response: { 200: SimilarIncidents },
      },
    },
    async (req) => ({ items: await app.services.clusters.similarToDraft(app.caller(req), req.query) }),
  )
}
export default similarIncidentRoutes
