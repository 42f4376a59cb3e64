import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Db, Tx } from '../../client'
import { decisions, strategyGapDecisions } from '../../schema/index'
import type { Actor } from '../access/audit-repository'
import { RuleViolationError } from '../support/errors'

/*
 * The decisions behind each gap (`decisionIds`), in the order they were named. Queries only:
 * the caller holds the gap's row lock and writes the audit entry.
 */

/** Gap id → its decision ids, oldest link first; every asked gap has an entry. */
export async function decisionIdsOf(q: Db | Tx, gapIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map(gapIds.map((id) => [id, [] as string[]]))
  if (gapIds.length === 0) return out
  const links = await q
    .select({ gapId: strategyGapDecisions.gapId, decisionId: strategyGapDecisions.decisionId })
    .from(strategyGapDecisions)
    .where(inArray(strategyGapDecisions.gapId, [...gapIds]))
    .orderBy(asc(strategyGapDecisions.createdAt), asc(strategyGapDecisions.decisionId))
  for (const link of links) out.get(link.gapId)?.push(link.decisionId)
  return out
}

/** Refuses, before anything is written, decision ids that name no decision. */
async function assertDecisionsExist(tx: Tx, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return
  const found = await tx
    .select({ id: decisions.id })
    .from(decisions)
    .where(inArray(decisions.id, [...ids]))
  const known = new Set(found.map((d) => d.id))
  const missing = ids.filter((id) => !known.has(id))
  if (missing.length)
    throw new RuleViolationError(`No decision ${missing.join(', ')}: pick decisions from the register`, 'decisionIds')
}

/** Puts decisions behind the gap; returns those that were not behind it already. */
export async function linkDecisions(tx: Tx, gapId: string, ids: readonly string[], actor: Actor): Promise<string[]> {
  if (ids.length === 0) return []
  await assertDecisionsExist(tx, ids)
  const added = await tx
    .insert(strategyGapDecisions)
    .values(ids.map((decisionId) => ({ gapId, decisionId, linkedById: actor.id })))
    .onConflictDoNothing()
    .returning({ decisionId: strategyGapDecisions.decisionId })
  return added.map((a) => a.decisionId)
}

/** Takes decisions from behind the gap; returns those that were behind it. */
export async function unlinkDecisions(tx: Tx, gapId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return []
  const removed = await tx
    .delete(strategyGapDecisions)
    .where(and(eq(strategyGapDecisions.gapId, gapId), inArray(strategyGapDecisions.decisionId, [...ids])))
    .returning({ decisionId: strategyGapDecisions.decisionId })
  return removed.map((r) => r.decisionId)
}

/** Makes the gap's decisions exactly `ids`, keeping the links (and their order) of those that stay. */
export async function replaceDecisions(tx: Tx, gapId: string, ids: readonly string[], actor: Actor): Promise<void> {
  const current = (await decisionIdsOf(tx, [gapId])).get(gapId) ?? []
  const wanted = new Set(ids)
  await unlinkDecisions(
    tx,
    gapId,
    current.filter((id) => !wanted.has(id)),
  )
  await linkDecisions(
    tx,
    gapId,
    ids.filter((id) => !current.includes(id)),
    actor,
  )
}
