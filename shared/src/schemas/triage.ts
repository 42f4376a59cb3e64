import { type Static, Type } from 'typebox'
import { Nullable, PageQuery, Uuid } from './common'
import { Incident } from './incidents'
import { DecisionSuggestion } from './insight'

/**
 * Triage of incidents that name no decision: a queue for leads and facilitators, and linking
 * (or unlinking) decisions in bulk. Every link is a person's choice, audited and reversible.
 */

export const NoDecisionQuery = Type.Object(
  {
    ...PageQuery,
    teamId: Type.Optional(
      Type.String({
        format: 'uuid',
        description:
          'Only incidents this team reported (as shown to others) or is suspected to own. Without it, a lead sees their own teams’ incidents; leaders and admins see all.',
      }),
    ),
  },
  { additionalProperties: false },
)
export type NoDecisionQuery = Static<typeof NoDecisionQuery>

export const NoDecisionItem = Type.Object({
  incident: Incident,
  mayLink: Type.Boolean({ description: 'Whether you may link a decision to it (the same rule as editing it)' }),
  suggestions: Type.Array(DecisionSuggestion, { description: 'The likeliest decisions, at most 3, best first' }),
})
export type NoDecisionItem = Static<typeof NoDecisionItem>

export const NoDecisionPage = Type.Object({
  items: Type.Array(NoDecisionItem),
  nextCursor: Nullable(Type.String({ description: 'Pass as cursor to get the next page; null on the last page' })),
  total: Type.Integer({ minimum: 0, description: 'How many incidents the whole queue holds, over every page' }),
})
export type NoDecisionPage = Static<typeof NoDecisionPage>

export const MAX_DECISION_LINKS = 100

export const DecisionLink = Type.Object(
  {
    incidentId: Uuid,
    decisionId: Nullable(Type.String({ format: 'uuid', description: 'The decision to link; null unlinks' })),
    decisionOwnerTeamId: Type.Optional(
      Nullable(
        Type.String({
          format: 'uuid',
          description:
            'Only with decisionId null: the suspected owner team to leave on the incident (an undo sends back the previous one). Left out: kept as it is.',
        }),
      ),
    ),
  },
  { additionalProperties: false },
)
export type DecisionLink = Static<typeof DecisionLink>

export const DecisionLinks = Type.Object(
  {
    links: Type.Array(DecisionLink, {
      minItems: 1,
      maxItems: MAX_DECISION_LINKS,
      description: `1 to ${MAX_DECISION_LINKS} links, one per incident; all are applied or none`,
    }),
  },
  { additionalProperties: false },
)
export type DecisionLinks = Static<typeof DecisionLinks>

const TraceState = Type.Object({ decisionId: Nullable(Uuid), decisionOwnerTeamId: Nullable(Uuid) })
export type TraceState = Static<typeof TraceState>

export const LinkedDecision = Type.Object({
  incidentId: Uuid,
  key: Type.String({ description: 'MIS-<number>' }),
  previous: TraceState,
  current: TraceState,
  isChanged: Type.Boolean({ description: 'False when the incident already had this decision: nothing was written' }),
  version: Type.Integer({ description: 'The incident’s version after the change' }),
})
export type LinkedDecision = Static<typeof LinkedDecision>

export const LinkedDecisions = Type.Object({
  links: Type.Array(LinkedDecision, { description: 'In the order sent; send `previous` back to undo' }),
})
export type LinkedDecisions = Static<typeof LinkedDecisions>

/** Actions past their due date and still open: what a lead chases, most overdue first. */
export const OverdueActionQuery = Type.Object(
  {
    ...PageQuery,
    teamId: Type.Optional(
      Type.String({
        format: 'uuid',
        description:
          'Only actions this team owns. Without it, a lead sees the actions their teams own; leaders and admins see all.',
      }),
    ),
  },
  { additionalProperties: false },
)
export type OverdueActionQuery = Static<typeof OverdueActionQuery>
