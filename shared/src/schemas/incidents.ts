import { type Static, type TSchema, Type } from 'typebox'
import { incidentDecisionClasses, type LagBucketKey, lagBucketKeys } from '../domain/analytics'
import { discoveryChannels, harmKinds, incidentStatuses, rootCauses } from '../domain/vocabulary'
import { DateOnly, LongText, Nullable, PageQuery, RowMeta, SortQuery, Text, Title, Uuid } from './common'

const Scale = (what: string) => Type.Integer({ minimum: 1, maximum: 5, description: `${what}, 1–5` })
const HarmKinds = Type.Array(Type.Enum(harmKinds), { uniqueItems: true, maxItems: harmKinds.length })
const EngineerDays = Type.Number({ minimum: 0, maximum: 100_000, multipleOf: 0.1 })
const DelayDays = Type.Integer({ minimum: 0, maximum: 10_000 })

export const Incident = Type.Object({
  ...RowMeta,
  number: Type.Integer(),
  key: Type.String({ description: 'MIS-<number>', examples: ['MIS-42'] }),
  title: Title,
  narrative: Type.String(),
  reportingTeamId: Uuid,
  reporterId: Nullable(Uuid),
  isMine: Type.Boolean({ description: 'You filed it (also true for your own anonymous reports)' }),
  anonymous: Type.Boolean({
    description: 'Others see no reporter, the day rather than the time, and a small team as its parent',
  }),
  restricted: Type.Boolean({ description: 'Visible only inside the reporting team, to leaders and admins' }),
  status: Type.Enum(incidentStatuses),
  discoveredAt: DateOnly,
  discoveryChannel: Type.Enum(discoveryChannels),
  expected: Type.String(),
  surprise: Scale('How surprising'),
  harmedGoal: Type.String(),
  harm: Scale('How harmful'),
  harmKinds: HarmKinds,
  engineerDaysLost: Nullable(Type.Number()),
  delayDays: Nullable(Type.Integer()),
  decisionId: Nullable(Uuid),
  decisionOwnerTeamId: Nullable(Uuid),
  gapId: Nullable(Uuid),
  missingContext: Type.String(),
  rootCause: Type.Enum(rootCauses),
  weightedHarm: Type.Integer({ description: 'harm × surprise (1–25)' }),
  discoveryLagDays: Nullable(Type.Integer({ description: "Days from the decision's decidedAt to discoveredAt" })),
})
export type Incident = Static<typeof Incident>

/**
 * The filing body. The three requirements (discovery, surprise, harm) are checked by the
 * domain rule rather than the schema, so a report without harm gets the product's sentence
 * ("a surprise without harm is not a misalignment") instead of a generic "must be ≥ 1".
 */
export const NewIncident = Type.Object(
  {
    title: Title,
    narrative: Type.Optional(LongText('What happened, in your words')),
    reportingTeamId: Uuid,
    anonymous: Type.Optional(Type.Boolean({ default: false })),
    restricted: Type.Optional(Type.Boolean({ default: false })),
    discoveredAt: DateOnly,
    discoveryChannel: Type.Enum(discoveryChannels),
    expected: Text(5_000, { description: 'What you expected instead' }),
    surprise: Type.Integer({ minimum: 0, maximum: 5, description: 'How surprising, 1–5' }),
    harmedGoal: Text(1_000, { description: 'Which of your goals it hurt' }),
    harm: Type.Integer({ minimum: 0, maximum: 5, description: 'How harmful, 1–5; 0 means no harm (then it is not an incident)' }),
    harmKinds: Type.Optional(HarmKinds),
    engineerDaysLost: Type.Optional(Nullable(EngineerDays)),
    delayDays: Type.Optional(Nullable(DelayDays)),
    decisionId: Type.Optional(Nullable(Uuid)),
    decisionOwnerTeamId: Type.Optional(Nullable(Uuid)),
    gapId: Type.Optional(Nullable(Uuid)),
    missingContext: Type.Optional(LongText('What would have made this predictable')),
    rootCause: Type.Optional(Type.Enum(rootCauses)),
  },
  { additionalProperties: false },
)
export type NewIncident = Static<typeof NewIncident>

export const IncidentChanges = Type.Object(
  {
    title: Type.Optional(Title),
    narrative: Type.Optional(LongText()),
    status: Type.Optional(Type.Enum(incidentStatuses)),
    restricted: Type.Optional(Type.Boolean()),
    discoveredAt: Type.Optional(DateOnly),
    discoveryChannel: Type.Optional(Type.Enum(discoveryChannels)),
    expected: Type.Optional(Text(5_000, { minLength: 1 })),
    surprise: Type.Optional(Scale('How surprising')),
    harmedGoal: Type.Optional(Text(1_000, { minLength: 1 })),
    harm: Type.Optional(Scale('How harmful')),
    harmKinds: Type.Optional(HarmKinds),
    engineerDaysLost: Type.Optional(Nullable(EngineerDays)),
    delayDays: Type.Optional(Nullable(DelayDays)),
    decisionId: Type.Optional(Nullable(Uuid)),
    decisionOwnerTeamId: Type.Optional(Nullable(Uuid)),
    gapId: Type.Optional(Nullable(Uuid)),
    missingContext: Type.Optional(LongText()),
    rootCause: Type.Optional(Type.Enum(rootCauses)),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type IncidentChanges = Static<typeof IncidentChanges>

const OneOrMany = <T extends TSchema>(item: T) =>
  Type.Array(item, { maxItems: 50, description: 'Repeat the parameter to match any of several values' })

export const IncidentFilters = {
  reportingTeamId: Type.Optional(OneOrMany(Uuid)),
  decisionOwnerTeamId: Type.Optional(OneOrMany(Uuid)),
  rootCause: Type.Optional(OneOrMany(Type.Enum(rootCauses))),
  status: Type.Optional(OneOrMany(Type.Enum(incidentStatuses))),
  discoveryChannel: Type.Optional(OneOrMany(Type.Enum(discoveryChannels))),
  decisionId: Type.Optional(Uuid),
  gapId: Type.Optional({
    ...Uuid,
    description: 'Incidents that count towards the gap: those naming it, and those naming no gap whose decision is behind it',
  }),
  strategyId: Type.Optional({
    ...Uuid,
    description: 'Incidents that count towards a gap this strategy addresses (by the same rule as gapId)',
  }),
  from: Type.Optional(DateOnly),
  to: Type.Optional(DateOnly),
  q: Type.Optional(Text(200, { description: 'Words in the title or narrative' })),
  harmKind: Type.Optional(OneOrMany(Type.Enum(harmKinds, { description: 'Incidents with any of these kinds of harm' }))),
  decisionClass: Type.Optional(
    OneOrMany(
      Type.Enum(incidentDecisionClasses, {
        description:
          'strategy_bearing: the decision states a whole tradeoff; agreement: it does not; no_decision_record: no decision named',
      }),
    ),
  ),
  lagBucket: Type.Optional(
    OneOrMany(
      Type.Enum(lagBucketKeys as unknown as LagBucketKey[], {
        description:
          'Days from the named decision to the discovery: 0-1, 2-7, 8-30, 31-90 or 91+ (incidents naming a decision only)',
      }),
    ),
  ),
  hasOwner: Type.Optional(Type.Boolean({ description: 'false: only incidents whose decision owner team is not recorded' })),
}

/** Filters of the incident list that group it by decision (a gap's or a cluster's incidents). */
export const IncidentGroupQuery = Type.Object(
  {
    ...IncidentFilters,
    hasDecision: Type.Optional(Type.Boolean({ description: 'false: only incidents that name no decision yet' })),
    clusterId: Type.Optional({ ...Uuid, description: 'Incidents in this cluster' }),
  },
  { additionalProperties: false },
)
export type IncidentGroupQuery = Static<typeof IncidentGroupQuery>

export const IncidentDecisionGroup = Type.Object({
  decisionId: Nullable(Uuid),
  title: Nullable(Type.String({ description: 'The decision’s title; null for incidents that name no decision yet' })),
  count: Type.Integer({ minimum: 0 }),
  weightedHarm: Type.Integer({ minimum: 0, description: 'Sum of harm × surprise over them' }),
})
export type IncidentDecisionGroup = Static<typeof IncidentDecisionGroup>
export const IncidentDecisionGroups = Type.Object({ items: Type.Array(IncidentDecisionGroup) })
export type IncidentDecisionGroups = Static<typeof IncidentDecisionGroups>

export const incidentSortFields = ['number', 'discoveredAt', 'weightedHarm'] as const
export type IncidentSortField = (typeof incidentSortFields)[number]

export const IncidentQuery = Type.Object(
  {
    ...PageQuery,
    ...IncidentFilters,
    hasDecision: Type.Optional(Type.Boolean({ description: 'false: only incidents that name no decision yet' })),
    clusterId: Type.Optional({ ...Uuid, description: 'Incidents in this cluster' }),
    sort: SortQuery(incidentSortFields, '-number, newest first'),
    mine: Type.Optional(
      Type.Boolean({ description: 'true: only the reports you filed, your anonymous ones included (a member’s home page)' }),
    ),
  },
  { additionalProperties: false },
)
export type IncidentQuery = Static<typeof IncidentQuery>

export const IncidentKeyParams = Type.Object(
  { id: Type.String({ pattern: '^([0-9a-fA-F-]{36}|MIS-[0-9]{1,9})$', description: 'A uuid or MIS-<number>' }) },
  { additionalProperties: false },
)
export type IncidentKeyParams = Static<typeof IncidentKeyParams>
