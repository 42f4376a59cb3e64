import { sql } from 'drizzle-orm'
import { bigserial, check, date, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { id, timestamps } from './columns'
import { decisions } from './decisions'
import { teams } from './teams'

/** Where a team hears from the tracker in Slack: one channel per team, set by an admin. */
export const teamSlackChannels = pgTable(
  'team_slack_channels',
  {
    teamId: uuid('team_id')
      .primaryKey()
      .references(() => teams.id, { onDelete: 'cascade' }),
    // Slack's conversation ids: C… for public channels, G… for private ones.
    channelId: text('channel_id').notNull(),
    ...timestamps,
  },
  (t) => [check('team_slack_channels_channel_id_check', sql`${t.channelId} ~ '^[CG][A-Z0-9]{2,30}$'`)],
)

/**
 * The day a deciding team was told about a decision's incidents: at most one notice per
 * decision per day, however many reports name it (the key makes a second notice a no-op).
 */
export const decisionNotices = pgTable(
  'decision_notices',
  {
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => decisions.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    createdAt: timestamps.createdAt,
  },
  (t) => [primaryKey({ columns: [t.decisionId, t.day] })],
)

/** What the integrations sent, skipped or failed to send, for admins: never a secret, never who reported. */
export const integrationDeliveries = pgTable(
  'integration_deliveries',
  {
    id: id(),
    // Paging order: newest first, exact (timestamps tie, and a cursor would round them).
    seq: bigserial('seq', { mode: 'number' }).notNull().unique(),
    integration: text('integration').notNull(),
    kind: text('kind').notNull(),
    target: text('target').notNull(),
    status: text('status').notNull(),
    detail: text('detail'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [check('integration_deliveries_status_check', sql`${t.status} in ('sent', 'skipped', 'failed')`)],
)

export type IntegrationDeliveryRow = typeof integrationDeliveries.$inferSelect
