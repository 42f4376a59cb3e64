import { type DecisionQuery, type DecisionSortField, isCalendarDate, sortOrderOf } from '@misalign/shared'
import { asc, desc, type SQL, sql } from 'drizzle-orm'
import { decisions } from '../../schema/index'
import { decodeCursor, InvalidCursorError } from '../support/cursor'
import { beforeInDescending, decodeSortCursor, uuidShape } from '../support/keyset'

const DEFAULT_SORT = '-decidedAt'

export interface DecisionOrder {
  orderBy: SQL[]
  after: SQL | undefined
  cursorOf: (row: { decidedAt: string; title: string; id: string }) => string[]
}

/**
 * (sort value, id) keysets for the decision register. The default order keeps the cursor it always
 * had, [decidedAt, id]; other orders tag theirs with the sort, so a cursor cannot be replayed under
 * another order and silently skip rows (ADR 024).
 */
export function decisionOrder(query: Pick<DecisionQuery, 'sort' | 'cursor'>): DecisionOrder {
  const sort = query.sort ?? DEFAULT_SORT
  if (sort === DEFAULT_SORT) {
    const after = decodeSortCursor(query.cursor, 'day')
    return {
      orderBy: [desc(decisions.decidedAt), desc(decisions.id)],
      after: after ? beforeInDescending(decisions.decidedAt, decisions.id, after, 'day') : undefined,
      cursorOf: (row) => [row.decidedAt, row.id],
    }
  }
  const { field, descending } = sortOrderOf<DecisionSortField>(sort)
  const column = field === 'decidedAt' ? decisions.decidedAt : decisions.title
  const direction = descending ? desc : asc
  const compare = sql.raw(descending ? '<' : '>')
  const after = decodeCursor(query.cursor, ['string', 'string', 'string'] as const)
  if (after) {
    const [givenFor, value, id] = after
    if (givenFor !== sort || !uuidShape.test(id) || (field === 'decidedAt' && !isCalendarDate(value))) {
      throw new InvalidCursorError()
    }
  }
  // Titles compare byte-wise (collate "C") so the keyset and the ORDER BY agree on every server.
  const key = field === 'title' ? sql`${column} collate "C"` : column
  const cast = sql.raw(field === 'decidedAt' ? '::date' : '')
  return {
    orderBy: [direction(key), direction(decisions.id)],
    after: after ? sql`(${key}, ${decisions.id}) ${compare} (${after[1]}${cast}, ${after[2]}::uuid)` : undefined,
    cursorOf: (row) => [sort, field === 'decidedAt' ? row.decidedAt : row.title, row.id],
  }
}
