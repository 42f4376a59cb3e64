import type { PriorityTradeoff } from '@misalign/shared'
import { sql } from 'drizzle-orm'
import { type AnyPgColumn, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { id, timestamps, version } from './columns'
import { strategyStatusEnum } from './enums'
import { teams } from './teams'

export const strategies = pgTable(
  'strategies',
  {
    id: id(),
    title: text('title').notNull(),
    context: text('context').notNull().default(''),
    ownerTeamId: uuid('owner_team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'restrict' }),
    /** Teams the strategy applies to; empty means the whole org. */
    scopeTeamIds: uuid('scope_team_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** Each with the priority ids X and Y picked (checked on write: jsonb holds no foreign key). */
    tradeoffs: jsonb('tradeoffs').$type<PriorityTradeoff[]>().notNull(),
    status: strategyStatusEnum('status').notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    reviewBy: date('review_by', { mode: 'string' }).notNull(),
    /** A revision points at the strategy it replaces; publishing it retires that one. */
    supersedesId: uuid('supersedes_id').references((): AnyPgColumn => strategies.id, { onDelete: 'restrict' }),
    revision: integer('revision').notNull().default(1),
    ...timestamps,
    version: version(),
  },
  (t) => [
    index('strategies_owner_team_idx').on(t.ownerTeamId),
    index('strategies_status_review_idx').on(t.status, t.reviewBy),
    index('strategies_supersedes_idx').on(t.supersedesId),
  ],
)

export type StrategyRow = typeof strategies.$inferSelect
