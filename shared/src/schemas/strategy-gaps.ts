import { type Static, Type } from 'typebox'
import { defaultVerificationWeeks } from '../domain/gap-lifecycle'
import { gapStatuses } from '../domain/vocabulary'
import { DateTime, LongText, Nullable, PageQuery, RowMeta, Text, Title, Uuid } from './common'

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
})
export type StrategyGap = Static<typeof StrategyGap>

export const NewStrategyGap = Type.Object(
  {
    title: Title,
    description: Type.Optional(LongText('What context was missing')),
    ownerId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false },
)
export type NewStrategyGap = Static<typeof NewStrategyGap>

export const StrategyGapChanges = Type.Object(
  { title: Type.Optional(Title), description: Type.Optional(LongText()), ownerId: Type.Optional(Nullable(Uuid)) },
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
