import type { DecisionSuggestion, InsightReason, MatchConfidence, SimilarIncident } from '@misalign/shared'
import { countOf } from './labels'

/** The engine only suggests; these words say how sure it is without pretending to be a score. */
export const decisionConfidenceLabels: Record<MatchConfidence, string> = { likely: 'Likely', possible: 'Possible' }
export const incidentConfidenceLabels: Record<MatchConfidence, string> = {
  likely: 'Likely the same',
  possible: 'Possibly related',
}

const DAY_MS = 86_400_000
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS)

const quoted = (terms: readonly string[]) =>
  terms
    .slice(0, 3)
    .map((t) => `“${t}”`)
    .join(', ')

/** Why a decision was suggested, in plain words, strongest reason first. */
export function decisionReasonWords(suggestion: DecisionSuggestion, discoveredAt: string | null | undefined): string[] {
  const words: Partial<Record<InsightReason, string>> = {
    same_decision: 'a similar report names it',
    similar_incidents: `${countOf(Math.max(suggestion.viaIncidents.length, 1), 'similar report')} ${suggestion.viaIncidents.length === 1 ? 'names' : 'name'} it`,
    register_text:
      suggestion.terms.length > 0 ? `it is written in your words: ${quoted(suggestion.terms)}` : 'it is written in your words',
    similar_text: suggestion.terms.length > 0 ? `similar words: ${quoted(suggestion.terms)}` : 'similar words',
    same_owner_team: `${suggestion.decision.owningTeamName} owns it, the team you suspect`,
    same_team_pair: 'it joins the same two teams',
    same_strategy_gap: 'it points at the same strategy gap',
    decided_before_discovery: discoveredAt
      ? decidedBefore(daysBetween(suggestion.decision.decidedAt, discoveredAt))
      : 'decided before you found out',
  }
  return suggestion.reasons.map((reason) => words[reason]).filter((w): w is string => !!w)
}

function decidedBefore(days: number): string {
  if (days <= 0) return 'decided the day you found out'
  return `decided ${countOf(days, 'day')} before you found out`
}

/** Why an incident looks like another, in plain words. */
export function incidentReasonWords(incident: SimilarIncident): string[] {
  const words: Partial<Record<InsightReason, string>> = {
    same_decision: 'same decision',
    same_strategy_gap: 'same strategy gap',
    same_owner_team: 'same deciding team',
    same_team_pair: 'same two teams',
    similar_text: incident.terms.length > 0 ? `similar words: ${quoted(incident.terms)}` : 'similar words',
    register_text: 'similar words',
    similar_incidents: 'names the likely decision',
    decided_before_discovery: 'found out after the same decision',
  }
  return [...new Set(incident.reasons.map((reason) => words[reason]).filter((w): w is string => !!w))]
}
