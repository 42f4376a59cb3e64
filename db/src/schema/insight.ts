import { sql } from 'drizzle-orm'
import { check, index, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core'
import { incidents } from './incidents'
import { users } from './users'

/**
 * "Not related": a person's word that two incidents the engine offered as similar are not the
 * same story. Kept once per pair (the smaller id first); similar incidents leave the pair out
 * and clustering never joins it. Deleting the row is the undo.
 */
export const incidentUnrelatedPairs = pgTable(
  'incident_unrelated_pairs',
  {
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    otherIncidentId: uuid('other_incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    markedById: uuid('marked_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.incidentId, t.otherIncidentId] }),
    index('incident_unrelated_pairs_other_idx').on(t.otherIncidentId),
    check('incident_unrelated_pairs_ordered', sql`${t.incidentId} < ${t.otherIncidentId}`),
  ],
)
