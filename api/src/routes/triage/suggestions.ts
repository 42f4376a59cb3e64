import type { IncidentViewer } from '@misalign/db'
import type { DecisionSuggestion } from '@misalign/shared'
import type { FastifyInstance } from 'fastify'

export const SUGGESTIONS_PER_INCIDENT = 3

/**
 * The likeliest decisions for each incident of a queue page, from the insight engine.
 * Until the engine lands on main, the queue lists incidents without suggestions.
 */
export async function topSuggestions(
  _app: FastifyInstance,
  incidentIds: readonly string[],
  _viewer: IncidentViewer,
): Promise<Map<string, DecisionSuggestion[]>> {
  return new Map(incidentIds.map((id) => [id, []]))
}
