import { sql } from 'drizzle-orm'
import { pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core'
import { id, timestamps, version } from './columns'

/** The priorities register: what tradeoffs pick their X and Y from (docs/decisions/015-priorities-register.md). */
export const priorities = pgTable(
  'priorities',
  {
    id: id(),
    name: text('name').notNull(),
    /** Other words people use for it; matched like the name. */
    aliases: text('aliases').array().notNull().default(sql`'{}'::text[]`),
    description: text('description').notNull().default(''),
    ...timestamps,
    version: version(),
  },
  // Unique case-insensitively, like users' emails: "Reliability" and "reliability" are one priority.
  (t) => [uniqueIndex('priorities_name_key').on(sql`lower(${t.name})`)],
)

export type PriorityRow = typeof priorities.$inferSelect
