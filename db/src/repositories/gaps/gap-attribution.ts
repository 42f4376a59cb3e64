import { type SQL, sql } from 'drizzle-orm'

/*
 * The attribution rule of shared/src/domain/gap-attribution.ts in SQL (docs/decisions/017): an
 * incident counts towards the gap it names, else towards the gap that named its decision first.
 * A test holds these fragments equal to `attributedGapId`.
 */

/** `decision_id, gap_id`: for each decision behind some gap, the gap that named it first (`decisionClaims`). */
export const gapClaimsQuery = sql`select distinct on (decision_id) decision_id, gap_id from strategy_gap_decisions
  order by decision_id, created_at, gap_id`

/**
 * `, claims as (…), attributed as (…)`, to follow `scopeCte`: the scope's incidents with
 * `attributed_gap_id`, the gap each counts towards (null for none).
 */
export const attributedCte = sql`, claims as materialized (${gapClaimsQuery}),
  attributed as (
    select scope.*, coalesce(scope.gap_id, claims.gap_id) as attributed_gap_id
    from scope left join claims on claims.decision_id = scope.decision_id
  )`

/**
 * `, claims as (…), attributed as (…)` holding only the scope's incidents that count towards some
 * gap, for reads about gaps: the same single pass as `attributedCte`, filtered before anything is
 * grouped. (Measured on 20k incidents, ranking median: PGlite 39–43 ms, Postgres 23 ms, against
 * 29 / 31 ms before attribution; a two-arm UNION was slower, 54 / 38–47 ms, as `scope` is then
 * read twice and materialized.)
 */
export const gapIncidentsCte = sql`, claims as materialized (${gapClaimsQuery}),
  attributed as (
    select scope.*, coalesce(scope.gap_id, claims.gap_id) as attributed_gap_id
    from scope left join claims on claims.decision_id = scope.decision_id
    where scope.gap_id is not null or claims.gap_id is not null
  )`

/**
 * The gap an incident row counts towards, for a single look-up. Pass qualified columns
 * (`i.decision_id`): a bare name would resolve inside the subquery.
 */
export const attributedGapOf = (gapId: SQL, decisionId: SQL) => sql`coalesce(${gapId}, (
  select c.gap_id from strategy_gap_decisions c where c.decision_id = ${decisionId} order by c.created_at, c.gap_id limit 1))`

/** Does the incident row count towards this gap: it names it, or names no gap and a decision the gap claims. */
export const countsTowardsGap = (gapId: string, incidentGapId: SQL, incidentDecisionId: SQL) => sql`(${incidentGapId} = ${gapId}
  or (${incidentGapId} is null and ${incidentDecisionId} in (
    select decision_id from (${gapClaimsQuery}) claimed where claimed.gap_id = ${gapId})))`

/** Does the incident row count towards some gap this strategy addresses (the same rule, over the strategy's gaps). */
export const countsTowardsStrategy = (strategyId: string, incidentGapId: SQL, incidentDecisionId: SQL) =>
  sql`${attributedGapOf(incidentGapId, incidentDecisionId)} in (
    select g.id from strategy_gaps g where g.addressed_by_strategy_id = ${strategyId})`
