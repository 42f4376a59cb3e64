import { type Static, type TSchema, Type } from 'typebox'

export const Uuid = Type.String({ format: 'uuid', description: 'A uuid' })
/** Days this app can reason about: windows around a date stay four-digit years in both directions. */
export const EARLIEST_DAY = '1900-01-01'
export const LATEST_DAY = '2999-12-31'
/** A calendar day, 'YYYY-MM-DD', between EARLIEST_DAY and LATEST_DAY. */
export const DateOnly = Type.String({
  format: 'date',
  formatMinimum: EARLIEST_DAY,
  formatMaximum: LATEST_DAY,
  description: `A calendar day, YYYY-MM-DD, from ${EARLIEST_DAY} to ${LATEST_DAY}`,
  examples: ['2026-03-14'],
})
export const DateTime = Type.String({ format: 'date-time' })

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])

/** Bounded text: every free-text field has a limit so nobody stores a megabyte by accident. */
export const Text = (maxLength: number, options: { minLength?: number; description?: string } = {}) =>
  Type.String({ maxLength, ...options })

export const Title = Text(200, { minLength: 1, description: 'A short title' })
export const LongText = (description?: string) => Text(20_000, description ? { description } : {})

export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false })
export type IdParams = Static<typeof IdParams>

export const RowMeta = {
  id: Uuid,
  createdAt: DateTime,
  updatedAt: DateTime,
  version: Type.Integer({ minimum: 1, description: 'Send it back as If-Match when changing the row' }),
}

/** RFC 9457 problem details, as every error leaves the API. */
export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    instance: Type.Optional(Type.String()),
    errors: Type.Optional(
      Type.Array(Type.Object({ field: Type.String(), message: Type.String() }), {
        description: 'One entry per bad field',
      }),
    ),
  },
  { description: 'RFC 9457 problem details' },
)
export type Problem = Static<typeof Problem>

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 200, description: 'nextCursor of the previous page' })),
}

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    nextCursor: Nullable(Type.String({ description: 'Pass as cursor to get the next page; null on the last page' })),
  })
export interface Page<T> {
  items: T[]
  nextCursor: string | null
}
