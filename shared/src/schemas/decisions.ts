import { type Static, Type } from 'typebox'
import { decisionStatuses } from '../domain/vocabulary'
import { DateOnly, LongText, Nullable, PageQuery, RowMeta, Text, Title, Uuid } from './common'

export const TradeoffSchema = Type.Object(
  {
    prefer: Text(300, { minLength: 1, description: 'What we prefer (X)' }),
    over: Text(300, { minLength: 1, description: 'What we give up for it (Y)' }),
    forGoal: Text(300, { minLength: 1, description: 'The goal the preference serves (Z)' }),
  },
  { additionalProperties: false, description: 'we prefer X over Y, for goal Z' },
)

const Link = Type.String({ format: 'uri', maxLength: 2000 })

export const Decision = Type.Object({
  ...RowMeta,
  title: Title,
  summary: Type.String(),
  owningTeamId: Uuid,
  decidedAt: DateOnly,
  link: Nullable(Type.String()),
  status: Type.Enum(decisionStatuses),
  supersededById: Nullable(Uuid),
  sharedWithTeamIds: Type.Array(Uuid),
  tradeoff: Nullable(TradeoffSchema),
  decisionClass: Type.Enum(['agreement', 'strategy_bearing'], {
    description: 'Derived: a decision without a tradeoff is an agreement',
  }),
})
export type Decision = Static<typeof Decision>

export const NewDecision = Type.Object(
  {
    title: Title,
    summary: Type.Optional(LongText()),
    owningTeamId: Uuid,
    decidedAt: DateOnly,
    link: Type.Optional(Nullable(Link)),
    sharedWithTeamIds: Type.Optional(Type.Array(Uuid, { maxItems: 500, uniqueItems: true })),
    tradeoff: Type.Optional(Nullable(TradeoffSchema)),
  },
  { additionalProperties: false },
)
export type NewDecision = Static<typeof NewDecision>

export const DecisionChanges = Type.Object(
  {
    title: Type.Optional(Title),
    summary: Type.Optional(LongText()),
    owningTeamId: Type.Optional(Uuid),
    decidedAt: Type.Optional(DateOnly),
    link: Type.Optional(Nullable(Link)),
    status: Type.Optional(Type.Enum(decisionStatuses)),
    supersededById: Type.Optional(Nullable(Uuid)),
    sharedWithTeamIds: Type.Optional(Type.Array(Uuid, { maxItems: 500, uniqueItems: true })),
    tradeoff: Type.Optional(Nullable(TradeoffSchema)),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type DecisionChanges = Static<typeof DecisionChanges>

export const DecisionQuery = Type.Object(
  {
    ...PageQuery,
    owningTeamId: Type.Optional(Uuid),
    status: Type.Optional(Type.Enum(decisionStatuses)),
    decisionClass: Type.Optional(Type.Enum(['agreement', 'strategy_bearing'])),
    q: Type.Optional(Text(200, { description: 'Words in the title or summary' })),
  },
  { additionalProperties: false },
)
export type DecisionQuery = Static<typeof DecisionQuery>
