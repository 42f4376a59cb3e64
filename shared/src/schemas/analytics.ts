import { type Static, Type } from 'typebox'
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
export const TeamMatrix = Type.Object({ cells: Type.Array(TeamMatrixCell) })
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
