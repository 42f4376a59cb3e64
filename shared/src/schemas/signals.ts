import { type Static, Type } from 'typebox'
import { signalKinds } from '../domain/vocabulary'
import { DateOnly, Nullable, PageQuery, Text, Uuid } from './common'

/**
 * What is worth counting but is not an incident: a near miss (a surprise without harm) or an
 * autonomy win ("we decided on our own thanks to strategy S"). Counted apart, never mixed in.
 * No reporter and no filing time are ever returned: a near miss noted from an anonymous report
 * must stay anonymous, and an exact time could be matched to a person.
 */
export const Signal = Type.Object({
  id: Uuid,
  kind: Type.Enum(signalKinds),
  teamId: Uuid,
  strategyId: Nullable(Uuid),
  note: Type.String(),
  occurredAt: DateOnly,
})
export type Signal = Static<typeof Signal>

export const NewSignal = Type.Object(
  {
    kind: Type.Enum(signalKinds),
    teamId: Uuid,
    strategyId: Type.Optional(Nullable(Uuid)),
    note: Text(5_000, { minLength: 1, description: 'What happened, in a sentence or two' }),
    occurredAt: DateOnly,
    anonymous: Type.Optional(Type.Boolean({ default: false, description: 'Keep no link to who noted it' })),
  },
  { additionalProperties: false },
)
export type NewSignal = Static<typeof NewSignal>

export const SignalQuery = Type.Object(
  { ...PageQuery, kind: Type.Optional(Type.Enum(signalKinds)), teamId: Type.Optional(Uuid) },
  { additionalProperties: false },
)
export type SignalQuery = Static<typeof SignalQuery>
