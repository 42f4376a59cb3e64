import { type SQL, sql } from 'drizzle-orm'
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  numeric,
  pgSequence,
  pgTable,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { id, timestamps, version } from './columns'
import { decisions } from './decisions'
import { discoveryChannelEnum, harmKindEnum, incidentStatusEnum, rootCauseEnum } from './enums'
import { strategyGaps } from './strategy-gaps'
import { teams } from './teams'
import { users } from './users'

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' })

/** MIS-<n>: numbers come from their own sequence so they never depend on row order. */
export const incidentNumberSeq = pgSequence('incident_number_seq', { startWith: 1 })

export const incidents = pgTable(
  'incidents',
  {
    id: id(),
    number: integer('number').notNull().default(sql`nextval('incident_number_seq')`),
    title: text('title').notNull(),
    narrative: text('narrative').notNull().default(''),
    reportingTeamId: uuid('reporting_team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'restrict' }),
    /** Null when the report is anonymous: then only `reporterKey` ties it to its reporter. */
    reporterId: uuid('reporter_id').references(() => users.id, { onDelete: 'set null' }),
    /** Keyed hash of the anonymous reporter's id, so they can find and edit their own report. */
    reporterKey: text('reporter_key'),
    anonymous: boolean('anonymous').notNull().default(false),
    restricted: boolean('restricted').notNull().default(false),
    status: incidentStatusEnum('status').notNull().default('open'),
    // Discovery
    discoveredAt: date('discovered_at', { mode: 'string' }).notNull(),
    discoveryChannel: discoveryChannelEnum('discovery_channel').notNull(),
    // Surprise
    expected: text('expected').notNull(),
    surprise: smallint('surprise').notNull(),
    // Harm
    harmedGoal: text('harmed_goal').notNull(),
    harm: smallint('harm').notNull(),
    harmKinds: harmKindEnum('harm_kinds').array().notNull().default(sql`'{}'`),
    engineerDaysLost: numeric('engineer_days_lost', { precision: 8, scale: 1, mode: 'number' }),
    delayDays: integer('delay_days'),
    // Trace
    decisionId: uuid('decision_id').references(() => decisions.id, { onDelete: 'set null' }),
    decisionOwnerTeamId: uuid('decision_owner_team_id').references(() => teams.id, { onDelete: 'restrict' }),
    gapId: uuid('gap_id').references(() => strategyGaps.id, { onDelete: 'set null' }),
    missingContext: text('missing_context').notNull().default(''),
    rootCause: rootCauseEnum('root_cause').notNull().default('unknown'),
    /** The id a report had in the system it was imported from; importing it again updates this row. */
    externalId: text('external_id'),
    /** harm × surprise, stored so rankings and the dashboard can index and sum it. */
    weightedHarm: smallint('weighted_harm').generatedAlwaysAs((): SQL => sql`harm * surprise`),
    searchText: tsvector('search_text').generatedAlwaysAs(
      (): SQL => sql`to_tsvector('english', coalesce(title, '') || ' ' || coalesce(narrative, ''))`,
    ),
    ...timestamps,
    version: version(),
  },
  (t) => [
    uniqueIndex('incidents_number_key').on(t.number),
    index('incidents_discovered_at_idx').on(t.discoveredAt),
    index('incidents_reporting_team_idx').on(t.reportingTeamId, t.discoveredAt),
    // No index on root cause or discovery channel: a handful of values each, so no list query
    // is selective enough to use one, and the dashboard reads them from rollups (docs/decisions/021).
    index('incidents_decision_owner_team_idx').on(t.decisionOwnerTeamId, t.discoveredAt),
    index('incidents_status_idx').on(t.status, t.number),
    index('incidents_decision_idx').on(t.decisionId),
    // Partial: most filings name no gap and are anonymous to no one, so they skip these two
    // indexes; every query on them asks for one gap or one reporter key (docs/decisions/021).
    index('incidents_gap_idx').on(t.gapId).where(sql`${t.gapId} is not null`),
    index('incidents_reporter_idx').on(t.reporterId),
    index('incidents_reporter_key_idx').on(t.reporterKey).where(sql`${t.reporterKey} is not null`),
    index('incidents_search_idx').using('gin', t.searchText),
    // Partial: only imported reports carry one, so filing never touches this index.
    uniqueIndex('incidents_external_id_key').on(t.externalId).where(sql`${t.externalId} is not null`),
    // The sortable list columns, each ending on number so a keyset page is one index range (ADR 024).
    index('incidents_weighted_harm_number_idx').on(t.weightedHarm, t.number),
    index('incidents_discovered_at_number_idx').on(t.discoveredAt, t.number),
    check('incidents_surprise_range', sql`${t.surprise} between 1 and 5`),
    check('incidents_harm_range', sql`${t.harm} between 1 and 5`),
    check('incidents_engineer_days_nonnegative', sql`${t.engineerDaysLost} is null or ${t.engineerDaysLost} >= 0`),
    check('incidents_delay_days_nonnegative', sql`${t.delayDays} is null or ${t.delayDays} >= 0`),
    check('incidents_anonymous_has_no_reporter', sql`not ${t.anonymous} or ${t.reporterId} is null`),
  ],
)

export type IncidentRow = typeof incidents.$inferSelect
