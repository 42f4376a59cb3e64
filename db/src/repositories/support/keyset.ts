import { isCalendarDate } from '@misalign/shared'
import { type SQL, sql } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import { decodeCursor, InvalidCursorError } from './cursor'

export const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const instantShape = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/
const shapes = {
  day: (value: string) => isCalendarDate(value),
  instant: (value: string) => instantShape.test(value) && !Number.isNaN(Date.parse(value)),
}
const casts = { day: sql`::date`, instant: sql`::timestamptz` }

export type SortKind = keyof typeof shapes

/**
 * An instant as text with all six fractional digits. A JS Date keeps only milliseconds, and a
 * cursor that dropped the rest would skip rows created within the same millisecond.
 */
export const preciseInstant = (column: AnyPgColumn) =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`

/** A [sort value, id] cursor, checked for shape so a doctored one is a 400, not a database error. */
export function decodeSortCursor(cursor: string | undefined, kind: SortKind): [string, string] | undefined {
  const after = decodeCursor(cursor, ['string', 'string'] as const)
  if (!after) return undefined
  if (!shapes[kind](after[0]) || !uuidShape.test(after[1])) throw new InvalidCursorError()
  return [after[0], after[1]]
}

/** Rows after the cursor in (sort desc, id desc) order. */
export function beforeInDescending(sortColumn: AnyPgColumn, idColumn: AnyPgColumn, after: [string, string], kind: SortKind): SQL {
  return sql`(${sortColumn}, ${idColumn}) < (${after[0]}${casts[kind]}, ${after[1]}::uuid)`
}
