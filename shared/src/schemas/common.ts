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
    total: Type.Optional(
      Type.Integer({ minimum: 0, description: 'How many items match these filters, on all pages (as this caller may see them)' }),
    ),
    isTotalCapped: Type.Optional(
      Type.Boolean({ description: 'true: counting stopped at total; at least that many match ("of 10,000+")' }),
    ),
  })
export interface Page<T> {
  items: T[]
  nextCursor: string | null
  total?: number
  isTotalCapped?: boolean
}

/**
 * A `sort` parameter over an allow-list of fields: `field` ascending, `-field` descending.
 * A cursor is only valid for the sort it was given out with (ADR 024).
 */
export const SortQuery = <const F extends readonly string[]>(fields: F, byDefault: string) =>
  Type.Optional(
    Type.Enum([...fields, ...fields.map((field) => `-${field}`)] as (F[number] | `-${F[number]}`)[], {
      description: `One of ${fields.join(', ')}; a leading - sorts descending (default ${byDefault})`,
    }),
  )
export interface SortOrder<F extends string> {
  field: F
  descending: boolean
}
/** '-weightedHarm' → { field: 'weightedHarm', descending: true } */
export function sortOrderOf<F extends string>(sort: F | `-${F}`): SortOrder<F> {
  return sort.startsWith('-') ? { field: sort.slice(1) as F, descending: true } : { field: sort as F, descending: false }
}
