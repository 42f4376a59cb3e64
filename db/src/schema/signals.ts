import { date, index, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { id, timestamps } from './columns'
import { signalKindEnum } from './enums'
import { strategies } from './strategies'
import { teams } from './teams'
import { users } from './users'

/** Near misses and autonomy wins: counted apart from incidents, never mixed in. */
export const signals = pgTable(
  'signals',
  {
    id: id(),
    kind: signalKindEnum('kind').notNull(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'restrict' }),
    strategyId: uuid('strategy_id').references(() => strategies.id, { onDelete: 'set null' }),
    reporterId: uuid('reporter_id').references(() => users.id, { onDelete: 'set null' }),
    note: text('note').notNull(),
    occurredAt: date('occurred_at', { mode: 'string' }).notNull(),
    ...timestamps,
  },
  (t) => [index('signals_kind_idx').on(t.kind, t.occurredAt), index('signals_strategy_idx').on(t.strategyId)],
)

export type SignalRow = typeof signals.$inferSelect
