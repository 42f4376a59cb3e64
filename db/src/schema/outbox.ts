import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/**
 * Domain events, written by a service in the same transaction as the change they describe
 * (the transactional outbox, ADR 019). A job per interested consumer is queued in that
 * transaction too; the row stays as the record of what happened and in what order (`seq`).
 * Payloads never carry an anonymous reporter's identity.
 */
export const outboxEvents = pgTable(
  'outbox_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Commit-independent order of recording; readers use it as a high-water mark. */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
    type: text('type').notNull(),
    aggregateType: text('aggregate_type').notNull(),
    aggregateId: uuid('aggregate_id').notNull(),
    aggregateVersion: integer('aggregate_version').notNull(),
    payload: jsonb('payload').notNull().$type<Record<string, unknown>>(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('outbox_events_seq_idx').on(t.seq), index('outbox_events_aggregate_idx').on(t.aggregateType, t.aggregateId)],
)

export type OutboxEventRow = typeof outboxEvents.$inferSelect

/**
 * Fixed-window request counters shared by every API instance: a limit counted per process
 * would let N instances take N times the limit.
 */
export const rateLimitWindows = pgTable('rate_limit_windows', {
  key: text('key').primaryKey(),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  hits: integer('hits').notNull(),
})
