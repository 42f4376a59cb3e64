import { type AnyPgColumn, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { id, timestamps, version } from './columns'

export const teams = pgTable(
  'teams',
  {
    id: id(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    parentTeamId: uuid('parent_team_id').references((): AnyPgColumn => teams.id, { onDelete: 'restrict' }),
    archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
    version: version(),
  },
  (t) => [uniqueIndex('teams_slug_key').on(t.slug), index('teams_parent_idx').on(t.parentTeamId)],
)

export type TeamRow = typeof teams.$inferSelect
