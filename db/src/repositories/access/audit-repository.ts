import { and, desc, eq, gte, lt, sql } from 'drizzle-orm'
import type { Db, Tx } from '../../client'
import { auditLog } from '../../schema/index'
import { decodeCursor, toPage } from '../support/cursor'

export interface Actor {
  /** Null for the system (seeding, scheduled jobs) and for anonymous reporters. */
  id: string | null
  label: string
}

export const systemActor: Actor = { id: null, label: 'system' }
export const ANONYMOUS_LABEL = 'anonymous'
export const anonymousActor: Actor = { id: null, label: ANONYMOUS_LABEL }

export type Changes = Record<string, { before?: unknown; after?: unknown }>

/** Fields whose before/after differ, for the audit entry of an update. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): Changes {
  const changes: Changes = {}
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = { before: before[key], after: after[key] }
  }
  return changes
}

/** An update that hands the row to another team is audited as a transfer, so it can be found. */
export const updateOrTransfer = (ownerBefore: string | null, ownerAfter: string | null): 'update' | 'transfer' =>
  ownerBefore === ownerAfter ? 'update' : 'transfer'

/** Written inside the caller's transaction, so the entry and the change commit together. */
export async function recordAudit(
  tx: Tx,
  entry: { actor: Actor; action: string; entityType: string; entityId: string | null; changes?: Changes },
): Promise<void> {
  await tx.insert(auditLog).values({
    // An anonymous report's entry keeps only the day: an exact time could be matched to a person.
    ...(entry.actor.label === ANONYMOUS_LABEL ? { at: sql`date_trunc('day', now())` } : {}),
    actorId: entry.actor.id,
    actorLabel: entry.actor.label,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    changes: entry.changes ?? {},
  })
}

export interface AuditQuery {
  entityType?: string
  entityId?: string
  actorId?: string
  action?: string
  from?: string
  to?: string
  limit?: number
  cursor?: string
}

export interface AuditEntry {
  id: string
  at: string
  actorId: string | null
  actorLabel: string
  action: string
  entityType: string
  entityId: string | null
  changes: Changes
}

/** Reading the log, newest first: for admins, through the API. */
export function auditRepository(db: Db) {
  return {
    async list(query: AuditQuery) {
      const limit = query.limit ?? 50
      const after = decodeCursor(query.cursor, ['string', 'string'] as const)
      // Microseconds, not a JS Date: entries of one transaction share a timestamp finer than ms.
      const micros = sql<string>`(extract(epoch from ${auditLog.at}) * 1000000)::bigint`
      const rows = await db
        .select({ entry: auditLog, micros: sql<string>`${micros}::text` })
        .from(auditLog)
        .where(
          and(
            query.entityType ? eq(auditLog.entityType, query.entityType) : undefined,
            query.entityId ? eq(auditLog.entityId, query.entityId) : undefined,
            query.actorId ? eq(auditLog.actorId, query.actorId) : undefined,
            query.action ? eq(auditLog.action, query.action) : undefined,
            query.from ? gte(auditLog.at, new Date(`${query.from}T00:00:00Z`)) : undefined,
            query.to ? lt(auditLog.at, new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000)) : undefined,
            after ? sql`(${micros}, ${auditLog.id}) < (${after[0]}::bigint, ${after[1]}::uuid)` : undefined,
          ),
        )
        .orderBy(desc(auditLog.at), desc(auditLog.id))
        .limit(limit + 1)
      return toPage(
        rows,
        limit,
        ({ entry }): AuditEntry => ({ ...entry, at: entry.at.toISOString() }),
        ({ entry, micros }) => [micros, entry.id],
      )
    },
  }
}
export type AuditRepository = ReturnType<typeof auditRepository>
