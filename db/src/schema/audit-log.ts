import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { id } from './columns'

/**
 * Append-only: rows are never updated, so there is no updatedAt or version
 * (see docs/decisions/004-audit-log-append-only.md). `actorId` is not a foreign key,
 * so deleting a user never rewrites history.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    /** "anonymous" for anonymous reporters, "system" for the seeder and migrations. */
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id'),
    changes: jsonb('changes').$type<Record<string, { before?: unknown; after?: unknown }>>().notNull().default({}),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index('audit_log_actor_idx').on(t.actorId, t.at),
  ],
)

export type AuditRow = typeof auditLog.$inferSelect
