import { type Static, Type } from 'typebox'
import { defaultVerificationWeeks } from '../domain/gap-lifecycle'
import { defaultImpactWeeks, gapTrends, maxImpactWeeks } from '../domain/gap-ranking'
import { gapStatuses, strategyStatuses } from '../domain/vocabulary'
import { DateOnly, DateTime, LongText, Nullable, PageQuery, RowMeta, Text, Title, Uuid } from './common'
import { Strategy } from './strategies'

const Step = { at: Nullable(DateTime), byId: Nullable(Uuid) }

export const StrategyGap = Type.Object({
  ...RowMeta,
  title: Title,
  description: Type.String(),
  ownerId: Nullable(Uuid),
  status: Type.Enum(gapStatuses),
  addressedByStrategyId: Nullable(Uuid),
  wontFixReason: Nullable(Type.String()),
  acknowledged: Type.Object(Step),
  published: Type.Object(Step),
  verified: Type.Object(Step),
  wontFix: Type.Object(Step),
  decisionIds: Type.Array(Uuid, {
    description:
      'The decisions behind the gap: their incidents count towards it unless an incident names a gap itself; a decision behind several gaps counts towards the one that named it first',
  }),
})
export type StrategyGap = Static<typeof StrategyGap>

const DecisionIds = Type.Array(Uuid, {
  maxItems: 200,
  uniqueItems: true,
  description: 'Decisions to put behind the gap: their incidents that name no gap count towards it',
})

export const NewStrategyGap = Type.Object(
  {
    title: Title,
    description: Type.Optional(LongText('What context was missing')),
    ownerId: Type.Optional(Nullable(Uuid)),
    incidentIds: Type.Optional(
      Type.Array(Uuid, {
        maxItems: 200,
        uniqueItems: true,
        description: 'Incidents to attach to the new gap (from a suggestion); only incidents in no gap yet that you may change',
      }),
    ),
    decisionIds: Type.Optional(DecisionIds),
  },
  { additionalProperties: false },
)
export type NewStrategyGap = Static<typeof NewStrategyGap>

export const StrategyGapChanges = Type.Object(
  {
    title: Type.Optional(Title),
    description: Type.Optional(LongText()),
    ownerId: Type.Optional(Nullable(Uuid)),
    decisionIds: Type.Optional({
      ...DecisionIds,
      description: 'The whole set of decisions behind the gap, replacing the old one',
    }),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type StrategyGapChanges = Static<typeof StrategyGapChanges>

/** One lifecycle step: open → acknowledged → published → verified, or wont_fix with a reason. */
export const GapTransitionBody = Type.Union([
  Type.Object({ to: Type.Literal('acknowledged'), ownerId: Uuid }, { additionalProperties: false }),
  Type.Object({ to: Type.Literal('published'), strategyId: Uuid }, { additionalProperties: false }),
  Type.Object(
    {
      to: Type.Literal('verified'),
      weeks: Type.Optional(
        Type.Integer({
          minimum: 1,
          maximum: 104,
          description: `Quiet weeks needed after the strategy was published (default ${defaultVerificationWeeks})`,
        }),
      ),
    },
    { additionalProperties: false },
  ),
  Type.Object({ to: Type.Literal('wont_fix'), reason: Text(2000, { minLength: 1 }) }, { additionalProperties: false }),
  Type.Object({ to: Type.Literal('open') }, { additionalProperties: false }),
])
export type GapTransitionBody = Static<typeof GapTransitionBody>

export const StrategyGapQuery = Type.Object(
  { ...PageQuery, status: Type.Optional(Type.Enum(gapStatuses)), ownerId: Type.Optional(Uuid) },
  { additionalProperties: false },
)
export type StrategyGapQuery = Static<typeof StrategyGapQuery>

const Count = Type.Integer({ minimum: 0 })
const WeightedHarmSum = Type.Integer({ minimum: 0, description: 'Sum of harm × surprise over the incidents' })

export const GapRankingQuery = Type.Object(
  {
    from: Type.Optional(DateOnly),
    to: Type.Optional(DateOnly),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    cursor: PageQuery.cursor,
    status: Type.Optional(Type.Enum(gapStatuses)),
  },
  { additionalProperties: false },
)
export type GapRankingQuery = Static<typeof GapRankingQuery>

export const GapRankingItem = Type.Object({
  gapId: Uuid,
  title: Type.String(),
  status: Type.Enum(gapStatuses),
  ownerId: Nullable(Uuid),
  incidents: Count,
  weightedHarm: WeightedHarmSum,
  teamsAffected: Type.Integer({ minimum: 0, description: 'Distinct reporting teams, as others see them' }),
  recurrencePerMonth: Type.Number({ minimum: 0, description: 'Incidents in the window per 30.4 days of the window' }),
  trend: Type.Enum(gapTrends),
  earlierHalf: Type.Integer({ minimum: 0, description: 'Incidents in the first half of the window' }),
  laterHalf: Type.Integer({ minimum: 0, description: 'Incidents in the second half of the window' }),
  throughDecisions: Type.Integer({
    minimum: 0,
    description: 'Of the incidents, those that name no gap and count through a decision behind this gap',
  }),
  engineerDaysLost: Type.Number({ minimum: 0, description: 'Sum over the incidents in the window that say' }),
  lastSeenAt: Nullable({
    ...DateOnly,
    description: 'Latest discovery of a visible incident in the gap up to the window’s end; it may fall before the window',
  }),
})
export type GapRankingItem = Static<typeof GapRankingItem>

export const GapRanking = Type.Object({
  formula: Type.String(),
  from: DateOnly,
  to: DateOnly,
  items: Type.Array(GapRankingItem),
  total: Type.Integer({ minimum: 0, description: 'Gaps in the register with these filters, on all pages' }),
  nextCursor: Nullable(Type.String({ description: 'Pass as cursor to get the next page; null on the last page' })),
})
export type GapRanking = Static<typeof GapRanking>

export const GapImpactQuery = Type.Object(
  {
    weeks: Type.Optional(
      Type.Integer({ minimum: 1, maximum: maxImpactWeeks, description: `Weeks on each side (default ${defaultImpactWeeks})` }),
    ),
  },
  { additionalProperties: false },
)
export type GapImpactQuery = Static<typeof GapImpactQuery>

const ImpactSide = Type.Object({
  from: DateOnly,
  to: DateOnly,
  incidents: Count,
  weightedHarm: WeightedHarmSum,
  decisions: Type.Integer({ minimum: 0, description: 'Decisions recorded org-wide over the same days' }),
})

export const GapImpact = Type.Object({
  gapId: Uuid,
  strategyId: Nullable(Uuid),
  strategyTitle: Nullable(Type.String()),
  publishedAt: Nullable(DateOnly),
  windowWeeks: Type.Integer({ minimum: 0, description: 'Weeks on each side; shrunk to the weeks passed since publication' }),
  before: Nullable(ImpactSide),
  after: Nullable(ImpactSide),
  series: Type.Array(
    Type.Object({
      period: DateOnly,
      side: Type.Union([Type.Literal('before'), Type.Literal('after')]),
      incidents: Count,
      weightedHarm: WeightedHarmSum,
      decisions: Count,
    }),
  ),
})
export type GapImpact = Static<typeof GapImpact>

export const GapSuggestionQuery = Type.Object(
  { from: Type.Optional(DateOnly), to: Type.Optional(DateOnly), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })) },
  { additionalProperties: false },
)
export type GapSuggestionQuery = Static<typeof GapSuggestionQuery>

const SuggestionSource = Type.Union([Type.Literal('decision'), Type.Literal('cluster')])

export const GapSuggestion = Type.Object({
  source: SuggestionSource,
  sourceId: Uuid,
  title: Type.String(),
  reasons: Type.Array(Type.Object({ source: SuggestionSource, sourceId: Uuid, title: Type.String() }), {
    description: 'Every decision and cluster telling this story (their incidents overlap by 80% or more), the one shown first',
  }),
  decisionIds: Type.Array(Uuid, { description: 'The decisions among the reasons, to put behind the gap when it is opened' }),
  incidents: Count,
  weightedHarm: WeightedHarmSum,
  teamsAffected: Count,
  lastSeenAt: DateOnly,
  incidentIds: Type.Array(Uuid, { description: 'The visible incidents it would attach' }),
  missingContext: Type.Array(Type.String(), { description: 'Up to three quotes from the reports' }),
})
export type GapSuggestion = Static<typeof GapSuggestion>

export const GapSuggestions = Type.Object({
  formula: Type.String(),
  from: DateOnly,
  to: DateOnly,
  items: Type.Array(GapSuggestion),
})
export type GapSuggestions = Static<typeof GapSuggestions>

const Person = Type.Object({ id: Uuid, displayName: Type.String() })

/** What the gap detail shows beside the gap itself: people, decisions, strategy, verification. */
export const GapContext = Type.Object({
  people: Type.Array(Person, { description: 'The owner and whoever took each lifecycle step' }),
  strategy: Nullable(
    Type.Object({ id: Uuid, title: Type.String(), status: Type.Enum(strategyStatuses), publishedAt: Nullable(DateOnly) }),
  ),
  decisions: Type.Array(
    Type.Object({
      id: Uuid,
      title: Type.String(),
      owningTeamId: Uuid,
      hasTradeoff: Type.Boolean(),
      incidents: Count,
      weightedHarm: WeightedHarmSum,
      isBehindGap: Type.Boolean({ description: 'Named in the gap’s decisionIds (else only named by its incidents)' }),
      countsTowardsGapId: Nullable({
        ...Uuid,
        description: 'When behind this gap but named first by another gap: that gap, where its incidents count',
      }),
    }),
  ),
  verification: Nullable(
    Type.Object(
      {
        weeks: Type.Integer({ minimum: 1 }),
        state: Type.Union([Type.Literal('ready'), Type.Literal('waiting'), Type.Literal('interrupted')]),
        earliestAt: DateOnly,
        lastIncidentAt: Nullable(DateOnly),
      },
      {
        description:
          'For a published gap, at the default weeks: from the incidents you may see (leaders and admins, who verify, see all)',
      },
    ),
  ),
})
export type GapContext = Static<typeof GapContext>

export const GapAttachBody = Type.Object(
  {
    incidentIds: Type.Optional(
      Type.Array(Uuid, { maxItems: 500, uniqueItems: true, description: 'Incidents to point at the gap (their gapId)' }),
    ),
    decisionIds: Type.Optional(DecisionIds),
    clusterId: Type.Optional({ ...Uuid, description: 'A cluster whose incidents to attach (or detach) as a set' }),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type GapAttachBody = Static<typeof GapAttachBody>

export const GapAttachResult = Type.Object({
  gap: StrategyGap,
  incidentIds: Type.Array(Uuid, { description: 'Incidents changed: send them to the other action to undo it' }),
  decisionIds: Type.Array(Uuid, { description: 'Decisions added to (or removed from) decisionIds' }),
  skipped: Type.Array(Type.Object({ incidentId: Uuid, reason: Type.String() }), {
    description: 'Incidents left as they were, each with why (one naming another gap keeps it)',
  }),
  countingElsewhere: Type.Array(Type.Object({ decisionId: Uuid, gapId: Uuid }), {
    description: 'Decisions now behind this gap whose incidents still count towards a gap that named them first',
  }),
  offeredDecision: Nullable(
    Type.Object(
      { id: Uuid, title: Type.String(), incidents: Count },
      {
        description:
          'A cluster’s dominant decision (most of its incidents name it), not yet behind the gap: offered, not attached',
      },
    ),
  ),
})
export type GapAttachResult = Static<typeof GapAttachResult>

/** "Draft the strategy now": the draft made from an acknowledged gap, and the gap now linked to it. */
export const GapStrategyDraft = Type.Object({
  gap: StrategyGap,
  strategy: Strategy,
})
export type GapStrategyDraft = Static<typeof GapStrategyDraft>
