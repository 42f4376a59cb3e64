import { integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { id, timestamps } from './columns'

/**
 * Idempotency-Key records for POST /incidents. Kept in Postgres so any API instance
 * answers a retry the same way (DESIGN.md, "Scaling past one machine").
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    id: id(),
    /** Whose key it is: a key is only meaningful per caller. */
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    /** Null while the first request is still in flight. */
    responseStatus: integer('response_status'),
    responseBody: jsonb('response_body'),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('idempotency_keys_scope_key').on(t.scope, t.key)],
)
