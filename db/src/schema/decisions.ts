import { sql } from 'drizzle-orm'
import { type AnyPgColumn, boolean, check, date, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { id, timestamps, version } from './columns'
import { decisionStatusEnum } from './enums'
import { priorities } from './priorities'
import { teams } from './teams'

export const decisions = pgTable(
  'decisions',
  {
    id: id(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    owningTeamId: uuid('owning_team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'restrict' }),
    decidedAt: date('decided_at', { mode: 'string' }).notNull(),
    link: text('link'),
    status: decisionStatusEnum('status').notNull().default('active'),
    supersededById: uuid('superseded_by_id').references((): AnyPgColumn => decisions.id, { onDelete: 'set null' }),
    sharedWithTeamIds: uuid('shared_with_team_ids').array().notNull().default(sql`'{}'::uuid[]`),
    // The tradeoff: all three or none. Without it the decision is an agreement.
    tradeoffPrefer: text('tradeoff_prefer'),
    tradeoffOver: text('tradeoff_over'),
    tradeoffForGoal: text('tradeoff_for_goal'),
    // The priorities X and Y name. Not confirmed: suggested from the words, waiting for a person.
    tradeoffPreferPriorityId: uuid('tradeoff_prefer_priority_id').references(() => priorities.id, { onDelete: 'restrict' }),
    tradeoffOverPriorityId: uuid('tradeoff_over_priority_id').references(() => priorities.id, { onDelete: 'restrict' }),
    tradeoffPrioritiesConfirmed: boolean('tradeoff_priorities_confirmed').notNull().default(false),
    /** Where an imported record came from (an ADR file); importing it again updates this row. */
    externalRef: text('external_ref'),
    ...timestamps,
    version: version(),
  },
  (t) => [
    index('decisions_owning_team_idx').on(t.owningTeamId),
    index('decisions_decided_at_idx').on(t.decidedAt),
    uniqueIndex('decisions_external_ref_key').on(t.externalRef).where(sql`${t.externalRef} is not null`),
    check(
      'decisions_tradeoff_complete',
      sql`(${t.tradeoffPrefer} is null) = (${t.tradeoffOver} is null) and (${t.tradeoffOver} is null) = (${t.tradeoffForGoal} is null)`,
    ),
  ],
)

export type DecisionRow = typeof decisions.$inferSelect
