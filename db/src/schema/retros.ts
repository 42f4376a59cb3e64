import { sql } from 'drizzle-orm'
import { check, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { clusters } from './clusters'
import { id, timestamps, version } from './columns'
import { actionKindEnum, actionStatusEnum, retroStatusEnum } from './enums'
import { strategies } from './strategies'
import { strategyGaps } from './strategy-gaps'
import { teams } from './teams'

export const retros = pgTable(
  'retros',
  {
    id: id(),
    clusterId: uuid('cluster_id')
      .notNull()
      .references(() => clusters.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    heldAt: timestamp('held_at', { withTimezone: true, mode: 'date' }),
    summary: text('summary').notNull().default(''),
    status: retroStatusEnum('status').notNull().default('planned'),
    // The tradeoff the retro states ("prefer X over Y, for goal Z"): all three or none.
    tradeoffPrefer: text('tradeoff_prefer'),
    tradeoffOver: text('tradeoff_over'),
    tradeoffForGoal: text('tradeoff_for_goal'),
    /** The strategy draft the stated tradeoff was published as. */
    strategyId: uuid('strategy_id').references(() => strategies.id, { onDelete: 'set null' }),
    /** The strategy gap the retro opened for its cluster. */
    gapId: uuid('gap_id').references(() => strategyGaps.id, { onDelete: 'set null' }),
    ...timestamps,
    version: version(),
  },
  (t) => [
    index('retros_cluster_idx').on(t.clusterId),
    check(
      'retros_tradeoff_complete',
      sql`(${t.tradeoffPrefer} is null) = (${t.tradeoffOver} is null) and (${t.tradeoffOver} is null) = (${t.tradeoffForGoal} is null)`,
    ),
  ],
)

export const actions = pgTable(
  'actions',
  {
    id: id(),
    retroId: uuid('retro_id')
      .notNull()
      .references(() => retros.id, { onDelete: 'cascade' }),
    description: text('description').notNull(),
    ownerTeamId: uuid('owner_team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'restrict' }),
    dueAt: date('due_at', { mode: 'string' }),
    status: actionStatusEnum('status').notNull().default('open'),
    kind: actionKindEnum('kind').notNull(),
    /** Why an anti-misalignment kind was chosen anyway: asked for, never required to block. */
    reason: text('reason'),
    ...timestamps,
    version: version(),
  },
  (t) => [index('actions_retro_idx').on(t.retroId), index('actions_kind_created_idx').on(t.kind, t.createdAt)],
)

export type RetroRow = typeof retros.$inferSelect
export type ActionRow = typeof actions.$inferSelect
