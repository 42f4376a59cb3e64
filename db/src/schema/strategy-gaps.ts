import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { id, timestamps, version } from './columns'
import { gapStatusEnum } from './enums'
import { strategies } from './strategies'
import { users } from './users'

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })
const by = (name: string) => uuid(name).references(() => users.id, { onDelete: 'set null' })

export const strategyGaps = pgTable(
  'strategy_gaps',
  {
    id: id(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    ownerId: by('owner_id'),
    status: gapStatusEnum('status').notNull().default('open'),
    addressedByStrategyId: uuid('addressed_by_strategy_id').references(() => strategies.id, { onDelete: 'set null' }),
    wontFixReason: text('wont_fix_reason'),
    // Each lifecycle step records when and by whom it was taken.
    acknowledgedAt: at('acknowledged_at'),
    acknowledgedById: by('acknowledged_by_id'),
    publishedAt: at('published_at'),
    publishedById: by('published_by_id'),
    verifiedAt: at('verified_at'),
    verifiedById: by('verified_by_id'),
    wontFixAt: at('wont_fix_at'),
    wontFixById: by('wont_fix_by_id'),
    ...timestamps,
    version: version(),
  },
  (t) => [index('strategy_gaps_status_idx').on(t.status), index('strategy_gaps_strategy_idx').on(t.addressedByStrategyId)],
)

export type StrategyGapRow = typeof strategyGaps.$inferSelect
