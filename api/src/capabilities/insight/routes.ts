import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  DecisionSuggestions,
  DecisionSuggestionsQuery,
  IncidentKeyParams,
  SimilarIncidents,
  SuggestionLimitQuery,
  UnrelatedParams,
} from '@misalign/shared'
import { Type } from 'typebox'

const howItWorks =
  'Ranked by the insight engine: shared words (stemmed, BM25, with related words), the decisions named by reports that read alike, the suspected owner team and timing. Suggestions only: nothing is linked until a person does it.'

/**
 * What the engine finds that reporters do not know: earlier reports of the same story and the
 * decision likely behind a report (docs/decisions/013-insight-retrieval.md), and people's
 * "not related" answers that it remembers.
 */
const insightRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const insight = app.services.insight

  app.get(
    '/decisions/suggestions',
    {
      config: { policy: 'decision.read' },
      schema: {
        tags: ['decisions'],
        operationId: 'suggestDecisionsForDraft',
        summary: 'Decisions that likely caused a draft report, best first',
        description: howItWorks,
        querystring: DecisionSuggestionsQuery,
        response: { 200: DecisionSuggestions },
      },
    },
    async (req) => ({ items: await insight.decisionSuggestions(app.caller(req), req.query) }),
  )

  app.get(
    '/incidents/:id/decision-suggestions',
    {
      config: { policy: 'incident.read' },
      schema: {
        tags: ['incidents'],
        operationId: 'suggestDecisionsForIncident',
        summary: 'Decisions that likely caused an incident, best first',
        description: howItWorks,
        params: IncidentKeyParams,
        querystring: SuggestionLimitQuery,
        response: { 200: DecisionSuggestions },
      },
    },
    async (req) => ({
      items: await insight.decisionSuggestionsForIncident(app.caller(req), req.params.id, req.query.limit),
    }),
  )

  app.get(
    '/incidents/:id/similar',
    {
      config: { policy: 'incident.read' },
      schema: {
        tags: ['incidents'],
        operationId: 'listSimilarIncidents',
        summary: 'Incidents like this one, best first, leaving out those marked not related',
        description: howItWorks,
        params: IncidentKeyParams,
        querystring: SuggestionLimitQuery,
        response: { 200: SimilarIncidents },
      },
    },
    async (req) => ({ items: await insight.similarToIncident(app.caller(req), req.params.id, req.query.limit) }),
  )

  app.put(
    '/incidents/:id/unrelated/:otherId',
    {
      config: { policy: 'incident.read' },
      schema: {
        tags: ['incidents'],
        operationId: 'markIncidentUnrelated',
        summary: 'Mark a suggested incident as not related to this one',
        description:
          'Remembered for both incidents: it is no longer offered as similar, and clustering keeps them apart. Audited; DELETE takes it back.',
        params: UnrelatedParams,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await insight.markUnrelated(app.caller(req), req.params.id, req.params.otherId)
      return reply.code(204).send(null)
    },
  )

  app.delete(
    '/incidents/:id/unrelated/:otherId',
    {
      config: { policy: 'incident.read' },
      schema: {
        tags: ['incidents'],
        operationId: 'unmarkIncidentUnrelated',
        summary: 'Take back "not related"',
        description: 'The pair may be suggested as similar again. Anyone who can see both incidents.',
        params: UnrelatedParams,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await insight.unmarkUnrelated(app.caller(req), req.params.id, req.params.otherId)
      return reply.code(204).send(null)
    },
  )
}
export default insightRoutes
