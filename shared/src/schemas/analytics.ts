import { type Static, type TSchema, Type } from 'typebox'
import { decisionClasses } from '../domain/analytics'
import { discoveryChannels, gapStatuses, harmKinds, rootCauses } from '../domain/vocabulary'
import { DateOnly, Nullable, Uuid } from './common'
import { IncidentFilters } from './incidents'

/**
 * The dashboard reads the incident list's filters, so a chart and the list it drills into show
 * the same incidents. Free-text search and single decision/gap filters stay with the list: the
 * charts are about the shape of many incidents.
 */
export const AnalyticsFilters = {
  from: IncidentFilters.from,
  to: IncidentFilters.to,
  reportingTeamId: IncidentFilters.reportingTeamId,
  decisionOwnerTeamId: IncidentFilters.decisionOwnerTeamId,
  rootCause: IncidentFilters.rootCause,
  discoveryChannel: IncidentFilters.discoveryChannel,
  status: IncidentFilters.status,
}

export const analyticsIntervals = ['week', 'month'] as const
export type AnalyticsInterval = (typeof analyticsIntervals)[number]

export const AnalyticsQuery = Type.Object(AnalyticsFilters, { additionalProperties: false })
export type AnalyticsQuery = Static<typeof AnalyticsQuery>

export const AnalyticsIntervalQuery = Type.Object(
  { ...AnalyticsFilters, interval: Type.Optional(Type.Enum(analyticsIntervals, { default: 'week' })) },
  { additionalProperties: false },
)
export type AnalyticsIntervalQuery = Static<typeof AnalyticsIntervalQuery>

export const AnalyticsTopQuery = Type.Object(
  { ...AnalyticsFilters, limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })) },
  { additionalProperties: false },
)
export type AnalyticsTopQuery = Static<typeof AnalyticsTopQuery>

const Count = Type.Integer({ minimum: 0 })
const WeightedHarm = Type.Integer({ minimum: 0, description: 'Sum of harm × surprise (1–25 per incident)' })
/** A suppressed cell carries no measures: its weighted harm or days would give its count away. */
const Hidden = <T extends Parameters<typeof Nullable>[0]>(schema: T) => Nullable(schema)
const Suppressed = Type.Boolean({ description: 'Fewer than 5 incidents (or needed to protect such a cell): measures hidden' })

export const RootCauseCell = Type.Object({ rootCause: Type.Enum(rootCauses), incidents: Count, weightedHarm: WeightedHarm })

export const TrendPeriod = Type.Object({
  period: DateOnly,
  incidents: Count,
  weightedHarm: WeightedHarm,
  byRootCause: Type.Array(RootCauseCell),
  decisionsRecorded: Type.Integer({ minimum: 0, description: 'Decisions with decidedAt in the period' }),
  incidentsPerDecision: Nullable(Type.Number({ description: 'incidents ÷ decisionsRecorded; null when none were recorded' })),
})
export const Trends = Type.Object({ interval: Type.Enum(analyticsIntervals), periods: Type.Array(TrendPeriod) })
export type Trends = Static<typeof Trends>

export const TeamMatrixCell = Type.Object({
  decisionOwnerTeamId: Nullable(Uuid),
  reportingTeamId: Uuid,
  incidents: Hidden(Count),
  weightedHarm: Hidden(WeightedHarm),
  suppressed: Suppressed,
})
export const TeamMatrixOtherOwners = Type.Object(
  {
    reportingTeamId: Uuid,
    ownerTeams: Type.Integer({ minimum: 2, description: 'How many hidden owner-team cells this sums' }),
    incidents: Type.Integer({ minimum: 5 }),
    weightedHarm: WeightedHarm,
  },
  {
    description:
      'A harmed team’s hidden cells taken together, given only when that team’s total is published and the hidden cells number at least two and reach 5 incidents (the total minus the shown cells)',
  },
)
export const TeamMatrix = Type.Object({
  cells: Type.Array(TeamMatrixCell),
  otherOwners: Type.Array(TeamMatrixOtherOwners),
})
export type TeamMatrix = Static<typeof TeamMatrix>

export const DiscoveryLag = Type.Object({
  buckets: Type.Array(Type.Object({ label: Type.String(), minDays: Count, maxDays: Nullable(Count) })),
  channels: Type.Array(
    Type.Object({
      discoveryChannel: Type.Enum(discoveryChannels),
      counts: Type.Array(Count, { description: 'Incidents per bucket, in the order of `buckets`' }),
      unknownLag: Type.Integer({ minimum: 0, description: 'Incidents not traced to a recorded decision' }),
    }),
  ),
})
export type DiscoveryLag = Static<typeof DiscoveryLag>

const Days = Type.Number({ minimum: 0 })
export const HarmBreakdown = Type.Object({
  totals: Type.Object({
    incidents: Hidden(Count),
    weightedHarm: Hidden(WeightedHarm),
    engineerDaysLost: Hidden(Days),
    delayDays: Hidden(Days),
    suppressed: Suppressed,
  }),
  byTeam: Type.Array(
    Type.Object({
      reportingTeamId: Uuid,
      incidents: Hidden(Count),
      weightedHarm: Hidden(WeightedHarm),
      engineerDaysLost: Hidden(Days),
      delayDays: Hidden(Days),
      suppressed: Suppressed,
    }),
  ),
  byKind: Type.Array(
    Type.Object({
      harmKind: Type.Enum(harmKinds),
      incidents: Count,
      weightedHarm: WeightedHarm,
      engineerDaysLost: Days,
      delayDays: Days,
    }),
  ),
})
export type HarmBreakdown = Static<typeof HarmBreakdown>

const Ranked = {
  incidents: Count,
  weightedHarm: WeightedHarm,
  teamsAffected: Type.Integer({ minimum: 0, description: 'Distinct reporting teams (as others see them)' }),
  recurrencePerMonth: Type.Number({
    minimum: 0,
    description: 'Incidents per month between its first and last discovery in view (at least one month)',
  }),
  firstDiscoveredAt: DateOnly,
  lastDiscoveredAt: DateOnly,
}
export const TopDecisions = Type.Object({
  items: Type.Array(
    Type.Object({
      decisionId: Uuid,
      title: Type.String(),
      owningTeamId: Uuid,
      decisionClass: Type.Enum(decisionClasses),
      ...Ranked,
    }),
  ),
})
export type TopDecisions = Static<typeof TopDecisions>

export const TopGaps = Type.Object({
  items: Type.Array(Type.Object({ gapId: Uuid, title: Type.String(), status: Type.Enum(gapStatuses), ...Ranked })),
})
export type TopGaps = Static<typeof TopGaps>

export const RemediationMix = Type.Object({
  interval: Type.Enum(analyticsIntervals),
  periods: Type.Array(
    Type.Object({
      period: DateOnly,
      alignment: Count,
      antiMisalignment: Count,
      antiMisalignmentShare: Nullable(Type.Number({ minimum: 0, maximum: 1 })),
    }),
  ),
})
export type RemediationMix = Static<typeof RemediationMix>

export const DecisionClassBreakdown = Type.Object({
  items: Type.Array(
    Type.Object({
      decisionClass: Type.Enum([...decisionClasses, 'no_decision_record'] as const),
      incidents: Count,
      weightedHarm: WeightedHarm,
      decisions: Type.Integer({ minimum: 0, description: 'Distinct decisions the incidents were traced to' }),
    }),
  ),
})
export type DecisionClassBreakdown = Static<typeof DecisionClassBreakdown>

const HeadlineWindow = Type.Object({ from: DateOnly, to: DateOnly })
const ChangePercent = Nullable(Type.Number({ description: 'change ÷ previous × 100, one decimal; null when previous is 0' }))
/** A measure in the window and the one before it. */
const Tile = <T extends TSchema>(value: T, description: string) =>
  Type.Object(
    { current: value, previous: value, change: Type.Number({ description: 'current − previous' }), changePercent: ChangePercent },
    { description },
  )
const LagTileValue = Nullable(
  Type.Integer({ minimum: 0, description: 'Index into `lagBuckets`; null when no incident has a known lag' }),
)

export const HeadlineTiles = Type.Object({
  weightedHarm: Tile(WeightedHarm, 'Sum of harm × surprise over the incidents discovered in the window'),
  engineerDaysLost: Tile(Days, 'Engineer-days lost, as reported'),
  incidents: Tile(Count, 'Incidents discovered in the window'),
  incidentsPerDecision: Type.Object(
    {
      current: Nullable(Type.Number()),
      previous: Nullable(Type.Number()),
      change: Nullable(Type.Number()),
      changePercent: ChangePercent,
      decisionsRecorded: Type.Object({ current: Count, previous: Count }),
    },
    {
      description:
        'Incidents ÷ decisions recorded (decidedAt) in the same window, as /trends computes it; null when none were recorded',
    },
  ),
  medianDiscoveryLag: Type.Object(
    {
      current: LagTileValue,
      previous: LagTileValue,
      change: Nullable(Type.Integer({ description: 'Buckets later (positive) or earlier (negative)' })),
      changePercent: Type.Null(),
      currentLabel: Nullable(Type.String()),
      previousLabel: Nullable(Type.String()),
    },
    {
      description:
        'The discovery-lag bucket (as /discovery-lag buckets lag) holding the median incident traced to a recorded decision',
    },
  ),
  shareUntriaged: Tile(
    Type.Number({ minimum: 0, maximum: 1 }),
    'Share of the window’s incidents still `open` (not yet triaged, in a retro or resolved), as of now; 0 when there are none',
  ),
})

export const whatChangedKinds = ['team_pair', 'decision', 'root_cause'] as const
const Measured = Type.Object({ incidents: Count, weightedHarm: WeightedHarm })
export const WhatChangedEntry = Type.Object({
  kind: Type.Enum(whatChangedKinds),
  key: Type.String({ description: 'Unique across kinds' }),
  label: Type.String(),
  current: Measured,
  previous: Measured,
  change: Type.Object({ incidents: Type.Integer(), weightedHarm: Type.Integer() }),
  filters: Type.Object(
    {
      decisionId: Type.Optional(Uuid),
      rootCause: Type.Optional(Type.Array(Type.Enum(rootCauses))),
      decisionOwnerTeamId: Type.Optional(Type.Array(Uuid)),
      reportingTeamId: Type.Optional(Type.Array(Uuid)),
    },
    { description: 'Incident-list filters for the entry, to add to the query’s own and the current window' },
  ),
})
export type WhatChangedEntry = Static<typeof WhatChangedEntry>

export const Headline = Type.Object({
  window: HeadlineWindow,
  previousWindow: Type.Object({ from: DateOnly, to: DateOnly }, { description: 'The same number of days, just before' }),
  tiles: HeadlineTiles,
  whatChanged: Type.Object({ rises: Type.Array(WhatChangedEntry), falls: Type.Array(WhatChangedEntry) }),
})
export type Headline = Static<typeof Headline>
