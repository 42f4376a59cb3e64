import type { IncidentViewer } from '@misalign/db'
import type { DecisionSuggestion } from '@misalign/shared'
import type { FastifyInstance } from 'fastify'

export const SUGGESTIONS_PER_INCIDENT = 3

/** The likeliest decisions for each incident of a queue page, from the insight engine. */
export async function topSuggestions(
  app: FastifyInstance,
  incidentIds: readonly string[],
  viewer: IncidentViewer,
): Promise<Map<string, DecisionSuggestion[]>> {
  const suggestions = await Promise.all(
    incidentIds.map(
      async (id) =>
        [id, (await app.repos.insight.decisionSuggestionsForIncident(id, viewer, SUGGESTIONS_PER_INCIDENT)) ?? []] as const,
    ),
  )
  return new Map(suggestions)
}
