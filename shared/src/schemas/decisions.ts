import { type Static, Type } from 'typebox'
import { decisionStatuses } from '../domain/vocabulary'
import { DateOnly, LongText, Nullable, PageQuery, RowMeta, SortQuery, Text, Title, Uuid } from './common'

export const TradeoffSchema = Type.Object(
  {
    prefer: Text(300, { minLength: 1, description: 'What we prefer (X)' }),
    over: Text(300, { minLength: 1, description: 'What we give up for it (Y)' }),
    forGoal: Text(300, { minLength: 1, description: 'The goal the preference serves (Z)' }),
  },
  { additionalProperties: false, description: 'we prefer X over Y, for goal Z' },
)

/**
 * A tradeoff as written to a decision or strategy: X and Y may name their priorities. Without
 * an id the words are matched against the register and the match is kept as a suggestion for
 * a person to confirm (docs/decisions/015-priorities-register.md).
 */
export const TradeoffInput = Type.Object(
  {
    ...TradeoffSchema.properties,
    preferPriorityId: Type.Optional(Uuid),
    overPriorityId: Type.Optional(Uuid),
  },
  { additionalProperties: false, description: 'we prefer X over Y, for goal Z; X and Y picked from the priorities register' },
)
export type TradeoffInput = Static<typeof TradeoffInput>

/** A stored tradeoff with the priorities it picked. */
export const StatedTradeoff = Type.Object({
  ...TradeoffSchema.properties,
  preferPriorityId: Nullable(Uuid),
  overPriorityId: Nullable(Uuid),
  prioritiesConfirmed: Type.Boolean({
    description: 'false: the priorities were suggested from the words and nobody has confirmed them yet',
  }),
})
export type StatedTradeoff = Static<typeof StatedTradeoff>

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
  tradeoff: Nullable(StatedTradeoff),
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
    tradeoff: Type.Optional(Nullable(TradeoffInput)),
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
    tradeoff: Type.Optional(Nullable(TradeoffInput)),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type DecisionChanges = Static<typeof DecisionChanges>

export const decisionSortFields = ['decidedAt', 'title'] as const
export type DecisionSortField = (typeof decisionSortFields)[number]

export const DecisionQuery = Type.Object(
  {
    ...PageQuery,
    sort: SortQuery(decisionSortFields, '-decidedAt, most recently decided first'),
    owningTeamId: Type.Optional(Uuid),
    status: Type.Optional(Type.Enum(decisionStatuses)),
    decisionClass: Type.Optional(Type.Enum(['agreement', 'strategy_bearing'])),
    q: Type.Optional(Text(200, { description: 'Words in the title or summary' })),
  },
  { additionalProperties: false },
)
export type DecisionQuery = Static<typeof DecisionQuery>
