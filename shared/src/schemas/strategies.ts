import { type Static, Type } from 'typebox'
import { strategyStatuses } from '../domain/vocabulary'
import { DateOnly, DateTime, LongText, Nullable, PageQuery, RowMeta, Title, Uuid } from './common'
import { StatedTradeoff, TradeoffInput } from './decisions'

const Tradeoffs = Type.Array(TradeoffInput, { minItems: 1, maxItems: 20 })
const Scope = Type.Array(Uuid, { maxItems: 500, uniqueItems: true, description: 'Teams it applies to; empty = whole org' })

export const Strategy = Type.Object({
  ...RowMeta,
  title: Title,
  context: Type.String(),
  ownerTeamId: Uuid,
  scopeTeamIds: Type.Array(Uuid),
  tradeoffs: Type.Array(StatedTradeoff),
  status: Type.Enum(strategyStatuses),
  publishedAt: Nullable(DateTime),
  reviewBy: DateOnly,
  supersedesId: Nullable(Uuid),
  revision: Type.Integer(),
  isStale: Type.Boolean({ description: 'Published and past its review date' }),
})
export type Strategy = Static<typeof Strategy>

export const NewStrategy = Type.Object(
  {
    title: Title,
    context: Type.Optional(LongText('Why: the context behind the priorities')),
    ownerTeamId: Uuid,
    scopeTeamIds: Type.Optional(Scope),
    tradeoffs: Tradeoffs,
    reviewBy: DateOnly,
  },
  { additionalProperties: false },
)
export type NewStrategy = Static<typeof NewStrategy>

/** Only drafts change in place; a published strategy is revised (POST /strategies/:id/revisions). */
export const StrategyChanges = Type.Object(
  {
    title: Type.Optional(Title),
    context: Type.Optional(LongText()),
    ownerTeamId: Type.Optional(Uuid),
    scopeTeamIds: Type.Optional(Scope),
    tradeoffs: Type.Optional(Tradeoffs),
    reviewBy: Type.Optional(DateOnly),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type StrategyChanges = Static<typeof StrategyChanges>

export const StrategyQuery = Type.Object(
  {
    ...PageQuery,
    status: Type.Optional(Type.Enum(strategyStatuses)),
    stale: Type.Optional(Type.Boolean()),
    ownerTeamId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
)
export type StrategyQuery = Static<typeof StrategyQuery>

/** Every revision in a strategy's lineage, oldest first. */
export const StrategyRevisions = Type.Object({ items: Type.Array(Strategy) })
export type StrategyRevisions = Static<typeof StrategyRevisions>
