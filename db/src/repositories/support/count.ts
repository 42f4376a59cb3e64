import { count, type SQL, sql } from 'drizzle-orm'
import type { PgTable } from 'drizzle-orm/pg-core'
import type { Db } from '../../client'

/**
 * Lists count at most this many matches. Past it a list says "of 10,000+": an exact count of
 * 100k visible rows costs 20–50 ms a page (measured, ADR 024), and nobody pages that far.
 */
export const TOTAL_CAP = 10_000

export interface Total {
  total: number
  isTotalCapped?: true
}

/** How many rows of `table` match `where`, stopping at TOTAL_CAP. */
export async function countUpTo(db: Db, table: PgTable, where: SQL | undefined): Promise<Total> {
  const matching = db
    .select({ one: sql`1` })
    .from(table)
    .where(where)
    .limit(TOTAL_CAP + 1)
    .as('matching')
  const [row] = await db.select({ total: count() }).from(matching)
  const total = row?.total ?? 0
  return total > TOTAL_CAP ? { total: TOTAL_CAP, isTotalCapped: true } : { total }
}
