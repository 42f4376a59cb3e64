import { inArray } from 'drizzle-orm'
import type { Tx } from '../../client'
import { teams } from '../../schema/index'
import { RuleViolationError } from '../support/errors'

/**
 * Arrays of team ids (an audience, a scope) have no foreign key, so they are checked here: a
 * typo would otherwise be stored and silently match nothing.
 */
export async function assertTeamsExist(tx: Tx, ids: readonly string[], field: string): Promise<void> {
  if (ids.length === 0) return
  const found = await tx
    .select({ id: teams.id })
    .from(teams)
    .where(inArray(teams.id, [...ids]))
  const known = new Set(found.map((row) => row.id.toLowerCase()))
  const missing = ids.filter((id) => !known.has(id.toLowerCase()))
  if (missing.length > 0) {
    const list = missing.slice(0, 3).join(', ') + (missing.length > 3 ? ', …' : '')
    throw new RuleViolationError(
      `${field} names ${missing.length === 1 ? 'a team that does' : 'teams that do'} not exist: ${list}`,
      field,
    )
  }
}
