import { sql } from 'drizzle-orm'
import { type Db, queryRows, type Tx } from '../../client'

/**
 * Moves every pending rollup delta into the daily rollups, in one transaction (migration 0012,
 * docs/decisions/021). Readers see the same numbers before and after: they read rollups plus
 * pending deltas. Safe to run at any moment and from several processes at once (folds take turns
 * on an advisory lock; filings never wait for one). Meant for a periodic job; returns how many
 * delta rows it folded.
 */
export async function foldRollupDeltas(db: Db | Tx): Promise<number> {
  const [row] = await queryRows<{ folded: string | number }>(db, sql`select analytics_fold_rollup_deltas() as folded`)
  return Number(row?.folded ?? 0)
}

/** Delta rows not yet folded: how far behind the fold job is. */
export async function pendingRollupDeltas(db: Db | Tx): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from analytics_incident_deltas`)
  return row?.n ?? 0
}
