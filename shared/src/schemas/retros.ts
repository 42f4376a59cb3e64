import { type Static, Type } from 'typebox'
import {
  actionKinds,
  actionStatuses,
  clusterStatuses,
  discoveryChannels,
  gapStatuses,
  retroStatuses,
  rootCauses,
} from '../domain/vocabulary'
import { DateOnly, DateTime, LongText, Nullable, PageQuery, RowMeta, Text, Title, Uuid } from './common'
import { TradeoffSchema } from './decisions'
import { Strategy } from './strategies'
import { StrategyGap } from './strategy-gaps'

export const actionClasses = ['alignment', 'anti_misalignment'] as const

const RetroFields = {
  ...RowMeta,
  clusterId: Uuid,
  title: Title,
  heldAt: Nullable(DateTime),
  summary: Type.String(),
  status: Type.Enum(retroStatuses),
  tradeoff: Nullable(TradeoffSchema),
  strategyId: Nullable(Type.String({ format: 'uuid', description: 'The strategy draft the tradeoff was published as' })),
  gapId: Nullable(Type.String({ format: 'uuid', description: 'The strategy gap this retro opened' })),
}

export const Retro = Type.Object(RetroFields)
export type Retro = Static<typeof Retro>

/** A retro in a list: with its cluster's title and how many of its actions are still open. */
export const RetroListItem = Type.Object({
  ...RetroFields,
  clusterTitle: Type.String(),
  actionCount: Type.Integer({ minimum: 0 }),
  openActionCount: Type.Integer({ minimum: 0 }),
})
export type RetroListItem = Static<typeof RetroListItem>

export const NewRetro = Type.Object(
  {
    clusterId: Uuid,
    title: Title,
    heldAt: Type.Optional(Nullable(DateTime)),
    summary: Type.Optional(LongText()),
  },
  { additionalProperties: false },
)
export type NewRetro = Static<typeof NewRetro>

export const RetroChanges = Type.Object(
  {
    title: Type.Optional(Title),
    heldAt: Type.Optional(Nullable(DateTime)),
    summary: Type.Optional(LongText()),
    status: Type.Optional(Type.Enum(retroStatuses)),
    tradeoff: Type.Optional(Nullable(TradeoffSchema)),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type RetroChanges = Static<typeof RetroChanges>

export const RetroQuery = Type.Object(
  { ...PageQuery, clusterId: Type.Optional(Uuid), status: Type.Optional(Type.Enum(retroStatuses)) },
  { additionalProperties: false },
)
export type RetroQuery = Static<typeof RetroQuery>

const Reason = Text(2000, { description: 'Why an anti-misalignment kind was chosen anyway (asked for, never required)' })

export const RetroAction = Type.Object({
  ...RowMeta,
  retroId: Uuid,
  retroTitle: Type.String(),
  description: Type.String(),
  ownerTeamId: Uuid,
  dueAt: Nullable(DateOnly),
  status: Type.Enum(actionStatuses),
  kind: Type.Enum(actionKinds),
  actionClass: Type.Enum(actionClasses, { description: 'Derived from the kind: alignment or anti-misalignment' }),
  reason: Nullable(Type.String()),
})
export type RetroAction = Static<typeof RetroAction>

export const NewRetroAction = Type.Object(
  {
    description: Text(2000, { minLength: 1 }),
    ownerTeamId: Uuid,
    dueAt: Type.Optional(Nullable(DateOnly)),
    kind: Type.Enum(actionKinds),
    reason: Type.Optional(Nullable(Reason)),
  },
  { additionalProperties: false },
)
export type NewRetroAction = Static<typeof NewRetroAction>

export const RetroActionChanges = Type.Object(
  {
    description: Type.Optional(Text(2000, { minLength: 1 })),
    ownerTeamId: Type.Optional(Uuid),
    dueAt: Type.Optional(Nullable(DateOnly)),
    status: Type.Optional(Type.Enum(actionStatuses)),
    kind: Type.Optional(Type.Enum(actionKinds)),
    reason: Type.Optional(Nullable(Reason)),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type RetroActionChanges = Static<typeof RetroActionChanges>

export const RetroActionQuery = Type.Object(
  {
    ...PageQuery,
    status: Type.Optional(Type.Enum(actionStatuses)),
    kind: Type.Optional(Type.Enum(actionKinds)),
    actionClass: Type.Optional(Type.Enum(actionClasses)),
    ownerTeamId: Type.Optional(Uuid),
    retroId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
)
export type RetroActionQuery = Static<typeof RetroActionQuery>

/** Why an open action of an earlier retro belongs in this one. */
export const CarryOverLink = Type.Union([
  Type.Object({ kind: Type.Literal('cluster') }),
  Type.Object({ kind: Type.Literal('decision'), decisionId: Uuid, title: Type.String() }),
  Type.Object({ kind: Type.Literal('gap'), gapId: Uuid, title: Type.String() }),
  Type.Object({ kind: Type.Literal('team_pair'), decisionOwnerTeamId: Uuid, harmedTeamId: Uuid }),
])
export type CarryOverLink = Static<typeof CarryOverLink>

export const CarriedOverAction = Type.Object({
  action: RetroAction,
  links: Type.Array(CarryOverLink, { minItems: 1 }),
})
export type CarriedOverAction = Static<typeof CarriedOverAction>

/** One incident on the retro's timeline. Never a reporter: anonymous or not, a retro is about decisions. */
export const TimelineIncident = Type.Object({
  id: Uuid,
  key: Type.String(),
  title: Type.String(),
  discoveredAt: DateOnly,
  discoveryChannel: Type.Enum(discoveryChannels),
  discoveryLagDays: Nullable(Type.Integer()),
  reportingTeamId: Uuid,
  restricted: Type.Boolean(),
  expected: Type.String(),
  harmedGoal: Type.String(),
  harm: Type.Integer(),
  surprise: Type.Integer(),
  weightedHarm: Type.Integer(),
  missingContext: Type.String(),
  rootCause: Type.Enum(rootCauses),
  decisionId: Nullable(Uuid),
  decisionOwnerTeamId: Nullable(Uuid),
  gapId: Nullable(Uuid),
})
export type TimelineIncident = Static<typeof TimelineIncident>

export const RetroDecision = Type.Object({
  id: Uuid,
  title: Type.String(),
  owningTeamId: Uuid,
  decidedAt: DateOnly,
  tradeoff: Nullable(TradeoffSchema),
  decisionClass: Type.Enum(['agreement', 'strategy_bearing']),
  incidentIds: Type.Array(Uuid),
})
export type RetroDecision = Static<typeof RetroDecision>

export const RetroTeam = Type.Object({
  id: Uuid,
  name: Type.String(),
  harmedIncidents: Type.Integer({ description: 'Incidents this team reported (as shown to others)' }),
  causedIncidents: Type.Integer({ description: "Incidents this team's decisions caused" }),
})
export type RetroTeam = Static<typeof RetroTeam>

export const RetroWorkspace = Type.Object({
  retro: Retro,
  cluster: Type.Object({ id: Uuid, title: Type.String(), status: Type.Enum(clusterStatuses) }),
  incidents: Type.Array(TimelineIncident, { description: 'Incidents you may see, in discovery order' }),
  decisions: Type.Array(RetroDecision),
  gaps: Type.Array(Type.Object({ id: Uuid, title: Type.String(), status: Type.Enum(gapStatuses) })),
  teams: Type.Array(RetroTeam),
  weightedHarm: Type.Object({ total: Type.Integer(), explanation: Type.String() }),
  actions: Type.Array(RetroAction),
  carriedOver: Type.Array(CarriedOverAction),
  teamNames: Type.Record(Type.String(), Type.String(), {
    description: 'The name of every team this workspace mentions, by id',
  }),
})
export type RetroWorkspace = Static<typeof RetroWorkspace>

export const StrategyDraftRequest = Type.Object(
  {
    title: Type.Optional(Title),
    ownerTeamId: Type.Optional(Uuid),
    reviewBy: Type.Optional(DateOnly),
    openGap: Type.Optional(Type.Boolean({ description: "Also open a strategy gap when the cluster's incidents point at none" })),
  },
  { additionalProperties: false },
)
export type StrategyDraftRequest = Static<typeof StrategyDraftRequest>

export const StrategyGapRequest = Type.Object(
  { title: Type.Optional(Title), description: Type.Optional(LongText()) },
  { additionalProperties: false },
)
export type StrategyGapRequest = Static<typeof StrategyGapRequest>

export const RetroPublication = Type.Object({
  retro: Retro,
  strategy: Nullable(Strategy),
  gap: Nullable(StrategyGap),
})
export type RetroPublication = Static<typeof RetroPublication>
