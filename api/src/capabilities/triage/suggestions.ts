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
  const found = await app.repos.insight.decisionSuggestionsForIncidents(incidentIds, viewer, SUGGESTIONS_PER_INCIDENT)
  return new Map(incidentIds.map((id) => [id, found.get(id) ?? []]))
}
