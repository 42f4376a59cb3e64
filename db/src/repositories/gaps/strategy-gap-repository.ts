import {
  defaultVerificationWeeks,
  type GapTransitionBody,
  type NewStrategyGap,
  type Page,
  type StrategyGap,
  type StrategyGapChanges,
  type StrategyGapQuery,
  utcDay,
  verificationOutlook,
} from '@misalign/shared'
import { and, desc, eq, gte, inArray, isNull, type SQL, sql } from 'drizzle-orm'
import type { Db, Tx } from '../../client'
import { incidents, type StrategyGapRow, strategies, strategyGaps } from '../../schema/index'
import { type Actor, diff, recordAudit } from '../access/audit-repository'
import { type IncidentViewer, isMine, visibleTo } from '../incidents/incident-visibility'
import { countUpTo } from '../support/count'
import { toPage } from '../support/cursor'
import { ConflictError, RuleViolationError, StaleVersionError } from '../support/errors'
import { beforeInDescending, decodeSortCursor, preciseInstant } from '../support/keyset'
import { countsTowardsGap } from './gap-attribution'
import { strategyGapAttachments } from './strategy-gap-attach'
import { decisionIdsOf, linkDecisions, replaceDecisions } from './strategy-gap-decisions'
import { strategyGapInsights } from './strategy-gap-insights'
import { toStrategyGap } from './strategy-gap-row'

export type { AttachOutcome, AttachPlan } from './strategy-gap-attach'
export { toStrategyGap }

function filtersOf(query: StrategyGapQuery): (SQL | undefined)[] {
  return [
    query.status ? eq(strategyGaps.status, query.status) : undefined,
    query.ownerId ? eq(strategyGaps.ownerId, query.ownerId) : undefined,
  ]
}

/** A gap must point at a strategy that is published now: a draft or a retired one closes nothing. */
async function publishedStrategy(tx: Tx, strategyId: string): Promise<string> {
  const [strategy] = await tx
    .select({ id: strategies.id, status: strategies.status })
    .from(strategies)
    .where(eq(strategies.id, strategyId))
  if (!strategy) throw new RuleViolationError('strategyId refers to a strategy that does not exist', 'strategyId')
  if (strategy.status === 'draft') {
    throw new RuleViolationError('That strategy is still a draft: publish it first, then close the gap with it', 'strategyId')
  }
  if (strategy.status === 'retired') {
    throw new RuleViolationError('That strategy is retired: close the gap with the strategy that replaced it', 'strategyId')
  }
  return strategy.id
}

/**
 * Verified means quiet: no incident counting towards the gap (named by hand or through its
 * decisions) discovered on or after the day its strategy was published, for `weeks` weeks since that day.
 */
async function assertVerifiable(tx: Tx, gap: StrategyGapRow, weeks: number): Promise<void> {
  const [strategy] = gap.addressedByStrategyId
    ? await tx
        .select({ publishedAt: strategies.publishedAt })
        .from(strategies)
        .where(eq(strategies.id, gap.addressedByStrategyId))
    : []
  if (!strategy?.publishedAt) {
    throw new RuleViolationError(
      'The strategy that closed this gap is gone; reopen the gap and close it with a published strategy',
    )
  }
  const publishedDay = utcDay(strategy.publishedAt)
  const [latest] = await tx
    .select({ discoveredAt: sql<string | null>`max(${incidents.discoveredAt})::text` })
    .from(incidents)
    .where(
      and(
        countsTowardsGap(gap.id, sql`${incidents.gapId}`, sql`${incidents.decisionId}`),
        gte(incidents.discoveredAt, publishedDay),
      ),
    )
  const lastIncidentAt = latest?.discoveredAt ?? null
  const outlook = verificationOutlook({ publishedAt: publishedDay, lastIncidentAt, weeks, today: utcDay(new Date()) })
  if (outlook.state === 'ready') return
  throw new RuleViolationError(
    outlook.state === 'interrupted'
      ? `An incident in this gap was discovered on ${outlook.lastIncidentAt}, on or after its strategy was published on ${publishedDay}: the strategy has not closed the gap yet. To address it with another strategy, close it as won't fix and reopen it`
      : `Too early to verify: a gap is verified after ${weeks} quiet weeks since its strategy was published on ${publishedDay}. That is possible from ${outlook.earliestAt}, if no incident arrives before then`,
    'to',
  )
}

const reopened = {
  addressedByStrategyId: null,
  wontFixReason: null,
  acknowledgedAt: null,
  acknowledgedById: null,
  publishedAt: null,
  publishedById: null,
  verifiedAt: null,
  verifiedById: null,
  wontFixAt: null,
  wontFixById: null,
}

/** The columns a step sets: who took it and when, plus what it carries. */
async function stepColumns(tx: Tx, gap: StrategyGapRow, body: GapTransitionBody, actor: Actor): Promise<Partial<StrategyGapRow>> {
  const at = new Date()
  const by = actor.id
  switch (body.to) {
    case 'acknowledged':
      return { ownerId: body.ownerId, acknowledgedAt: at, acknowledgedById: by }
    case 'published':
      return { addressedByStrategyId: await publishedStrategy(tx, body.strategyId), publishedAt: at, publishedById: by }
    case 'verified':
      await assertVerifiable(tx, gap, body.weeks ?? defaultVerificationWeeks)
      return { verifiedAt: at, verifiedById: by }
    case 'wont_fix':
      return { wontFixReason: body.reason.trim(), wontFixAt: at, wontFixById: by }
    case 'open':
      // A reopened gap walks the lifecycle again; the audit log keeps the earlier pass.
      return reopened
  }
}

/** Points incidents at a gap, each with its own audit entry and version bump, as an edit would. */
export async function attachIncidents(tx: Tx, gapId: string, ids: readonly string[], actor: Actor): Promise<void> {
  if (ids.length === 0) return
  const attached = await tx
    .update(incidents)
    .set({ gapId, version: sql`${incidents.version} + 1`, updatedAt: new Date() })
    .where(and(inArray(incidents.id, [...ids]), isNull(incidents.gapId)))
    .returning({ id: incidents.id, anonymous: incidents.anonymous })
  if (attached.length !== ids.length) {
    // Someone attached one of them elsewhere meanwhile: the whole gap is refused, not half made.
    throw new ConflictError('Some of these incidents were attached to another gap meanwhile; reload the suggestions')
  }
  for (const incident of attached) {
    await recordAudit(tx, {
      actor,
      action: 'update',
      entityType: 'incident',
      entityId: incident.id,
      changes: { gapId: { before: null, after: gapId } },
    })
  }
}

export function strategyGapRepository(db: Db) {
  async function write(
    id: string,
    expectedVersion: number,
    actor: Actor,
    action: string,
    columns: (tx: Tx, before: StrategyGapRow) => Promise<Partial<StrategyGapRow>>,
  ): Promise<StrategyGap | undefined> {
    return db.transaction(async (tx) => {
      const [before] = await tx.select().from(strategyGaps).where(eq(strategyGaps.id, id)).for('update')
      if (!before) return undefined
      if (before.version !== expectedVersion) throw new StaleVersionError('strategy gap', before.version)
      const decisionsBefore = (await decisionIdsOf(tx, [id])).get(id) ?? []
      const changed = await columns(tx, before)
      const [after] = await tx
        .update(strategyGaps)
        .set({ ...changed, version: before.version + 1, updatedAt: new Date() })
        .where(eq(strategyGaps.id, id))
        .returning()
      if (!after) throw new Error('update returned no row')
      const gap = toStrategyGap(after, (await decisionIdsOf(tx, [id])).get(id) ?? [])
      await recordAudit(tx, {
        actor,
        action,
        entityType: 'strategy_gap',
        entityId: id,
        changes: diff(toStrategyGap(before, decisionsBefore), gap),
      })
      return gap
    })
  }

  return {
    ...strategyGapInsights(db),
    ...strategyGapAttachments(db),

    async findById(id: string): Promise<StrategyGap | undefined> {
      const [row] = await db.select().from(strategyGaps).where(eq(strategyGaps.id, id))
      return row && toStrategyGap(row, (await decisionIdsOf(db, [id])).get(id) ?? [])
    },

    /** The gap locked until the caller's transaction ends, to judge a change against it. */
    async lockById(id: string): Promise<StrategyGap | undefined> {
      const [row] = await db.select().from(strategyGaps).where(eq(strategyGaps.id, id)).for('update')
      return row && toStrategyGap(row, (await decisionIdsOf(db, [id])).get(id) ?? [])
    },

    /** Newest first; createdAt never changes, so page boundaries hold while gaps move on. */
    async list(query: StrategyGapQuery): Promise<Page<StrategyGap>> {
      const limit = query.limit ?? 50
      const after = decodeSortCursor(query.cursor, 'instant')
      const rows = await db
        .select({ row: strategyGaps, sortKey: preciseInstant(strategyGaps.createdAt) })
        .from(strategyGaps)
        .where(
          and(
            ...filtersOf(query),
            after ? beforeInDescending(strategyGaps.createdAt, strategyGaps.id, after, 'instant') : undefined,
          ),
        )
        .orderBy(desc(strategyGaps.createdAt), desc(strategyGaps.id))
        .limit(limit + 1)
      const decisionsOf = await decisionIdsOf(
        db,
        rows.map(({ row }) => row.id),
      )
      const page = toPage(
        rows,
        limit,
        ({ row }) => toStrategyGap(row, decisionsOf.get(row.id) ?? []),
        ({ row, sortKey }) => [sortKey, row.id],
      )
      return { ...page, ...(await countUpTo(db, strategyGaps, and(...filtersOf(query)))) }
    },

    /**
     * Opens a gap; `incidentIds` (from a suggestion) are attached and `decisionIds` put behind it
     * in the same transaction. The caller checks it may change each incident (see `attachable`);
     * here each must still be in no gap, and each decision must exist, or nothing is written.
     */
    async create(input: NewStrategyGap, actor: Actor): Promise<StrategyGap> {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(strategyGaps)
          .values({ title: input.title, description: input.description ?? '', ownerId: input.ownerId ?? null })
          .returning()
        if (!row) throw new Error('insert returned no row')
        await linkDecisions(tx, row.id, input.decisionIds ?? [], actor)
        const gap = toStrategyGap(row, (await decisionIdsOf(tx, [row.id])).get(row.id) ?? [])
        await recordAudit(tx, { actor, action: 'create', entityType: 'strategy_gap', entityId: row.id, changes: diff({}, gap) })
        await attachIncidents(tx, row.id, input.incidentIds ?? [], actor)
        return gap
      })
    },

    /** The incidents among `ids` the viewer may see, with what deciding who may change them needs. */
    async attachable(ids: readonly string[], viewer: IncidentViewer) {
      if (ids.length === 0) return []
      const rows = await db
        .select({
          id: incidents.id,
          gapId: incidents.gapId,
          reportingTeamId: incidents.reportingTeamId,
          reporterId: incidents.reporterId,
          reporterKey: incidents.reporterKey,
        })
        .from(incidents)
        .where(and(inArray(incidents.id, [...ids]), visibleTo(viewer)))
      return rows.map((r) => ({ id: r.id, gapId: r.gapId, reportingTeamId: r.reportingTeamId, isMine: isMine(r, viewer) }))
    },

    /** `decisionIds`, when given, replaces the set: the ranking follows at once (it reads the links). */
    update: (id: string, expectedVersion: number, changes: StrategyGapChanges, actor: Actor) =>
      write(id, expectedVersion, actor, 'update', async (tx) => {
        const { decisionIds, ...columns } = changes
        if (decisionIds) await replaceDecisions(tx, id, decisionIds, actor)
        return columns
      }),

    /**
     * Links an acknowledged gap to the draft of the strategy that will close it ("draft the
     * strategy now"); marking it addressed still needs that strategy published (transition).
     */
    linkStrategyDraft: (id: string, expectedVersion: number, strategyId: string, actor: Actor) =>
      write(id, expectedVersion, actor, 'link_strategy_draft', async () => ({ addressedByStrategyId: strategyId })),

    /**
     * One lifecycle step; each records who took it and when. The caller has checked the step
     * with the domain rule (checkGapTransition) against the gap it locked in this transaction.
     */
    transition: (id: string, expectedVersion: number, body: GapTransitionBody, actor: Actor) =>
      write(id, expectedVersion, actor, 'transition', async (tx, before) => {
        return { ...(await stepColumns(tx, before, body, actor)), status: body.to }
      }),
  }
}

export type StrategyGapRepository = ReturnType<typeof strategyGapRepository>
