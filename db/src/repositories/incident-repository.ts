import { type Incident, type IncidentChanges, type IncidentQuery, type NewIncident, type Page, discoveryLagDays, weightedHarm } from '@misalign/shared'
import { type SQL, and, desc, eq, gte, inArray, lt, lte, sql } from 'drizzle-orm'
import type { Db, Tx } from '../client'
import { type IncidentRow, decisions, idempotencyKeys, incidents } from '../schema/index'
import { type Actor, diff, recordAudit } from './audit-repository'
import { decodeCursor, toPage } from './cursor'
import { RuleViolationError, StaleVersionError } from './errors'

const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000
/** How long a retry waits for the first request with its key before answering 409. */
const IN_FLIGHT_WAIT = '1s'

const selection = { incident: incidents, decidedAt: decisions.decidedAt }
type SelectedRow = { incident: IncidentRow; decidedAt: string | null }

export function toIncident({ incident: row, decidedAt }: SelectedRow): Incident {
  return {
    id: row.id,
    number: row.number,
    key: `MIS-${row.number}`,
    title: row.title,
    narrative: row.narrative,
    reportingTeamId: row.reportingTeamId,
    reporterId: row.reporterId,
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
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  }
}

export class IdempotencyKeyReusedError extends Error {
  constructor() {
    super('This Idempotency-Key was already used with a different request body')
  }
}
export class IdempotencyKeyInFlightError extends Error {
  constructor() {
    super('A request with this Idempotency-Key is still being processed')
  }
}

export interface IdempotencyContext {
  scope: string
  key: string
  requestHash: string
}

export type CreateResult =
  | { kind: 'created'; incident: Incident }
  | { kind: 'replayed'; statusCode: number; body: unknown }

function filtersOf(query: IncidentQuery): (SQL | undefined)[] {
  return [
    query.reportingTeamId?.length ? inArray(incidents.reportingTeamId, query.reportingTeamId) : undefined,
    query.decisionOwnerTeamId?.length ? inArray(incidents.decisionOwnerTeamId, query.decisionOwnerTeamId) : undefined,
    query.rootCause?.length ? inArray(incidents.rootCause, query.rootCause) : undefined,
    query.status?.length ? inArray(incidents.status, query.status) : undefined,
    query.discoveryChannel?.length ? inArray(incidents.discoveryChannel, query.discoveryChannel) : undefined,
    query.decisionId ? eq(incidents.decisionId, query.decisionId) : undefined,
    query.gapId ? eq(incidents.gapId, query.gapId) : undefined,
    query.from ? gte(incidents.discoveredAt, query.from) : undefined,
    query.to ? lte(incidents.discoveredAt, query.to) : undefined,
    query.q?.trim() ? sql`${incidents.searchText} @@ websearch_to_tsquery('english', ${query.q})` : undefined,
  ]
}

/** A decision's owning team is the decision owner team; a mismatch is a mistake worth saying. */
async function resolveDecisionOwner(
  tx: Tx,
  decisionId: string | null | undefined,
  decisionOwnerTeamId: string | null | undefined,
): Promise<string | null | undefined> {
  if (!decisionId) return decisionOwnerTeamId
  const [decision] = await tx.select({ owningTeamId: decisions.owningTeamId }).from(decisions).where(eq(decisions.id, decisionId))
  if (!decision) throw new RuleViolationError('decisionId refers to a decision that does not exist', 'decisionId')
  if (decisionOwnerTeamId && decisionOwnerTeamId !== decision.owningTeamId) {
    throw new RuleViolationError(
      "decisionOwnerTeamId differs from the decision's owning team; leave it out and it is taken from the decision",
      'decisionOwnerTeamId',
    )
  }
  return decision.owningTeamId
}

export function incidentRepository(db: Db) {
  async function selectOne(tx: Db | Tx, where: SQL): Promise<Incident | undefined> {
    const [row] = await tx
      .select(selection)
      .from(incidents)
      .leftJoin(decisions, eq(decisions.id, incidents.decisionId))
      .where(where)
    return row && toIncident(row)
  }

  async function insert(tx: Tx, input: NewIncident, reporterId: string | null, actor: Actor): Promise<Incident> {
    const decisionOwnerTeamId = await resolveDecisionOwner(tx, input.decisionId, input.decisionOwnerTeamId)
    const anonymous = input.anonymous ?? false
    const [row] = await tx
      .insert(incidents)
      .values({
        title: input.title,
        narrative: input.narrative ?? '',
        reportingTeamId: input.reportingTeamId,
        reporterId: anonymous ? null : reporterId,
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
        decisionOwnerTeamId: decisionOwnerTeamId ?? null,
        gapId: input.gapId ?? null,
        missingContext: input.missingContext ?? '',
        rootCause: input.rootCause ?? 'unknown',
      })
      .returning({ id: incidents.id })
    if (!row) throw new Error('insert returned no row')
    const incident = await selectOne(tx, eq(incidents.id, row.id))
    if (!incident) throw new Error('inserted incident not found')
    await recordAudit(tx, { actor, action: 'create', entityType: 'incident', entityId: incident.id, changes: diff({}, incident) })
    return incident
  }

  return {
    findById: (id: string) => selectOne(db, eq(incidents.id, id)),
    findByNumber: (number: number) => selectOne(db, eq(incidents.number, number)),

    async list(query: IncidentQuery): Promise<Page<Incident>> {
      const limit = query.limit ?? 50
      const after = decodeCursor(query.cursor, ['number'] as const)
      const rows = await db
        .select(selection)
        .from(incidents)
        .leftJoin(decisions, eq(decisions.id, incidents.decisionId))
        .where(and(...filtersOf(query), after ? lt(incidents.number, after[0]) : undefined))
        .orderBy(desc(incidents.number))
        .limit(limit + 1)
      return toPage(rows, limit, toIncident, (row) => [row.incident.number])
    },

    async create(input: NewIncident, reporterId: string | null, actor: Actor): Promise<Incident> {
      return db.transaction((tx) => insert(tx, input, reporterId, actor))
    },

    /**
     * Files once per key: the key row, the incident and its audit entry commit together, so a
     * crash leaves nothing half-written. A concurrent retry waits on the key's row lock and then
     * replays the stored response, or answers "in flight" if the first request is slow.
     */
    async createIdempotent(
      input: NewIncident,
      reporterId: string | null,
      actor: Actor,
      idempotency: IdempotencyContext,
    ): Promise<CreateResult> {
      return db.transaction(async (tx) => {
        const { scope, key, requestHash } = idempotency
        await tx.execute(sql.raw(`set local lock_timeout = '${IN_FLIGHT_WAIT}'`))
        let claimed: { id: string } | undefined
        try {
          ;[claimed] = await tx
            .insert(idempotencyKeys)
            .values({ scope, key, requestHash, expiresAt: new Date(Date.now() + IDEMPOTENCY_TTL_MS) })
            .onConflictDoNothing()
            .returning({ id: idempotencyKeys.id })
        } catch (error) {
          if ((error as { code?: string }).code === '55P03') throw new IdempotencyKeyInFlightError()
          throw error
        }
        await tx.execute(sql`set local lock_timeout to default`)
        if (!claimed) {
          const [existing] = await tx
            .select()
            .from(idempotencyKeys)
            .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)))
          if (!existing) throw new IdempotencyKeyInFlightError()
          if (existing.expiresAt.getTime() > Date.now()) {
            if (existing.requestHash !== requestHash) throw new IdempotencyKeyReusedError()
            return { kind: 'replayed', statusCode: existing.responseStatus ?? 201, body: existing.responseBody }
          }
          // An expired key is free again.
          await tx
            .update(idempotencyKeys)
            .set({ requestHash, expiresAt: new Date(Date.now() + IDEMPOTENCY_TTL_MS), updatedAt: new Date() })
            .where(eq(idempotencyKeys.id, existing.id))
          claimed = { id: existing.id }
        }
        const incident = await insert(tx, input, reporterId, actor)
        await tx
          .update(idempotencyKeys)
          .set({ responseStatus: 201, responseBody: incident, updatedAt: new Date() })
          .where(eq(idempotencyKeys.id, claimed.id))
        return { kind: 'created', incident }
      })
    },

    async update(id: string, expectedVersion: number, changes: IncidentChanges, actor: Actor): Promise<Incident | undefined> {
      return db.transaction(async (tx) => {
        const [locked] = await tx.select().from(incidents).where(eq(incidents.id, id)).for('update')
        if (!locked) return undefined
        if (locked.version !== expectedVersion) throw new StaleVersionError('incident', locked.version)
        const before = await selectOne(tx, eq(incidents.id, id))
        const decisionId = changes.decisionId === undefined ? locked.decisionId : changes.decisionId
        const ownerGiven = changes.decisionOwnerTeamId === undefined ? (changes.decisionId ? undefined : locked.decisionOwnerTeamId) : changes.decisionOwnerTeamId
        const decisionOwnerTeamId = await resolveDecisionOwner(tx, decisionId, ownerGiven)
        const { decisionId: _d, decisionOwnerTeamId: _o, ...rest } = changes
        await tx
          .update(incidents)
          .set({ ...rest, decisionId, decisionOwnerTeamId: decisionOwnerTeamId ?? null, version: locked.version + 1, updatedAt: new Date() })
          .where(eq(incidents.id, id))
        const after = await selectOne(tx, eq(incidents.id, id))
        if (!before || !after) throw new Error('updated incident not found')
        await recordAudit(tx, { actor, action: 'update', entityType: 'incident', entityId: id, changes: diff(before, after) })
        return after
      })
    },

    /** Expired idempotency keys are only clutter; the server purges them on a schedule. */
    async purgeExpiredIdempotencyKeys(): Promise<void> {
      await db.delete(idempotencyKeys).where(lt(idempotencyKeys.expiresAt, new Date()))
    },
  }
}

export type IncidentRepository = ReturnType<typeof incidentRepository>
