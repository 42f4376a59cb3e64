import { type IncidentQuery, type IncidentSortField, isCalendarDate, sortOrderOf } from '@misalign/shared'
import { asc, desc, type SQL, sql } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import { incidents } from '../../schema/index'
import { decodeCursor, InvalidCursorError } from '../support/cursor'

/**
 * Sorting and keyset paging of the incident list. Every order ends on the incident number, which
 * is unique, so (sort value, number) is a total order and a cursor names one place in it.
 * The default order (newest first) keeps its old cursor, [number]; any other order's cursor
 * carries its sort, [sort, value, number], and is refused under another sort (ADR 024).
 */
const columns: Record<IncidentSortField, { column: AnyPgColumn; kind: 'number' | 'day' }> = {
  number: { column: incidents.number, kind: 'number' },
  discoveredAt: { column: incidents.discoveredAt, kind: 'day' },
  weightedHarm: { column: incidents.weightedHarm, kind: 'number' },
}
const DEFAULT_SORT = '-number'

export interface IncidentOrder {
  orderBy: SQL[]
  after: SQL | undefined
  cursorOf: (row: {
    number: number
    discoveredAt: string
    weightedHarm: number | null
    harm: number
    surprise: number
  }) => (string | number)[]
}

export function incidentOrder(query: Pick<IncidentQuery, 'sort' | 'cursor'>): IncidentOrder {
  const sort = query.sort ?? DEFAULT_SORT
  const { field, descending } = sortOrderOf<IncidentSortField>(sort)
  const direction = descending ? desc : asc
  const compare = descending ? sql.raw('<') : sql.raw('>')
  const { column, kind } = columns[field]
  const sortValueOf = (row: Parameters<IncidentOrder['cursorOf']>[0]): string | number =>
    field === 'number' ? row.number : field === 'discoveredAt' ? row.discoveredAt : (row.weightedHarm ?? row.harm * row.surprise)

  if (field === 'number') {
    const after = sort === DEFAULT_SORT ? decodeCursor(query.cursor, ['number'] as const) : sortedCursor(query.cursor, sort, kind)
    const last = after === undefined ? undefined : after.length === 1 ? after[0] : after[2]
    return {
      orderBy: [direction(incidents.number)],
      after: last === undefined ? undefined : sql`${incidents.number} ${compare} ${last}`,
      cursorOf: (row) => (sort === DEFAULT_SORT ? [row.number] : [sort, row.number, row.number]),
    }
  }
  const after = sortedCursor(query.cursor, sort, kind)
  const cast = kind === 'day' ? sql.raw('::date') : sql.raw('::int')
  return {
    orderBy: [direction(column), direction(incidents.number)],
    after: after ? sql`(${column}, ${incidents.number}) ${compare} (${after[1]}${cast}, ${after[2]}::int)` : undefined,
    cursorOf: (row) => [sort, sortValueOf(row), row.number],
  }
}

function sortedCursor(
  cursor: string | undefined,
  sort: string,
  kind: 'number' | 'day',
): [string, string | number, number] | undefined {
  const decoded = decodeCursor(cursor, ['string', kind === 'day' ? 'string' : 'number', 'number'] as const)
  if (!decoded) return undefined
  const [givenFor, value] = decoded
  if (givenFor !== sort) throw new InvalidCursorError()
  if (kind === 'day' && (typeof value !== 'string' || !isCalendarDate(value))) throw new InvalidCursorError()
  return decoded as [string, string | number, number]
}
