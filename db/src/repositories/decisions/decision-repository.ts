import {
  type Decision,
  type DecisionChanges,
  type DecisionQuery,
  decisionClass,
  isCompleteTradeoff,
  type NewDecision,
  normalizeTradeoff,
  type Page,
  type PriorityTradeoff,
  type TradeoffDraft,
} from '@misalign/shared'
import { and, eq, ilike, inArray, isNotNull, isNull, or, type SQL } from 'drizzle-orm'
import type { Db, Tx } from '../../client'
import { type DecisionRow, decisions } from '../../schema/index'
import { type Actor, diff, recordAudit, updateOrTransfer } from '../access/audit-repository'
import { assertTeamsExist } from '../access/team-references'
import { priorityLinker, type TradeoffWithPicks, toStatedTradeoff } from '../priorities/priority-links'
import { countUpTo } from '../support/count'
import { toPage } from '../support/cursor'
import { RuleViolationError, StaleVersionError } from '../support/errors'
import { decisionOrder } from './decision-list'

function storedTradeoff(row: DecisionRow): PriorityTradeoff | null {
  const { tradeoffPrefer: prefer, tradeoffOver: over, tradeoffForGoal: forGoal } = row
  if (prefer === null || over === null || forGoal === null) return null
  return {
    prefer,
    over,
    forGoal,
    preferPriorityId: row.tradeoffPreferPriorityId,
    overPriorityId: row.tradeoffOverPriorityId,
    prioritiesConfirmed: row.tradeoffPrioritiesConfirmed,
  }
}

export function toDecision(row: DecisionRow): Decision {
  const stored = storedTradeoff(row)
  const tradeoff = stored && toStatedTradeoff(stored)
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    owningTeamId: row.owningTeamId,
    decidedAt: row.decidedAt,
    link: row.link,
    status: row.status,
    supersededById: row.supersededById,
    sharedWithTeamIds: row.sharedWithTeamIds,
    tradeoff,
    decisionClass: decisionClass({ tradeoff }),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  }
}

/**
 * The three tradeoff columns: all set or all null, so "agreement" is simply "no tradeoff" in
 * SQL too. A blank tradeoff is no tradeoff; a partly blank one is refused, since half a why is
 * no why and would read as strategy-bearing while telling partner teams nothing.
 */
async function tradeoffColumns(
  tx: Tx,
  draft: (TradeoffDraft & Partial<TradeoffWithPicks>) | null,
  before: DecisionRow | undefined,
  actor: Actor,
) {
  const tradeoff = normalizeTradeoff(draft)
  if (tradeoff === null) {
    return {
      tradeoffPrefer: null,
      tradeoffOver: null,
      tradeoffForGoal: null,
      tradeoffPreferPriorityId: null,
      tradeoffOverPriorityId: null,
      tradeoffPrioritiesConfirmed: false,
    }
  }
  if (!isCompleteTradeoff(tradeoff)) {
    throw new RuleViolationError(
      'A tradeoff needs all three parts (what you prefer, over what, for which goal), or none at all',
      'tradeoff',
    )
  }
  const previous = before && storedTradeoff(before)
  const [linked] = await priorityLinker(tx, actor).link(
    [{ ...tradeoff, preferPriorityId: draft?.preferPriorityId, overPriorityId: draft?.overPriorityId }],
    previous ? [previous] : [],
    () => 'tradeoff',
  )
  if (!linked) throw new Error('linking returned no tradeoff')
  return {
    tradeoffPrefer: tradeoff.prefer,
    tradeoffOver: tradeoff.over,
    tradeoffForGoal: tradeoff.forGoal,
    tradeoffPreferPriorityId: linked.preferPriorityId ?? null,
    tradeoffOverPriorityId: linked.overPriorityId ?? null,
    tradeoffPrioritiesConfirmed: linked.prioritiesConfirmed === true,
  }
}

/** `ilike` pattern that matches the word literally: %, _ and \ lose their wildcard meaning. */
function containsPattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

function filtersOf(query: DecisionQuery): (SQL | undefined)[] {
  const words = query.q?.trim().split(/\s+/).filter(Boolean) ?? []
  return [
    query.owningTeamId ? eq(decisions.owningTeamId, query.owningTeamId) : undefined,
    query.status ? eq(decisions.status, query.status) : undefined,
    query.decisionClass === 'agreement' ? isNull(decisions.tradeoffPrefer) : undefined,
    query.decisionClass === 'strategy_bearing' ? isNotNull(decisions.tradeoffPrefer) : undefined,
    // Every word must appear, in the title or the summary.
    ...words.map((word) => or(ilike(decisions.title, containsPattern(word)), ilike(decisions.summary, containsPattern(word)))),
  ]
}

export function decisionRepository(db: Db) {
  return {
    async findById(id: string): Promise<Decision | undefined> {
      const [row] = await db.select().from(decisions).where(eq(decisions.id, id))
      return row && toDecision(row)
    },

    /** The decision locked until the caller's transaction ends, to judge a change against it. */
    async lockById(id: string): Promise<Decision | undefined> {
      const [row] = await db.select().from(decisions).where(eq(decisions.id, id)).for('update')
      return row && toDecision(row)
    },

    /** Decisions imported before (an ADR file's key, docs/decisions/039), by that key. */
    async findByExternalRefs(refs: string[]): Promise<{ externalRef: string; decision: Decision }[]> {
      if (refs.length === 0) return []
      const rows = await db.select().from(decisions).where(inArray(decisions.externalRef, refs))
      return rows.map((row) => ({ externalRef: row.externalRef ?? '', decision: toDecision(row) }))
    },

    /** Most recently decided first unless asked otherwise; ties (one day, many decisions) broken by id. */
    async list(query: DecisionQuery): Promise<Page<Decision>> {
      const limit = query.limit ?? 50
      const order = decisionOrder(query)
      const rows = await db
        .select()
        .from(decisions)
        .where(and(...filtersOf(query), order.after))
        .orderBy(...order.orderBy)
        .limit(limit + 1)
      const page = toPage(rows, limit, toDecision, order.cursorOf)
      return { ...page, ...(await countUpTo(db, decisions, and(...filtersOf(query)))) }
    },

    async create(input: NewDecision & { externalRef?: string }, actor: Actor): Promise<Decision> {
      return db.transaction(async (tx) => {
        const sharedWithTeamIds = input.sharedWithTeamIds ?? []
        await assertTeamsExist(tx, sharedWithTeamIds, 'sharedWithTeamIds')
        const [row] = await tx
          .insert(decisions)
          .values({
            title: input.title,
            summary: input.summary ?? '',
            owningTeamId: input.owningTeamId,
            decidedAt: input.decidedAt,
            link: input.link ?? null,
            externalRef: input.externalRef ?? null,
            sharedWithTeamIds,
            ...(await tradeoffColumns(tx, input.tradeoff ?? null, undefined, actor)),
          })
          .returning()
        if (!row) throw new Error('insert returned no row')
        const decision = toDecision(row)
        await recordAudit(tx, { actor, action: 'create', entityType: 'decision', entityId: row.id, changes: diff({}, decision) })
        return decision
      })
    },

    /** `tradeoff: null` removes the tradeoff, turning the decision back into an agreement. */
    async update(
      id: string,
      expectedVersion: number,
      changes: DecisionChanges & { externalRef?: string },
      actor: Actor,
    ): Promise<Decision | undefined> {
      return db.transaction(async (tx) => {
        const [before] = await tx.select().from(decisions).where(eq(decisions.id, id)).for('update')
        if (!before) return undefined
        if (before.version !== expectedVersion) throw new StaleVersionError('decision', before.version)
        const { tradeoff, ...rest } = changes
        if (changes.sharedWithTeamIds) await assertTeamsExist(tx, changes.sharedWithTeamIds, 'sharedWithTeamIds')
        const [after] = await tx
          .update(decisions)
          .set({
            ...rest,
            ...(tradeoff === undefined ? {} : await tradeoffColumns(tx, tradeoff, before, actor)),
            version: before.version + 1,
            updatedAt: new Date(),
          })
          .where(eq(decisions.id, id))
          .returning()
        if (!after) throw new Error('update returned no row')
        const decision = toDecision(after)
        await recordAudit(tx, {
          actor,
          action: updateOrTransfer(before.owningTeamId, after.owningTeamId),
          entityType: 'decision',
          entityId: id,
          changes: diff(toDecision(before), decision),
        })
        return decision
      })
    },
  }
}

export type DecisionRepository = ReturnType<typeof decisionRepository>
