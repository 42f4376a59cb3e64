import { type Static, Type } from 'typebox'
import { DateTime, Nullable, PageQuery, RowMeta, Text, Uuid } from './common'

const PriorityName = Text(120, { minLength: 1, description: 'What the org may prefer, as most people say it' })
const Aliases = Type.Array(Text(120, { minLength: 1 }), {
  maxItems: 50,
  description: 'Other words people use for it ("data minimisation" for "privacy by default")',
})
const Description = Text(2000, { description: 'What it means, so people pick the right one' })

export const Priority = Type.Object({
  ...RowMeta,
  name: Type.String(),
  aliases: Type.Array(Type.String()),
  description: Type.String(),
})
export type Priority = Static<typeof Priority>

export const NewPriority = Type.Object(
  { name: PriorityName, aliases: Type.Optional(Aliases), description: Type.Optional(Description) },
  { additionalProperties: false },
)
export type NewPriority = Static<typeof NewPriority>

export const PriorityChanges = Type.Object(
  { name: Type.Optional(PriorityName), aliases: Type.Optional(Aliases), description: Type.Optional(Description) },
  { additionalProperties: false, minProperties: 1 },
)
export type PriorityChanges = Static<typeof PriorityChanges>

export const PriorityQuery = Type.Object(
  { ...PageQuery, q: Type.Optional(Text(200, { description: 'Part of a name or an alias' })) },
  { additionalProperties: false },
)
export type PriorityQuery = Static<typeof PriorityQuery>

export const PriorityPage = Type.Object({
  items: Type.Array(Priority),
  nextCursor: Nullable(Type.String({ description: 'Pass as cursor to get the next page; null on the last page' })),
  total: Type.Integer({ minimum: 0, description: 'Priorities matching the query, on every page' }),
})
export type PriorityPage = Static<typeof PriorityPage>

export const PrioritySuggestionQuery = Type.Object(
  { text: Text(300, { minLength: 1, description: 'The words typed for X or Y' }) },
  { additionalProperties: false },
)
export type PrioritySuggestionQuery = Static<typeof PrioritySuggestionQuery>

export const PrioritySuggestions = Type.Object({
  items: Type.Array(
    Type.Object({
      priority: Priority,
      kind: Type.Enum(['exact', 'close'], { description: 'exact: a name or alias; close: a near spelling' }),
      matched: Type.String({ description: 'The name or alias that matched' }),
      score: Type.Number({ minimum: 0, maximum: 1 }),
    }),
  ),
})
export type PrioritySuggestions = Static<typeof PrioritySuggestions>

export const tradeoffHolderKinds = ['decision', 'strategy'] as const

export const TradeoffToConfirm = Type.Object({
  holderKind: Type.Enum(tradeoffHolderKinds),
  holderId: Uuid,
  holderTitle: Type.String(),
  holderVersion: Type.Integer({ description: 'Send it back as If-Match when confirming' }),
  tradeoffIndex: Type.Integer({ minimum: 0, description: 'Which of the holder’s tradeoffs (0 for a decision)' }),
  prefer: Type.String(),
  over: Type.String(),
  forGoal: Type.String(),
  preferPriorityId: Nullable(Uuid),
  overPriorityId: Nullable(Uuid),
  preferPriorityName: Nullable(Type.String({ description: 'The suggested priority’s name' })),
  overPriorityName: Nullable(Type.String()),
  updatedAt: DateTime,
})
export type TradeoffToConfirm = Static<typeof TradeoffToConfirm>

export const TradeoffsToConfirmPage = Type.Object({
  items: Type.Array(TradeoffToConfirm),
  nextCursor: Nullable(Type.String()),
  total: Type.Integer({ minimum: 0 }),
})
export type TradeoffsToConfirmPage = Static<typeof TradeoffsToConfirmPage>

export const TradeoffConfirmation = Type.Object(
  {
    holderKind: Type.Enum(tradeoffHolderKinds),
    holderId: Uuid,
    tradeoffIndex: Type.Integer({ minimum: 0, maximum: 19 }),
    preferPriorityId: Uuid,
    overPriorityId: Uuid,
  },
  { additionalProperties: false },
)
export type TradeoffConfirmation = Static<typeof TradeoffConfirmation>
