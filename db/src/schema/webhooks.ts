import { sql } from 'drizzle-orm'
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { id, timestamps, version } from './columns'
import { users } from './users'

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })

/**
 * Where an org's own systems hear of its events: an admin registers a URL and the event types
 * it wants; deliveries are signed per the Standard Webhooks spec with the endpoint's secret.
 */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: id(),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    eventTypes: text('event_types').array().notNull(),
    // The signing secret (whsec_…) must be read to sign, so it cannot be stored as a hash.
    secret: text('secret').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    disabledAt: at('disabled_at'),
    disabledReason: text('disabled_reason'),
    // The first failed attempt since the last success: sustained failure disables the endpoint.
    failingSince: at('failing_since'),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
    version: version(),
  },
  (t) => [check('webhook_endpoints_disabled_has_time', sql`${t.enabled} or ${t.disabledAt} is not null`)],
)

/** One event for one endpoint: the body is fixed when it is first queued, so every retry sends the same bytes. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: id(),
    // Paging order: newest first, exact.
    seq: bigserial('seq', { mode: 'number' }).notNull().unique(),
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    // The outbox event it carries, and the Standard Webhooks message id; no foreign key, the outbox is history.
    eventId: uuid('event_id').notNull(),
    eventType: text('event_type').notNull(),
    payload: jsonb('payload').notNull().$type<Record<string, unknown>>(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('webhook_deliveries_endpoint_event_key').on(t.endpointId, t.eventId),
    index('webhook_deliveries_endpoint_seq_idx').on(t.endpointId, t.seq),
    check('webhook_deliveries_status_check', sql`${t.status} in ('pending', 'succeeded', 'failed', 'skipped')`),
  ],
)

/** Each try of a delivery, for the admin's log: what came back, how fast, never a secret. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: id(),
    seq: bigserial('seq', { mode: 'number' }).notNull().unique(),
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    statusCode: integer('status_code'),
    latencyMs: integer('latency_ms').notNull(),
    responseExcerpt: text('response_excerpt'),
    error: text('error'),
    succeeded: boolean('succeeded').notNull(),
    manual: boolean('manual').notNull().default(false),
    attemptedAt: at('attempted_at').notNull().defaultNow(),
  },
  (t) => [index('webhook_attempts_delivery_idx').on(t.deliveryId, t.seq)],
)

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect
export type WebhookAttemptRow = typeof webhookAttempts.$inferSelect
