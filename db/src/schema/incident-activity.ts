import { sql } from 'drizzle-orm'
import { boolean, check, index, integer, numeric, pgTable, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { id, timestamps, version } from './columns'
import { harmKindEnum } from './enums'
import { incidents } from './incidents'
import { teams } from './teams'
import { users } from './users'

/** A comment on an incident; `mentionTeamIds` are the teams it calls on (checked on write). */
export const incidentComments = pgTable(
  'incident_comments',
  {
    id: id(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    mentionTeamIds: uuid('mention_team_ids').array().notNull().default(sql`'{}'`),
    ...timestamps,
  },
  (t) => [index('incident_comments_incident_idx').on(t.incidentId, t.createdAt)],
)
export type IncidentCommentRow = typeof incidentComments.$inferSelect

/**
 * "This hurt us too": another team's own surprise, harm and cost on an existing incident, kept
 * apart from the incident so it counts as that team's harm (docs/decisions/023). Anonymous ones
 * keep their author only as the keyed hash, as anonymous incidents do (docs/decisions/007).
 */
export const incidentImpacts = pgTable(
  'incident_impacts',
  {
    id: id(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'restrict' }),
    reporterId: uuid('reporter_id').references(() => users.id, { onDelete: 'set null' }),
    reporterKey: text('reporter_key'),
    anonymous: boolean('anonymous').notNull().default(false),
    surprise: smallint('surprise').notNull(),
    harm: smallint('harm').notNull(),
    harmKinds: harmKindEnum('harm_kinds').array().notNull().default(sql`'{}'`),
    engineerDaysLost: numeric('engineer_days_lost', { precision: 8, scale: 1, mode: 'number' }),
    delayDays: integer('delay_days'),
    note: text('note').notNull().default(''),
    /** harm × surprise, stored as on incidents so rankings can sum it. */
    weightedHarm: smallint('weighted_harm').generatedAlwaysAs(sql`harm * surprise`),
    ...timestamps,
    version: version(),
  },
  (t) => [
    // One impact per team per incident: a second one is a change to the first, not more harm.
    uniqueIndex('incident_impacts_incident_team_key').on(t.incidentId, t.teamId),
    index('incident_impacts_team_idx').on(t.teamId),
    check('incident_impacts_surprise_range', sql`${t.surprise} between 1 and 5`),
    check('incident_impacts_harm_range', sql`${t.harm} between 1 and 5`),
    check('incident_impacts_anonymous_reporter', sql`not ${t.anonymous} or ${t.reporterId} is null`),
  ],
)
export type IncidentImpactRow = typeof incidentImpacts.$inferSelect
