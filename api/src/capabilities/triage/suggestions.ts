import type { IncidentViewer, Repositories } from '@misalign/db'
import type { DecisionSuggestion } from '@misalign/shared'

export const SUGGESTIONS_PER_INCIDENT = 3

/** The likeliest decisions for each incident of a queue page, from the insight engine. */
export async function topSuggestions(
  repos: Repositories,
  incidentIds: readonly string[],
  viewer: IncidentViewer,
): Promise<Map<string, DecisionSuggestion[]>> {
  const found = await repos.insight.decisionSuggestionsForIncidents(incidentIds, viewer, SUGGESTIONS_PER_INCIDENT)
  return new Map(incidentIds.map((id) => [id, found.get(id) ?? []]))
}
