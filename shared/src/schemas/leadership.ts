import { type Static, Type } from 'typebox'
import { maxImpactWeeks } from '../domain/gap-ranking'
import { gapStatuses, rootCauses } from '../domain/vocabulary'
import { DateOnly, DateTime, Nullable, Uuid } from './common'
import { GapImpact } from './strategy-gaps'

/*
 * The leadership review's read models. Every incident number comes with the incident list query
 * that reproduces it (`query`): the page links each number to `/incidents?…`, and the API tests
 * re-derive each number by paging through GET /incidents with that query.
 */

const Count = Type.Integer({ minimum: 0 })
const WeightedHarm = Type.Integer({ minimum: 0, description: 'Sum of harm × surprise (1–25 per incident)' })
const TeamIds = Type.Array(Uuid)

export const LeadershipQuery = Type.Object(
  {
    from: Type.Optional(DateOnly),
    to: Type.Optional(DateOnly),
  },
  { additionalProperties: false },
)
export type LeadershipQuery = Static<typeof LeadershipQuery>

export const defaultReviewWeeks = 8

export const LeadershipReviewQuery = Type.Object(
  {
    from: Type.Optional(DateOnly),
    to: Type.Optional(DateOnly),
    weeks: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: maxImpactWeeks,
        description: `Weeks before and after each recent publication (default ${defaultReviewWeeks})`,
      }),
    ),
  },
  { additionalProperties: false },
)
export type LeadershipReviewQuery = Static<typeof LeadershipReviewQuery>

/** The incident list's filters (GET /incidents, the /incidents page) that reproduce a number. */
export const IncidentListQuery = Type.Object({
  reportingTeamId: Type.Optional(TeamIds),
  decisionId: Type.Optional(Uuid),
  gapId: Type.Optional(Uuid),
  strategyId: Type.Optional(Uuid),
  rootCause: Type.Optional(Type.Array(Type.Enum(rootCauses))),
  from: Type.Optional(DateOnly),
  to: Type.Optional(DateOnly),
})
export type IncidentListQuery = Static<typeof IncidentListQuery>

export const IncidentTally = Type.Object({
  incidents: Count,
  weightedHarm: WeightedHarm,
  query: IncidentListQuery,
})
export type IncidentTally = Static<typeof IncidentTally>

export const ReviewWindow = Type.Object({
  from: DateOnly,
  to: DateOnly,
  today: DateOnly,
})
export type ReviewWindow = Static<typeof ReviewWindow>

/** Teams in scope with the teams nested under them; null = the whole org. */
const Covered = Nullable(TeamIds)

export const StaleStrategy = Type.Object({
  strategyId: Uuid,
  title: Type.String(),
  ownerTeamId: Uuid,
  reviewBy: DateOnly,
  daysOverdue: Type.Integer({ minimum: 1 }),
  coveredTeamIds: Covered,
  sinceReview: {
    ...IncidentTally,
    description:
      'Incidents discovered since the day after the review date (through to) that count towards a gap this strategy addresses: those naming such a gap, and those naming no gap whose decision is behind one (docs/decisions/033). Not every incident reported in its scope.',
  },
  autonomyWins: Type.Integer({ minimum: 0, description: 'Autonomy wins credited to it in the window' }),
})
export type StaleStrategy = Static<typeof StaleStrategy>

export const StaleStrategies = Type.Object({ window: ReviewWindow, items: Type.Array(StaleStrategy) })
export type StaleStrategies = Static<typeof StaleStrategies>

export const ConflictHolder = Type.Object({
  kind: Type.Enum(['strategy', 'decision']),
  id: Uuid,
  title: Type.String(),
  teamId: Uuid,
  forGoal: Type.String(),
  incidents: Nullable(IncidentTally),
  conflictingPriorities: Nullable(IncidentTally),
})
export type ConflictHolder = Static<typeof ConflictHolder>

const ConflictSideSchema = Type.Object({
  prefer: Type.String({ description: 'The preferred priority’s name (its words when the register has none)' }),
  over: Type.String(),
  preferPriorityId: Nullable(Uuid),
  overPriorityId: Nullable(Uuid),
  holders: Type.Array(ConflictHolder),
})

export const Conflict = Type.Object({
  key: Type.String(),
  kind: Type.Enum(['opposite', 'competing'], {
    description: 'opposite: X over Y against Y over X; competing: one gives up what the other prefers, in a shared scope',
  }),
  sideA: ConflictSideSchema,
  sideB: ConflictSideSchema,
  sharedScopeTeamIds: Covered,
  isSuggested: Type.Boolean({
    description: 'true: found through priorities suggested from the words, not yet confirmed by a person',
  }),
  incidents: Type.Integer({ minimum: 0, description: 'Sum over the decisions on both sides' }),
  weightedHarm: WeightedHarm,
})
export type Conflict = Static<typeof Conflict>

export const Conflicts = Type.Object({ window: ReviewWindow, items: Type.Array(Conflict) })
export type Conflicts = Static<typeof Conflicts>

export const tradeoffRequestStatuses = ['open', 'answered'] as const

export const TradeoffRequest = Type.Object({
  id: Uuid,
  decisionId: Uuid,
  decisionTitle: Type.String(),
  owningTeamId: Uuid,
  requestedById: Nullable(Uuid),
  requestedByName: Nullable(Type.String()),
  requestedAt: DateTime,
  answeredAt: Nullable(DateTime),
  status: Type.Enum(tradeoffRequestStatuses),
})
export type TradeoffRequest = Static<typeof TradeoffRequest>

export const NewTradeoffRequest = Type.Object({ decisionId: Uuid }, { additionalProperties: false })
export type NewTradeoffRequest = Static<typeof NewTradeoffRequest>

export const TradeoffRequestQuery = Type.Object(
  {
    teamId: Type.Optional(Uuid),
    decisionId: Type.Optional(Uuid),
    status: Type.Optional(Type.Enum(tradeoffRequestStatuses)),
  },
  { additionalProperties: false },
)
export type TradeoffRequestQuery = Static<typeof TradeoffRequestQuery>

export const TradeoffRequests = Type.Object({ items: Type.Array(TradeoffRequest) })
export type TradeoffRequests = Static<typeof TradeoffRequests>

export const AgreementOnlyDecision = Type.Object({
  decisionId: Uuid,
  title: Type.String(),
  owningTeamId: Uuid,
  decidedAt: DateOnly,
  harm: IncidentTally,
  openRequest: Nullable(TradeoffRequest),
})
export type AgreementOnlyDecision = Static<typeof AgreementOnlyDecision>

export const AgreementOnlyDecisions = Type.Object({ window: ReviewWindow, items: Type.Array(AgreementOnlyDecision) })
export type AgreementOnlyDecisions = Static<typeof AgreementOnlyDecisions>

export const coverageClasses = ['fresh', 'stale', 'none'] as const

export const TeamCoverageRow = Type.Object({
  teamId: Uuid,
  coverage: Type.Enum(coverageClasses),
  freshStrategyIds: TeamIds,
  staleStrategyIds: TeamIds,
  orgWideStrategies: Count,
  incidents: Nullable(Count),
  weightedHarm: Nullable(WeightedHarm),
  suppressed: Type.Boolean({ description: 'Fewer than 5 incidents (or needed to protect such a row): numbers hidden' }),
  query: IncidentListQuery,
})
export type TeamCoverageRow = Static<typeof TeamCoverageRow>

export const Coverage = Type.Object({ window: ReviewWindow, teams: Type.Array(TeamCoverageRow) })
export type Coverage = Static<typeof Coverage>

export const DecisionVisibilityItem = Type.Object({
  decisionId: Uuid,
  title: Type.String(),
  owningTeamId: Uuid,
  sharedWithTeamIds: TeamIds,
  hurtTeamIds: TeamIds,
  hurtNotToldTeamIds: TeamIds,
  harm: IncidentTally,
})
export type DecisionVisibilityItem = Static<typeof DecisionVisibilityItem>

export const DecisionVisibility = Type.Object({ window: ReviewWindow, items: Type.Array(DecisionVisibilityItem) })
export type DecisionVisibility = Static<typeof DecisionVisibility>

export const StrategySignals = Type.Object({
  strategyId: Uuid,
  title: Type.String(),
  isStale: Type.Boolean(),
  autonomyWins: Count,
  recentWins: Type.Array(Type.Object({ note: Type.String(), occurredAt: DateOnly })),
  incidentsInScope: {
    ...IncidentTally,
    description:
      'Incidents in the window that count towards a gap this strategy addresses (docs/decisions/033): the name is kept for compatibility; it no longer counts every incident reported in the strategy’s scope.',
  },
})
export type StrategySignals = Static<typeof StrategySignals>

export const SignalsSummary = Type.Object({
  window: ReviewWindow,
  autonomyWins: Count,
  nearMisses: Type.Integer({ minimum: 0, description: 'Surprises without harm: counted apart, never as incidents' }),
  byStrategy: Type.Array(StrategySignals),
})
export type SignalsSummary = Static<typeof SignalsSummary>

export const BeforeAfter = Type.Object({
  strategyId: Uuid,
  title: Type.String(),
  publishedAt: DateOnly,
  weeks: Type.Integer({ minimum: 0, description: 'Weeks on each side; fewer than asked when publication is recent' }),
  coveredTeamIds: Covered,
  before: {
    ...IncidentTally,
    description: 'Incidents counting towards a gap this strategy addresses, in the weeks before publication (docs/decisions/033)',
  },
  after: { ...IncidentTally, description: 'The same, from the publication day on' },
  autonomyWins: Type.Integer({ minimum: 0, description: 'Autonomy wins credited to it since publication' }),
})
export type BeforeAfter = Static<typeof BeforeAfter>

/** A gap whose strategy was published in the window: its before/after, as on the gap's own page. */
export const ReviewGapImpact = Type.Object({
  gapId: Uuid,
  title: Type.String(),
  status: Type.Enum(gapStatuses),
  impact: GapImpact,
  before: { ...IncidentTally, description: 'The incident list query reproducing impact.before' },
  after: { ...IncidentTally, description: 'The incident list query reproducing impact.after' },
})
export type ReviewGapImpact = Static<typeof ReviewGapImpact>

export const ReviewGap = Type.Object({
  gapId: Uuid,
  title: Type.String(),
  status: Type.Enum(gapStatuses),
  teamsAffected: Count,
  harm: IncidentTally,
})
export type ReviewGap = Static<typeof ReviewGap>

export const ActionShare = Type.Object({
  alignment: Count,
  antiMisalignment: Count,
  antiMisalignmentShare: Nullable(Type.Number({ minimum: 0, maximum: 1 })),
})
export type ActionShare = Static<typeof ActionShare>

export const LeadershipReview = Type.Object({
  window: ReviewWindow,
  weeks: Type.Integer({ minimum: 1 }),
  formula: Type.String(),
  topGaps: Type.Array(ReviewGap),
  staleStrategies: Type.Array(StaleStrategy),
  conflicts: Type.Array(Conflict),
  beforeAfter: Type.Array(BeforeAfter),
  gapImpacts: Type.Array(ReviewGapImpact, {
    description:
      'Gaps addressed by a published strategy (published by the window’s end, at least a week ago), the 10 latest publications, most incidents on either side first: incidents counting towards each gap, week by week, in `weeks` weeks before and after publication (fewer when recent)',
  }),
  actions: ActionShare,
  autonomyWins: Count,
  nearMisses: Count,
})
export type LeadershipReview = Static<typeof LeadershipReview>
