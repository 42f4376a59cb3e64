import { type Static, Type } from 'typebox'
import { decisionStatuses } from '../domain/vocabulary'
import { DateOnly, Text, Uuid } from './common'

/**
 * What the insight engine offers people: incidents like a report, and the decisions that likely
 * caused it. Everything here is a suggestion a person confirms; nothing is linked by the engine.
 */

export const matchConfidences = ['likely', 'possible'] as const
export type MatchConfidence = (typeof matchConfidences)[number]

const Confidence = Type.Enum(matchConfidences, {
  description: 'likely: worth a look before filing or linking; possible: shares something, may be a coincidence',
})

export const insightReasons = [
  'same_decision',
  'same_strategy_gap',
  'same_owner_team',
  'same_team_pair',
  'similar_text',
  'register_text',
  'similar_incidents',
  'decided_before_discovery',
] as const
export type InsightReason = (typeof insightReasons)[number]

const Reasons = Type.Array(Type.Enum(insightReasons), { description: 'Why it was offered, strongest first' })

/** A draft report, as far as the reporter got: any field may be missing. */
export const DraftQuery = {
  text: Type.Optional(Text(4_000, { description: 'What the report says so far: title, narrative, expected, missing context' })),
  decisionId: Type.Optional(Uuid),
  decisionOwnerTeamId: Type.Optional(Type.String({ format: 'uuid', description: 'The team the reporter suspects decided it' })),
  reportingTeamId: Type.Optional(Uuid),
  discoveredAt: Type.Optional(DateOnly),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 5 })),
}

export const DecisionSuggestionsQuery = Type.Object(DraftQuery, { additionalProperties: false })
export type DecisionSuggestionsQuery = Static<typeof DecisionSuggestionsQuery>

export const SuggestionLimitQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 5 })) },
  { additionalProperties: false },
)
export type SuggestionLimitQuery = Static<typeof SuggestionLimitQuery>

export const IncidentRef = Type.Object({ id: Uuid, key: Type.String({ description: 'MIS-<number>' }), title: Type.String() })
export type IncidentRef = Static<typeof IncidentRef>

export const DecisionSuggestion = Type.Object({
  decision: Type.Object({
    id: Uuid,
    title: Type.String(),
    summary: Type.String(),
    owningTeamId: Uuid,
    owningTeamName: Type.String(),
    decidedAt: DateOnly,
    status: Type.Enum(decisionStatuses),
    strategyBearing: Type.Boolean({ description: 'It carries a tradeoff' }),
  }),
  score: Type.Number({ description: 'Higher is closer; comparable only within one answer' }),
  confidence: Confidence,
  reasons: Reasons,
  terms: Type.Array(Type.String(), { description: 'Words the report shares with the decision or its incidents' }),
  viaIncidents: Type.Array(IncidentRef, { description: 'Similar incidents that name this decision (that you may see)' }),
})
export type DecisionSuggestion = Static<typeof DecisionSuggestion>

export const DecisionSuggestions = Type.Object({ items: Type.Array(DecisionSuggestion) })
export type DecisionSuggestions = Static<typeof DecisionSuggestions>

export const UnrelatedParams = Type.Object(
  {
    id: Type.String({ pattern: '^([0-9a-fA-F-]{36}|MIS-[0-9]{1,9})$', description: 'A uuid or MIS-<number>' }),
    otherId: Uuid,
  },
  { additionalProperties: false },
)
export type UnrelatedParams = Static<typeof UnrelatedParams>
