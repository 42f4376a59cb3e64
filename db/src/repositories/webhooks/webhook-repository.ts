import type {
  NewWebhookEndpoint,
  Page,
  WebhookAttempt,
  WebhookDelivery,
  WebhookDeliveryDetail,
  WebhookDeliveryQuery,
  WebhookEndpoint,
  WebhookEndpointChanges,
  WebhookEndpointQuery,
} from '@misalign/shared'
import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm'
import type { Db, Tx } from '../../client'
import {
  type WebhookAttemptRow,
  type WebhookDeliveryRow,
  type WebhookEndpointRow,
  webhookAttempts,
  webhookDeliveries,
  webhookEndpoints,
} from '../../schema/index'
import { type Actor, diff, recordAudit } from '../access/audit-repository'
import { countUpTo } from '../support/count'
import { decodeCursor, toPage } from '../support/cursor'

/** What one try of a delivery came to, as the sender saw it. */
export interface AttemptOutcome {
  statusCode: number | null
  latencyMs: number
  responseExcerpt: string | null
  error: string | null
  succeeded: boolean
  manual: boolean
}

/** A delivery with what sending it needs: the endpoint's URL, secret and state. */
export interface DeliveryToSend {
  delivery: WebhookDeliveryRow
  endpoint: WebhookEndpointRow
}

const iso = (at: Date | null) => (at ? at.toISOString() : null)

export function toWebhookEndpoint(row: WebhookEndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.eventTypes as WebhookEndpoint['eventTypes'],
    enabled: row.enabled,
    disabledAt: iso(row.disabledAt),
    disabledReason: row.disabledReason,
    failingSince: iso(row.failingSince),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  }
}

const toAttempt = (row: WebhookAttemptRow): WebhookAttempt => ({
  at: row.attemptedAt.toISOString(),
  statusCode: row.statusCode,
  latencyMs: row.latencyMs,
  responseExcerpt: row.responseExcerpt,
  error: row.error,
  succeeded: row.succeeded,
  manual: row.manual,
})

const toDelivery = (row: WebhookDeliveryRow, last: WebhookAttemptRow | undefined): WebhookDelivery => ({
  id: row.id,
  eventId: row.eventId,
  eventType: row.eventType,
  status: row.status as WebhookDelivery['status'],
  attempts: row.attempts,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
  lastAttempt: last ? toAttempt(last) : null,
})

/** The secret never enters the audit log, nor does anything else an admin could not see. */
const audited = (row: WebhookEndpointRow) => {
  const { secret: _secret, version: _version, createdAt: _c, updatedAt: _u, ...rest } = row
  return rest as Record<string, unknown>
}

/** Webhook endpoints, their deliveries and every try: queries and row mapping only. */
export function webhookRepository(db: Db) {
  return {
    async listEndpoints(query: WebhookEndpointQuery): Promise<Page<WebhookEndpoint>> {
      const limit = query.limit ?? 50
      const after = decodeCursor(query.cursor, ['string', 'string'] as const)
      const rows = await db
        .select()
        .from(webhookEndpoints)
        .where(
          after
            ? sql`(${webhookEndpoints.createdAt}, ${webhookEndpoints.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`
            : undefined,
        )
        .orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id))
        .limit(limit + 1)
      const page = toPage(rows, limit, toWebhookEndpoint, (row) => [row.createdAt.toISOString(), row.id])
      return { ...page, ...(await countUpTo(db, webhookEndpoints, undefined)) }
    },

    async findEndpoint(id: string, executor: Db | Tx = db): Promise<WebhookEndpointRow | undefined> {
      const [row] = await executor.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id))
      return row
    },

    async createEndpoint(
      tx: Tx,
      input: NewWebhookEndpoint & { secret: string; createdById: string | null },
      actor: Actor,
    ): Promise<WebhookEndpointRow> {
      const [row] = await tx
        .insert(webhookEndpoints)
        .values({
          url: input.url,
          description: input.description ?? '',
          eventTypes: input.eventTypes,
          secret: input.secret,
          createdById: input.createdById,
        })
        .returning()
      if (!row) throw new Error('insert returned no row')
      await recordAudit(tx, { actor, action: 'create', entityType: 'webhook', entityId: row.id, changes: diff({}, audited(row)) })
      return row
    },

    /**
     * Changes an endpoint if it is still at the version the caller read (undefined when not);
     * turning it on clears why it was off and its failure streak.
     */
    async updateEndpoint(tx: Tx, before: WebhookEndpointRow, changes: WebhookEndpointChanges, actor: Actor, now: Date) {
      const toggled = changes.enabled !== undefined && changes.enabled !== before.enabled
      const [row] = await tx
        .update(webhookEndpoints)
        .set({
          ...(changes.url !== undefined ? { url: changes.url } : {}),
          ...(changes.eventTypes !== undefined ? { eventTypes: changes.eventTypes } : {}),
          ...(changes.description !== undefined ? { description: changes.description } : {}),
          ...(toggled && changes.enabled ? { enabled: true, disabledAt: null, disabledReason: null, failingSince: null } : {}),
          ...(toggled && !changes.enabled
            ? { enabled: false, disabledAt: now, disabledReason: `Turned off by ${actor.label}` }
            : {}),
          updatedAt: now,
          version: sql`${webhookEndpoints.version} + 1`,
        })
        .where(and(eq(webhookEndpoints.id, before.id), eq(webhookEndpoints.version, before.version)))
        .returning()
      if (!row) return undefined
      await recordAudit(tx, {
        actor,
        action: 'update',
        entityType: 'webhook',
        entityId: row.id,
        changes: diff(audited(before), audited(row)),
      })
      return row
    },

    async deleteEndpoint(tx: Tx, before: WebhookEndpointRow, actor: Actor): Promise<void> {
      await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, before.id))
      await recordAudit(tx, {
        actor,
        action: 'delete',
        entityType: 'webhook',
        entityId: before.id,
        changes: diff(audited(before), {}),
      })
    },

    /** The enabled endpoints that asked for this event type. */
    async listeningTo(eventType: string): Promise<WebhookEndpointRow[]> {
      return db
        .select()
        .from(webhookEndpoints)
        .where(and(eq(webhookEndpoints.enabled, true), sql`${eventType} = any(${webhookEndpoints.eventTypes})`))
    },

    /** One delivery per endpoint for an event; an event already delivered to an endpoint is not queued twice. */
    async addDeliveries(
      tx: Tx,
      endpointIds: string[],
      event: { eventId: string; eventType: string; payload: Record<string, unknown> },
    ): Promise<{ id: string; endpointId: string }[]> {
      if (endpointIds.length === 0) return []
      return tx
        .insert(webhookDeliveries)
        .values(endpointIds.map((endpointId) => ({ endpointId, ...event })))
        .onConflictDoNothing()
        .returning({ id: webhookDeliveries.id, endpointId: webhookDeliveries.endpointId })
    },

    async toSend(deliveryId: string): Promise<DeliveryToSend | undefined> {
      const [row] = await db
        .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints })
        .from(webhookDeliveries)
        .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
        .where(eq(webhookDeliveries.id, deliveryId))
      return row
    },

    /**
     * Logs a try and what it means: the delivery's state, and the endpoint's failure streak
     * (a success ends it; the first failure after a success starts it). Returns the streak's start.
     */
    async recordAttempt(
      tx: Tx,
      target: { deliveryId: string; endpointId: string },
      outcome: AttemptOutcome,
      status: WebhookDelivery['status'],
      now: Date,
    ): Promise<Date | null> {
      await tx.insert(webhookAttempts).values({ deliveryId: target.deliveryId, ...outcome, attemptedAt: now })
      await tx
        .update(webhookDeliveries)
        .set({ status, attempts: sql`${webhookDeliveries.attempts} + 1`, updatedAt: now })
        .where(eq(webhookDeliveries.id, target.deliveryId))
      const [endpoint] = await tx
        .update(webhookEndpoints)
        .set({ failingSince: outcome.succeeded ? null : sql`coalesce(${webhookEndpoints.failingSince}, ${now})` })
        .where(eq(webhookEndpoints.id, target.endpointId))
        .returning({ failingSince: webhookEndpoints.failingSince })
      return endpoint?.failingSince ?? null
    },

    async setDeliveryStatus(deliveryId: string, status: WebhookDelivery['status'], now: Date, executor: Db | Tx = db) {
      await executor.update(webhookDeliveries).set({ status, updatedAt: now }).where(eq(webhookDeliveries.id, deliveryId))
    },

    /** Turns an endpoint off for its failures, audited as the system's doing; false when it already was. */
    async disableForFailures(tx: Tx, endpointId: string, reason: string, actor: Actor, now: Date): Promise<boolean> {
      const [row] = await tx
        .update(webhookEndpoints)
        .set({
          enabled: false,
          disabledAt: now,
          disabledReason: reason,
          updatedAt: now,
          version: sql`${webhookEndpoints.version} + 1`,
        })
        .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.enabled, true)))
        .returning({ id: webhookEndpoints.id })
      if (!row) return false
      await recordAudit(tx, {
        actor,
        action: 'update',
        entityType: 'webhook',
        entityId: endpointId,
        changes: { enabled: { before: true, after: false }, disabledReason: { before: null, after: reason } },
      })
      return true
    },

    /** An endpoint's deliveries, newest first, each with its latest try. */
    async deliveries(endpointId: string, query: WebhookDeliveryQuery): Promise<Page<WebhookDelivery>> {
      const limit = query.limit ?? 25
      const after = decodeCursor(query.cursor, ['number'] as const)
      const matching = and(
        eq(webhookDeliveries.endpointId, endpointId),
        query.status ? eq(webhookDeliveries.status, query.status) : undefined,
      )
      const rows = await db
        .select()
        .from(webhookDeliveries)
        .where(and(matching, after ? lt(webhookDeliveries.seq, after[0]) : undefined))
        .orderBy(desc(webhookDeliveries.seq))
        .limit(limit + 1)
      const last = await this.lastAttempts(rows.slice(0, limit).map((row) => row.id))
      const page = toPage(
        rows,
        limit,
        (row) => toDelivery(row, last.get(row.id)),
        (row) => [row.seq],
      )
      return { ...page, ...(await countUpTo(db, webhookDeliveries, matching)) }
    },

    async lastAttempts(deliveryIds: string[]): Promise<Map<string, WebhookAttemptRow>> {
      if (deliveryIds.length === 0) return new Map()
      const rows = await db
        .selectDistinctOn([webhookAttempts.deliveryId])
        .from(webhookAttempts)
        .where(inArray(webhookAttempts.deliveryId, deliveryIds))
        .orderBy(webhookAttempts.deliveryId, desc(webhookAttempts.seq))
      return new Map(rows.map((row) => [row.deliveryId, row]))
    },

    async delivery(endpointId: string, deliveryId: string): Promise<WebhookDeliveryDetail | undefined> {
      const [row] = await db
        .select()
        .from(webhookDeliveries)
        .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.endpointId, endpointId)))
      if (!row) return undefined
      const attempts = await db
        .select()
        .from(webhookAttempts)
        .where(eq(webhookAttempts.deliveryId, deliveryId))
        .orderBy(asc(webhookAttempts.seq))
      return { ...toDelivery(row, attempts.at(-1)), payload: row.payload, attemptLog: attempts.map(toAttempt) }
    },
  }
}

export type WebhookRepository = ReturnType<typeof webhookRepository>
