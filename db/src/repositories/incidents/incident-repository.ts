import {
  DomainError,
  discoveryLagDays,
  type Incident,
  type IncidentChanges,
  type IncidentDecisionGroups,
  type IncidentGroupQuery,
  type IncidentQuery,
  type NewIncident,
  type Page,
  weightedHarm,
} from '@misalign/shared'
import { and, eq, lt, type SQL, sql } from 'drizzle-orm'
import { atomically, type Db, queryRows, type Tx } from '../../client'
import { decisions, type IncidentRow, idempotencyKeys, incidents } from '../../schema/index'
import { type Actor, anonymousActor, diff, recordAudit } from '../access/audit-repository'
import { countUpTo } from '../support/count'
import { toPage } from '../support/cursor'
import { RuleViolationError, StaleVersionError } from '../support/errors'
import { reserveTodaysAnonymousNumbers, takeAnonymousNumber } from './anonymous-numbers'
import { filtersOf } from './incident-filters'
import { incidentOrder } from './incident-list'
import { displayedTeamId, type IncidentViewer, isMine, shownTeamFor, toDay, visibleTo } from './incident-visibility'

const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000

const selection = { incident: incidents, decidedAt: decisions.decidedAt, displayedTeamId }
type SelectedRow = { incident: IncidentRow; decidedAt: string | null; displayedTeamId: string }

/**
 * The incident as this viewer may see it. For anyone but its reporter, an anonymous report
 * carries no reporter, only the day it was filed, and a small team shown as its parent.
 * `viewer` undefined means "as others see it" (what the audit log records).
 */
export function toIncident({ incident: row, decidedAt, displayedTeamId }: SelectedRow, viewer?: IncidentViewer): Incident {
  const mine = isMine(row, viewer)
  const masked = row.anonymous && !mine
  return {
    id: row.id,
    number: row.number,
    key: `MIS-${row.number}`,
    title: row.title,
    narrative: row.narrative,
    reportingTeamId: masked ? displayedTeamId : row.reportingTeamId,
    // Never an anonymous reporter's id, not even to them: `isMine` says it is theirs.
    reporterId: row.anonymous ? null : row.reporterId,
    isMine: mine,
    anonymous: row.anonymous,
    restricted: row.restricted,
    status: row.status,
    discoveredAt: row.discoveredAt,
    discoveryChannel: row.discoveryChannel,
    expected: row.expected,
    surprise: row.surprise,
    harmedGoal: row.harmedGoal,
    harm: row.harm,
    harmKinds: row.harmKinds,
    engineerDaysLost: row.engineerDaysLost,
    delayDays: row.delayDays,
    decisionId: row.decisionId,
    decisionOwnerTeamId: row.decisionOwnerTeamId,
    gapId: row.gapId,
    missingContext: row.missingContext,
    rootCause: row.rootCause,
    weightedHarm: row.weightedHarm ?? weightedHarm(row),
    discoveryLagDays: discoveryLagDays(decidedAt, row.discoveredAt),
    createdAt: masked ? toDay(row.createdAt) : row.createdAt.toISOString(),
    updatedAt: masked ? toDay(row.updatedAt) : row.updatedAt.toISOString(),
    version: row.version,
  }
}

/** What a permission check needs to know about an incident, including what others are not shown. */
export interface IncidentAccess {
  id: string
  reportingTeamId: string
  isMine: boolean
}

export class IdempotencyKeyReusedError extends DomainError {
  constructor() {
    super(
      'invalid',
      'This Idempotency-Key was already used with a different request body. Use a new key for a different report.',
      {
        code: 'idempotency-key-reused',
      },
    )
  }
}
export class IdempotencyKeyInFlightError extends DomainError {
  constructor() {
    super('in-flight', 'A request with this Idempotency-Key is still being processed. Retry in a moment to get its answer.', {
      retryAfterSeconds: 1,
    })
  }
}

export interface IdempotencyContext {
  scope: string
  key: string
  requestHash: string
}

export type CreateResult = { kind: 'created'; incident: Incident } | { kind: 'replayed'; statusCode: number; body: unknown }

/** A decision's owning team is the decision owner team; a mismatch is a mistake worth saying. */
async function resolveDecision(
  tx: Tx,
  decisionId: string | null | undefined,
  decisionOwnerTeamId: string | null | undefined,
): Promise<{ ownerTeamId: string | null; decidedAt: string | null }> {
  if (!decisionId) return { ownerTeamId: decisionOwnerTeamId ?? null, decidedAt: null }
  const [decision] = await tx
    .select({ owningTeamId: decisions.owningTeamId, decidedAt: decisions.decidedAt })
    .from(decisions)
    .where(eq(decisions.id, decisionId))
  if (!decision) throw new RuleViolationError('decisionId refers to a decision that does not exist', 'decisionId')
  if (decisionOwnerTeamId && decisionOwnerTeamId !== decision.owningTeamId) {
    throw new RuleViolationError(
      "decisionOwnerTeamId differs from the decision's owning team; leave it out and it is taken from the decision",
      'decisionOwnerTeamId',
    )
  }
  return { ownerTeamId: decision.owningTeamId, decidedAt: decision.decidedAt }
}

/** The team others see on an anonymous report from this team. */
async function displayedTeamOf(tx: Tx, teamId: string): Promise<string> {
  const [row] = await queryRows<{ displayed: string | null }>(tx, sql`select ${shownTeamFor(teamId)} as displayed`)
  return row?.displayed ?? teamId
}

class KeyAlreadyUsed extends Error {}

export function incidentRepository(db: Db) {
  async function selectRow(tx: Db | Tx, where: SQL | undefined): Promise<SelectedRow | undefined> {
    const [row] = await tx
      .select(selection)
      .from(incidents)
      .leftJoin(decisions, eq(decisions.id, incidents.decisionId))
      .where(where)
    return row
  }

  async function selectOne(tx: Db | Tx, where: SQL, viewer: IncidentViewer | undefined): Promise<Incident | undefined> {
    const row = await selectRow(tx, viewer ? and(where, visibleTo(viewer)) : where)
    return row && toIncident(row, viewer)
  }

  async function listPage(query: IncidentQuery, viewer: IncidentViewer): Promise<Page<Incident>> {
    const limit = query.limit ?? 50
    const order = incidentOrder(query)
    const rows = await db
      .select(selection)
      .from(incidents)
      .leftJoin(decisions, eq(decisions.id, incidents.decisionId))
      .where(and(visibleTo(viewer), ...filtersOf(query, viewer), order.after))
      .orderBy(...order.orderBy)
      .limit(limit + 1)
    return toPage(
      rows,
      limit,
      (row) => toIncident(row, viewer),
      (row) => order.cursorOf(row.incident),
    )
  }

  const byKey = (idOrNumber: string | number) =>
    typeof idOrNumber === 'number' ? eq(incidents.number, idOrNumber) : eq(incidents.id, idOrNumber)

  /**
   * Files one incident and its audit entry: one INSERT … RETURNING, no re-read (the write path
   * is benchmarked; see docs/decisions/003).
   */
  async function insert(tx: Tx, input: NewIncident, viewer: IncidentViewer, actor: Actor): Promise<Incident> {
    const decision = await resolveDecision(tx, input.decisionId, input.decisionOwnerTeamId)
    const anonymous = input.anonymous ?? false
    await reserveTodaysAnonymousNumbers(tx)
    // Others must not place an anonymous report between two named ones by its number.
    const number = anonymous ? await takeAnonymousNumber(tx) : undefined
    const [row] = await tx
      .insert(incidents)
      .values({
        ...(number === undefined ? {} : { number }),
        title: input.title,
        narrative: input.narrative ?? '',
        reportingTeamId: input.reportingTeamId,
        reporterId: anonymous ? null : viewer.userId,
        reporterKey: anonymous ? viewer.reporterKey : null,
        anonymous,
        restricted: input.restricted ?? false,
        discoveredAt: input.discoveredAt,
        discoveryChannel: input.discoveryChannel,
        expected: input.expected,
        surprise: input.surprise,
        harmedGoal: input.harmedGoal,
        harm: input.harm,
        harmKinds: input.harmKinds ?? [],
        engineerDaysLost: input.engineerDaysLost ?? null,
        delayDays: input.delayDays ?? null,
        decisionId: input.decisionId ?? null,
        decisionOwnerTeamId: decision.ownerTeamId,
        gapId: input.gapId ?? null,
        missingContext: input.missingContext ?? '',
        rootCause: input.rootCause ?? 'unknown',
      })
      .returning()
    if (!row) throw new Error('insert returned no row')
    const inserted: SelectedRow = {
      incident: row,
      decidedAt: decision.decidedAt,
      displayedTeamId: anonymous ? await displayedTeamOf(tx, row.reportingTeamId) : row.reportingTeamId,
    }
    // The audit log records what others may see: never an anonymous reporter.
    await recordAudit(tx, {
      actor,
      action: 'create',
      entityType: 'incident',
      entityId: row.id,
      changes: diff({}, toIncident(inserted)),
    })
    return toIncident(inserted, viewer)
  }

  return {
    /** An incident the viewer may see, by uuid or MIS number; undefined if absent or restricted. */
    find: (idOrNumber: string | number, viewer: IncidentViewer) => selectOne(db, byKey(idOrNumber), viewer),

    async findAccess(idOrNumber: string | number, viewer: IncidentViewer): Promise<IncidentAccess | undefined> {
      const row = await selectRow(db, and(byKey(idOrNumber), visibleTo(viewer)))
      return row && { id: row.incident.id, reportingTeamId: row.incident.reportingTeamId, isMine: isMine(row.incident, viewer) }
    },

    /** One page in the asked order, and how many match in all (same filters, same visibility). */
    async list(query: IncidentQuery, viewer: IncidentViewer): Promise<Page<Incident>> {
      const matching = and(visibleTo(viewer), ...filtersOf(query, viewer))
      // Both at once: on Postgres they run on two pool connections, so the count adds little.
      const [page, total] = await Promise.all([listPage(query, viewer), countUpTo(db, incidents, matching)])
      return { ...page, ...total }
    },

    /**
     * The list's page without its total: exports walk every page of the list through this, and
     * counting again on each of thousands of batches would cost more than reading them (ADR 038).
     */
    listPage: (query: IncidentQuery, viewer: IncidentViewer) => listPage(query, viewer),

    /** The matching incidents counted per decision (heaviest first), the unnamed ones as one group. */
    async countByDecision(query: IncidentGroupQuery, viewer: IncidentViewer): Promise<IncidentDecisionGroups> {
      const rows = await db
        .select({
          decisionId: incidents.decisionId,
          title: decisions.title,
          count: sql<number>`count(*)::int`,
          weightedHarm: sql<number>`coalesce(sum(${incidents.weightedHarm}), 0)::int`,
        })
        .from(incidents)
        .leftJoin(decisions, eq(decisions.id, incidents.decisionId))
        .where(and(visibleTo(viewer), ...filtersOf(query, viewer)))
        .groupBy(incidents.decisionId, decisions.title)
        .orderBy(sql`4 desc`, sql`3 desc`, incidents.decisionId)
      return { items: rows.map((row) => ({ ...row, title: row.title ?? null })) }
    },

    async create(input: NewIncident, viewer: IncidentViewer, actor: Actor): Promise<Incident> {
      return atomically(db, (tx) => insert(tx, input, viewer, actor))
    },

    /**
     * Files once per key. The incident, its audit entry and the key with the response commit
     * together; the key goes in last, so a retry racing the first request waits on the key's
     * unique index and then replays the stored response (or gets "in flight" after the
     * pool's lock_timeout). Nothing is half-written: a losing attempt rolls back whole.
     */
    async createIdempotent(
      input: NewIncident,
      viewer: IncidentViewer,
      actor: Actor,
      idempotency: IdempotencyContext,
    ): Promise<CreateResult> {
      const { scope, key, requestHash } = idempotency
      try {
        return await db.transaction(async (tx) => {
          const incident = await insert(tx, input, viewer, actor)
          const expiresAt = new Date(Date.now() + IDEMPOTENCY_TTL_MS)
          const stored = { requestHash, responseStatus: 201, responseBody: incident, expiresAt, updatedAt: new Date() }
          const [claimed] = await tx
            .insert(idempotencyKeys)
            .values({ scope, key, ...stored })
            // An expired key is free again; a live one means this is a retry.
            .onConflictDoUpdate({
              target: [idempotencyKeys.scope, idempotencyKeys.key],
              set: stored,
              setWhere: lt(idempotencyKeys.expiresAt, new Date()),
            })
            .returning({ id: idempotencyKeys.id })
          if (!claimed) throw new KeyAlreadyUsed()
          return { kind: 'created' as const, incident }
        })
      } catch (error) {
        if (!(error instanceof KeyAlreadyUsed)) throw error
      }
      const [existing] = await db
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)))
      if (!existing) throw new IdempotencyKeyInFlightError()
      if (existing.requestHash !== requestHash) throw new IdempotencyKeyReusedError()
      return { kind: 'replayed', statusCode: existing.responseStatus ?? 201, body: existing.responseBody }
    },

    async update(
      id: string,
      expectedVersion: number,
      changes: IncidentChanges,
      viewer: IncidentViewer,
      actor: Actor,
    ): Promise<Incident | undefined> {
      return db.transaction(async (tx) => {
        const [locked] = await tx.select().from(incidents).where(eq(incidents.id, id)).for('update')
        if (!locked) return undefined
        if (locked.version !== expectedVersion) throw new StaleVersionError('incident', locked.version)
        const before = await selectRow(tx, eq(incidents.id, id))
        const decisionId = changes.decisionId === undefined ? locked.decisionId : changes.decisionId
        const ownerGiven =
          changes.decisionOwnerTeamId === undefined
            ? changes.decisionId
              ? undefined
              : locked.decisionOwnerTeamId
            : changes.decisionOwnerTeamId
        const { ownerTeamId: decisionOwnerTeamId } = await resolveDecision(tx, decisionId, ownerGiven)
        const { decisionId: _d, decisionOwnerTeamId: _o, ...rest } = changes
        await tx
          .update(incidents)
          .set({
            ...rest,
            decisionId,
            decisionOwnerTeamId: decisionOwnerTeamId ?? null,
            version: locked.version + 1,
            updatedAt: new Date(),
          })
          .where(eq(incidents.id, id))
        const after = await selectRow(tx, eq(incidents.id, id))
        if (!before || !after) throw new Error('updated incident not found')
        // The editor of an anonymous report may be its reporter: the entry must not say so.
        const editor = locked.anonymous && isMine(locked, viewer) ? anonymousActor : actor
        await recordAudit(tx, {
          actor: editor,
          action: 'update',
          entityType: 'incident',
          entityId: id,
          changes: diff(toIncident(before), toIncident(after)),
        })
        return toIncident(after, viewer)
      })
    },

    /** Expired idempotency keys are only clutter; the server purges them on a schedule. */
    async purgeExpiredIdempotencyKeys(): Promise<void> {
      await db.delete(idempotencyKeys).where(lt(idempotencyKeys.expiresAt, new Date()))
    },
  }
}

export type IncidentRepository = ReturnType<typeof incidentRepository>
