import {
  isCompleteTradeoff,
  isStale,
  type NewStrategy,
  normalizeTradeoff,
  type Page,
  type PriorityTradeoff,
  type Strategy,
  type StrategyChanges,
  type StrategyQuery,
  utcDay,
} from '@misalign/shared'
import { and, asc, desc, eq, gte, inArray, lt, ne, or, type SQL, sql } from 'drizzle-orm'
import { type Db, queryRows, type Tx } from '../../client'
import { type StrategyRow, strategies } from '../../schema/index'
import { type Actor, diff, recordAudit, updateOrTransfer } from '../access/audit-repository'
import { assertTeamsExist } from '../access/team-references'
import { priorityLinker, type TradeoffWithPicks, toStatedTradeoff } from '../priorities/priority-links'
import { countUpTo } from '../support/count'
import { toPage } from '../support/cursor'
import { ConflictError, RuleViolationError, StaleVersionError } from '../support/errors'
import { beforeInDescending, decodeSortCursor, preciseInstant } from '../support/keyset'

/** Staleness is judged against the UTC calendar day, the same day for every reader. */
const today = () => utcDay(new Date())

export function toStrategy(row: StrategyRow, day: string = today()): Strategy {
  return {
    id: row.id,
    title: row.title,
    context: row.context,
    ownerTeamId: row.ownerTeamId,
    scopeTeamIds: row.scopeTeamIds,
    tradeoffs: row.tradeoffs.map(toStatedTradeoff),
    status: row.status,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    reviewBy: row.reviewBy,
    supersedesId: row.supersedesId,
    revision: row.revision,
    isStale: isStale(row, day),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  }
}

/**
 * Every tradeoff trimmed and complete (a strategy is made of whole "prefer X over Y, for Z"),
 * with the priorities its X and Y name.
 */
async function linkTradeoffs(
  tx: Tx,
  tradeoffs: readonly TradeoffWithPicks[],
  previous: readonly PriorityTradeoff[],
  actor: Actor,
): Promise<PriorityTradeoff[]> {
  const complete = tradeoffs.map((draft, i) => {
    const tradeoff = normalizeTradeoff(draft)
    if (!isCompleteTradeoff(tradeoff)) {
      throw new RuleViolationError(
        'Each tradeoff needs all three parts: what you prefer, over what, and for which goal',
        `tradeoffs.${i}`,
      )
    }
    return { ...tradeoff, preferPriorityId: draft.preferPriorityId, overPriorityId: draft.overPriorityId }
  })
  return priorityLinker(tx, actor).link(complete, previous, (i) => `tradeoffs.${i}`)
}

function filtersOf(query: StrategyQuery, day: string): (SQL | undefined)[] {
  const stale = and(eq(strategies.status, 'published'), lt(strategies.reviewBy, day))
  const fresh = or(ne(strategies.status, 'published'), gte(strategies.reviewBy, day))
  return [
    query.status ? eq(strategies.status, query.status) : undefined,
    query.ownerTeamId ? eq(strategies.ownerTeamId, query.ownerTeamId) : undefined,
    query.stale === undefined ? undefined : query.stale ? stale : fresh,
  ]
}

const revisePath = (id: string) => `POST /api/v1/strategies/${id}/revisions`

async function lock(tx: Tx, id: string): Promise<StrategyRow | undefined> {
  const [row] = await tx.select().from(strategies).where(eq(strategies.id, id)).for('update')
  return row
}

async function setStatus(tx: Tx, before: StrategyRow, status: StrategyRow['status'], actor: Actor, action: string) {
  const [after] = await tx
    .update(strategies)
    .set({
      status,
      ...(status === 'published' ? { publishedAt: new Date() } : {}),
      version: before.version + 1,
      updatedAt: new Date(),
    })
    .where(eq(strategies.id, before.id))
    .returning()
  if (!after) throw new Error('update returned no row')
  const strategy = toStrategy(after)
  await recordAudit(tx, {
    actor,
    action,
    entityType: 'strategy',
    entityId: before.id,
    changes: diff(toStrategy(before), strategy),
  })
  return strategy
}

export interface Published {
  published: Strategy
  /** The strategy this revision superseded, retired by the same publication. */
  retired?: Strategy
}

export function strategyRepository(db: Db) {
  return {
    async findById(id: string): Promise<Strategy | undefined> {
      const [row] = await db.select().from(strategies).where(eq(strategies.id, id))
      return row && toStrategy(row)
    },

    /** Newest first. createdAt never changes, so a page boundary stays put while strategies are edited. */
    async list(query: StrategyQuery): Promise<Page<Strategy>> {
      const limit = query.limit ?? 50
      const day = today()
      const after = decodeSortCursor(query.cursor, 'instant')
      const rows = await db
        .select({ row: strategies, sortKey: preciseInstant(strategies.createdAt) })
        .from(strategies)
        .where(
          and(
            ...filtersOf(query, day),
            after ? beforeInDescending(strategies.createdAt, strategies.id, after, 'instant') : undefined,
          ),
        )
        .orderBy(desc(strategies.createdAt), desc(strategies.id))
        .limit(limit + 1)
      const page = toPage(
        rows,
        limit,
        ({ row }) => toStrategy(row, day),
        ({ row, sortKey }) => [sortKey, row.id],
      )
      return { ...page, ...(await countUpTo(db, strategies, and(...filtersOf(query, day)))) }
    },

    /**
     * The whole lineage the strategy belongs to (first version to latest revision), oldest
     * first. Undefined when there is no such strategy.
     */
    async listRevisions(id: string): Promise<Strategy[] | undefined> {
      const lineage = await queryRows<{ id: string }>(
        db,
        sql`
          with recursive ancestors as (
            select id, supersedes_id from strategies where id = ${id}
            union
            select s.id, s.supersedes_id from strategies s join ancestors a on s.id = a.supersedes_id
          ), lineage as (
            select id from ancestors where supersedes_id is null
            union
            select s.id from strategies s join lineage l on s.supersedes_id = l.id
          ) select id from lineage`,
      )
      if (lineage.length === 0) return undefined
      const day = today()
      const rows = await db
        .select()
        .from(strategies)
        .where(
          inArray(
            strategies.id,
            lineage.map((row) => row.id),
          ),
        )
        .orderBy(asc(strategies.revision), asc(strategies.createdAt), asc(strategies.id))
      return rows.map((row) => toStrategy(row, day))
    },

    /** Always a draft at revision 1: publishing is its own step. */
    async create(input: NewStrategy, actor: Actor): Promise<Strategy> {
      return db.transaction(async (tx) => {
        const scopeTeamIds = input.scopeTeamIds ?? []
        await assertTeamsExist(tx, scopeTeamIds, 'scopeTeamIds')
        const [row] = await tx
          .insert(strategies)
          .values({
            title: input.title,
            context: input.context ?? '',
            ownerTeamId: input.ownerTeamId,
            scopeTeamIds,
            tradeoffs: await linkTradeoffs(tx, input.tradeoffs, [], actor),
            reviewBy: input.reviewBy,
          })
          .returning()
        if (!row) throw new Error('insert returned no row')
        const strategy = toStrategy(row)
        await recordAudit(tx, { actor, action: 'create', entityType: 'strategy', entityId: row.id, changes: diff({}, strategy) })
        return strategy
      })
    },

    /** Only a draft changes in place; published strategies keep their words and get revisions. */
    async update(id: string, expectedVersion: number, changes: StrategyChanges, actor: Actor): Promise<Strategy | undefined> {
      return db.transaction(async (tx) => {
        const before = await lock(tx, id)
        if (!before) return undefined
        // The status comes first: reloading cannot make a published strategy editable.
        if (before.status === 'published') {
          throw new ConflictError(`A published strategy is revised, not overwritten: ${revisePath(id)}`)
        }
        if (before.status === 'retired') {
          throw new ConflictError(
            'A retired strategy is kept as it was: revise the strategy that replaced it, or create a new one',
          )
        }
        if (before.version !== expectedVersion) throw new StaleVersionError('strategy', before.version)
        if (changes.scopeTeamIds) await assertTeamsExist(tx, changes.scopeTeamIds, 'scopeTeamIds')
        const [after] = await tx
          .update(strategies)
          .set({
            ...changes,
            ...(changes.tradeoffs ? { tradeoffs: await linkTradeoffs(tx, changes.tradeoffs, before.tradeoffs, actor) } : {}),
            version: before.version + 1,
            updatedAt: new Date(),
          })
          .where(eq(strategies.id, id))
          .returning()
        if (!after) throw new Error('update returned no row')
        const strategy = toStrategy(after)
        await recordAudit(tx, {
          actor,
          action: updateOrTransfer(before.ownerTeamId, after.ownerTeamId),
          entityType: 'strategy',
          entityId: id,
          changes: diff(toStrategy(before), strategy),
        })
        return strategy
      })
    },

    /**
     * Publishing a revision retires the strategy it supersedes, in the same transaction; the
     * answer names the one it retired, if any, so the caller can say so.
     */
    async publish(id: string, expectedVersion: number, actor: Actor): Promise<Published | undefined> {
      return db.transaction(async (tx) => {
        const before = await lock(tx, id)
        if (!before) return undefined
        if (before.version !== expectedVersion) throw new StaleVersionError('strategy', before.version)
        if (before.status === 'published') throw new ConflictError('This strategy is already published')
        if (before.status === 'retired') {
          throw new ConflictError(
            'A retired strategy is not published again: revise the strategy that replaced it, or create a new one',
          )
        }
        const published = await setStatus(tx, before, 'published', actor, 'publish')
        const previous = before.supersedesId ? await lock(tx, before.supersedesId) : undefined
        const retired = previous?.status === 'published' ? await setStatus(tx, previous, 'retired', actor, 'retire') : undefined
        return { published, retired }
      })
    },

    /** A new draft copying a published strategy, one revision up; one open draft at a time. */
    async revise(id: string, actor: Actor): Promise<Strategy | undefined> {
      return db.transaction(async (tx) => {
        const source = await lock(tx, id)
        if (!source) return undefined
        if (source.status === 'draft') {
          throw new ConflictError(
            `A draft is changed in place (PATCH /api/v1/strategies/${id}); only a published strategy is revised`,
          )
        }
        if (source.status === 'retired') {
          throw new ConflictError('A retired strategy is not revised: revise the strategy that replaced it, or create a new one')
        }
        const [open] = await tx
          .select({ id: strategies.id })
          .from(strategies)
          .where(and(eq(strategies.supersedesId, id), eq(strategies.status, 'draft')))
        if (open) {
          throw new ConflictError(`This strategy already has a draft revision (${open.id}): change or publish that one`)
        }
        const [row] = await tx
          .insert(strategies)
          .values({
            title: source.title,
            context: source.context,
            ownerTeamId: source.ownerTeamId,
            scopeTeamIds: source.scopeTeamIds,
            tradeoffs: source.tradeoffs,
            reviewBy: source.reviewBy,
            supersedesId: source.id,
            revision: source.revision + 1,
          })
          .returning()
        if (!row) throw new Error('insert returned no row')
        const strategy = toStrategy(row)
        await recordAudit(tx, { actor, action: 'revise', entityType: 'strategy', entityId: row.id, changes: diff({}, strategy) })
        return strategy
      })
    },

    async retire(id: string, expectedVersion: number, actor: Actor): Promise<Strategy | undefined> {
      return db.transaction(async (tx) => {
        const before = await lock(tx, id)
        if (!before) return undefined
        if (before.version !== expectedVersion) throw new StaleVersionError('strategy', before.version)
        if (before.status === 'retired') throw new ConflictError('This strategy is already retired')
        if (before.status === 'draft') {
          throw new ConflictError('Only a published strategy is retired; a draft was never relied on, so change it instead')
        }
        return setStatus(tx, before, 'retired', actor, 'retire')
      })
    },
  }
}

export type StrategyRepository = ReturnType<typeof strategyRepository>
