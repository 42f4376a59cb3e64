import { sql } from 'drizzle-orm'
import { index, pgTable, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { id, timestamps } from './columns'
import { decisions } from './decisions'
import { users } from './users'

/**
 * A leader's request that the team owning an agreement-only decision state its tradeoff.
 * At most one open request per decision (the partial unique index makes asking twice
 * idempotent, even when two leaders click at once). `answered_at` is set by a trigger the
 * moment the decision gets a complete tradeoff (migration `tradeoff_request_answered`), so it
 * holds whichever way the decision is changed; the decision's own audit entry records that change.
 */
export const tradeoffRequests = pgTable(
  'tradeoff_requests',
  {
    id: id(),
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => decisions.id, { onDelete: 'cascade' }),
    requestedById: uuid('requested_by_id').references(() => users.id, { onDelete: 'set null' }),
    answeredAt: timestamp('answered_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('tradeoff_requests_open_key').on(t.decisionId).where(sql`${t.answeredAt} is null`),
    index('tradeoff_requests_decision_idx').on(t.decisionId),
  ],
)

export type TradeoffRequestRow = typeof tradeoffRequests.$inferSelect
