import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { id, timestamps, version } from './columns'
import { decisions } from './decisions'
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

/**
 * The decisions behind a gap (`decisionIds`): their incidents count towards it unless an incident
 * names a gap itself. A decision may sit behind several gaps; its incidents then count towards the
 * gap that named it first (`linkedAt`, see `decisionClaims` and docs/decisions/017).
 */
export const strategyGapDecisions = pgTable(
  'strategy_gap_decisions',
  {
    id: id(),
    gapId: uuid('gap_id')
      .notNull()
      .references(() => strategyGaps.id, { onDelete: 'cascade' }),
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => decisions.id, { onDelete: 'cascade' }),
    linkedById: by('linked_by_id'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('strategy_gap_decisions_gap_decision_key').on(t.gapId, t.decisionId),
    index('strategy_gap_decisions_decision_idx').on(t.decisionId, t.createdAt),
  ],
)

export type StrategyGapDecisionRow = typeof strategyGapDecisions.$inferSelect
