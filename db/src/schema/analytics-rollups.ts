import { bigint, boolean, date, integer, numeric, pgTable, smallint, unique, uuid } from 'drizzle-orm/pg-core'
import { discoveryChannelEnum, harmKindEnum, rootCauseEnum } from './enums'

/*
 * The dashboard's daily rollups of incidents (migration 0006, docs/decisions/011). Since
 * migration 0012 (docs/decisions/021) writes no longer touch them: statement-level triggers on
 * incidents and decisions append signed rows to `analytics_incident_deltas`, `foldRollupDeltas`
 * moves those into the rollups, and readers read the `analytics_*_exact` views, which add the
 * pending deltas to the folded rows. They are a cache of `incidents`,
 * never written by the app and never a source of truth. Leaders and admins, who see every
 * restricted incident, read them whole; everyone else reads the unrestricted rows, and the few
 * restricted incidents they may see are aggregated per request. Each table has the dimensions one family of charts groups or filters by; a filter
 * outside them sends that chart back to the incidents table (same answer, slower).
 *
 * No uuid key or timestamps, unlike the domain tables: a row is identified by its dimensions.
 * NULLS NOT DISTINCT lets "no decision owner" or "no decision" be one row like any other.
 */

const measures = {
  incidents: integer('incidents').notNull(),
  weightedHarm: bigint('weighted_harm', { mode: 'number' }).notNull(),
}
const harmMeasures = {
  ...measures,
  engineerDaysLost: numeric('engineer_days_lost', { precision: 14, scale: 1 }).notNull(),
  delayDays: bigint('delay_days', { mode: 'number' }).notNull(),
}
const reporting = {
  reportingTeamId: uuid('reporting_team_id').notNull(),
  anonymous: boolean('anonymous').notNull(),
}
/** Leaders and admins read restricted rows too; everyone else reads only the others. */
const restricted = { restricted: boolean('restricted').notNull() }

/**
 * Changes to incidents not yet folded into the rollups: one row per incident a statement added
 * (`sign` 1) or removed (-1; an edit is both), with every column any rollup groups or sums and
 * the date of its decision at that moment (for the discovery lag). Insert-only between folds, with
 * no key and no index, so concurrent filings never wait on one another here.
 */
export const analyticsIncidentDeltas = pgTable('analytics_incident_deltas', {
  sign: smallint('sign').notNull(),
  discoveredAt: date('discovered_at', { mode: 'string' }).notNull(),
  ...reporting,
  ...restricted,
  rootCause: rootCauseEnum('root_cause').notNull(),
  decisionOwnerTeamId: uuid('decision_owner_team_id'),
  harmKinds: harmKindEnum('harm_kinds').array().notNull(),
  discoveryChannel: discoveryChannelEnum('discovery_channel').notNull(),
  decisionId: uuid('decision_id'),
  decidedAt: date('decided_at', { mode: 'string' }),
  gapId: uuid('gap_id'),
  weightedHarm: smallint('weighted_harm').notNull(),
  engineerDaysLost: numeric('engineer_days_lost', { precision: 8, scale: 1 }),
  delayDays: integer('delay_days'),
})

/** Trends: per day, reporting team and root cause. */
export const analyticsRootCauseDays = pgTable(
  'analytics_root_cause_days',
  {
    day: date('day', { mode: 'string' }).notNull(),
    ...reporting,
    rootCause: rootCauseEnum('root_cause').notNull(),
    ...restricted,
    ...measures,
  },
  (t) => [unique('analytics_root_cause_days_key').on(t.day, t.reportingTeamId, t.anonymous, t.rootCause, t.restricted)],
)

/** The team matrix and harm by team: per day, reporting team and decision-owner team. */
export const analyticsTeamPairDays = pgTable(
  'analytics_team_pair_days',
  {
    day: date('day', { mode: 'string' }).notNull(),
    ...reporting,
    decisionOwnerTeamId: uuid('decision_owner_team_id'),
    ...restricted,
    ...harmMeasures,
  },
  (t) => [
    unique('analytics_team_pair_days_key')
      .on(t.day, t.reportingTeamId, t.anonymous, t.decisionOwnerTeamId, t.restricted)
      .nullsNotDistinct(),
  ],
)

/** Harm by kind: per day, reporting team and harm kind (an incident counts once per kind). */
export const analyticsHarmKindDays = pgTable(
  'analytics_harm_kind_days',
  {
    day: date('day', { mode: 'string' }).notNull(),
    ...reporting,
    harmKind: harmKindEnum('harm_kind').notNull(),
    ...restricted,
    ...harmMeasures,
  },
  (t) => [unique('analytics_harm_kind_days_key').on(t.day, t.reportingTeamId, t.anonymous, t.harmKind, t.restricted)],
)

/** Discovery lag: per day, channel and lag bucket (`analytics_lag_bucket`; null = no decision traced). */
export const analyticsLagDays = pgTable(
  'analytics_lag_days',
  {
    day: date('day', { mode: 'string' }).notNull(),
    discoveryChannel: discoveryChannelEnum('discovery_channel').notNull(),
    lagBucket: smallint('lag_bucket'),
    ...restricted,
    incidents: integer('incidents').notNull(),
  },
  (t) => [unique('analytics_lag_days_key').on(t.day, t.discoveryChannel, t.lagBucket, t.restricted).nullsNotDistinct()],
)

/** Top decisions and decision classes: per day and decision (null = no decision traced). */
export const analyticsDecisionDays = pgTable(
  'analytics_decision_days',
  { day: date('day', { mode: 'string' }).notNull(), decisionId: uuid('decision_id'), ...restricted, ...measures },
  (t) => [unique('analytics_decision_days_key').on(t.day, t.decisionId, t.restricted).nullsNotDistinct()],
)

/** Teams affected by a decision: per decision, day and reporting team, read for the top few only. */
export const analyticsDecisionTeamDays = pgTable(
  'analytics_decision_team_days',
  {
    decisionId: uuid('decision_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    ...reporting,
    ...restricted,
    ...measures,
  },
  (t) => [unique('analytics_decision_team_days_key').on(t.decisionId, t.day, t.reportingTeamId, t.anonymous, t.restricted)],
)

/** Top strategy gaps: per gap, day and reporting team. */
export const analyticsGapTeamDays = pgTable(
  'analytics_gap_team_days',
  { gapId: uuid('gap_id').notNull(), day: date('day', { mode: 'string' }).notNull(), ...reporting, ...restricted, ...measures },
  (t) => [unique('analytics_gap_team_days_key').on(t.gapId, t.day, t.reportingTeamId, t.anonymous, t.restricted)],
)

/**
 * Top strategy gaps through decisions: incidents that name no gap but a decision, per decision,
 * day and reporting team. Which gap a decision counts towards is read at query time from
 * `strategy_gap_decisions`, so changing a gap's decisions changes the ranking at once without
 * rewriting rollups (docs/decisions/017).
 */
export const analyticsGaplessDecisionTeamDays = pgTable(
  'analytics_gapless_decision_team_days',
  {
    decisionId: uuid('decision_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    ...reporting,
    ...restricted,
    ...measures,
  },
  (t) => [
    unique('analytics_gapless_decision_team_days_key').on(t.decisionId, t.day, t.reportingTeamId, t.anonymous, t.restricted),
  ],
)
