import type { Database } from '@misalign/db'

/**
 * Plain SQL against the test database, for what no endpoint does: moving a timestamp back to
 * stand in for weeks passing.
 */
export async function runSql<T = Record<string, unknown>>(
  database: Database,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const result =
    database.raw.kind === 'postgres' ? await database.raw.pool.query(text, params) : await database.raw.client.query(text, params)
  return result.rows as T[]
}
