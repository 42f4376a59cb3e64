import type { IncidentListQuery, IncidentTally } from '@misalign/shared'
import { sql } from 'drizzle-orm'
import { type Db, queryRows } from '../../client'
import { scopeCte } from '../analytics/analytics-scope'
import { attributedCte } from '../gaps/gap-attribution'
import type { IncidentViewer } from '../incidents/incident-visibility'

/*
 * Counting incidents exactly as the incident list filters them: `scopeCte` applies visibility
 * (restricted incidents only for those allowed) and the list's filters on the reporting team as
 * others see it, so every number here is reproduced by GET /incidents with the same `query`.
 */

type Row = { n: number; wh: number }

/** A query with nothing empty in it, so the link it becomes is as short as it can be. */
export function cleanQuery(query: IncidentListQuery): IncidentListQuery {
  const out: IncidentListQuery = {}
  if (query.reportingTeamId?.length) out.reportingTeamId = [...query.reportingTeamId].sort()
  if (query.decisionId) out.decisionId = query.decisionId
  if (query.gapId) out.gapId = query.gapId
  if (query.strategyId) out.strategyId = query.strategyId
  if (query.rootCause?.length) out.rootCause = [...query.rootCause]
  if (query.from) out.from = query.from
  if (query.to) out.to = query.to
  return out
}

export function incidentTallies(db: Db, viewer: IncidentViewer) {
  return {
    /**
     * Many tallies in one pass over the visible incidents: each query becomes a row of `asked`,
     * joined to the incidents it filters for. Answers in the order asked.
     */
    async tallyMany(queries: readonly IncidentListQuery[]): Promise<IncidentTally[]> {
      const clean = queries.map(cleanQuery)
      if (clean.length === 0) return []
      const froms = clean.map((q) => q.from)
      const tos = clean.map((q) => q.to)
      // Only the overall span narrows the scope; an open end on any query keeps that end open.
      const span = {
        from: froms.every(Boolean) ? (froms as string[]).sort()[0] : undefined,
        to: tos.every(Boolean) ? (tos as string[]).sort().at(-1) : undefined,
      }
      const list = (values: readonly string[] | undefined) => (values?.length ? `{${values.join(',')}}` : null)
      const asked = sql.join(
        clean.map(
          (q, k) =>
            sql`(${k}::int, ${list(q.reportingTeamId)}::uuid[], ${q.from ?? null}::date, ${q.to ?? null}::date,
              ${q.decisionId ?? null}::uuid, ${q.gapId ?? null}::uuid, ${q.strategyId ?? null}::uuid, ${list(q.rootCause)}::text[])`,
        ),
        sql`, `,
      )
      const rows = await queryRows<{ k: number } & Row>(
        db,
        sql`${scopeCte(span, viewer)}${attributedCte},
          asked(k, teams, day_from, day_to, decision_id, gap_id, strategy_id, causes) as (values ${asked})
          select asked.k, count(scope.id)::int as n, coalesce(sum(scope.weighted_harm), 0)::int as wh
          from asked left join attributed scope on (asked.teams is null or scope.shown_team_id = any(asked.teams))
            and (asked.day_from is null or scope.discovered_at >= asked.day_from)
            and (asked.day_to is null or scope.discovered_at <= asked.day_to)
            and (asked.decision_id is null or scope.decision_id = asked.decision_id)
            and (asked.gap_id is null or scope.attributed_gap_id = asked.gap_id)
            and (asked.strategy_id is null or scope.attributed_gap_id in (
              select g.id from strategy_gaps g where g.addressed_by_strategy_id = asked.strategy_id))
            and (asked.causes is null or scope.root_cause::text = any(asked.causes))
          group by asked.k`,
      )
      const byK = new Map(rows.map((r) => [r.k, r]))
      return clean.map((query, k) => ({ incidents: byK.get(k)?.n ?? 0, weightedHarm: byK.get(k)?.wh ?? 0, query }))
    },

    /**
     * Per decision over the window: all incidents, those with root cause conflicting_priorities, and
     * the teams hurt. Weighted harm and teams hurt include every "this hurt us too" on those
     * incidents, as the harm of the team that added it (docs/decisions/023); counts are incidents.
     */
    async byDecision(window: { from: string; to: string }, decisionIds?: readonly string[]) {
      if (decisionIds && decisionIds.length === 0) return []
      const named = sql`decision_id is not null ${decisionIds ? sql`and decision_id in ${decisionIds}` : sql``}`
      return queryRows<{ decision_id: string; n: number; wh: number; cp_n: number; cp_wh: number; teams: string[] }>(
        db,
        sql`${scopeCte(window, viewer)},
          named as (select * from scope where ${named}),
          harm as (
            select decision_id, root_cause, weighted_harm, shown_team_id, true as is_incident from named
            union all
            select n.decision_id, n.root_cause, ii.weighted_harm,
              case when ii.anonymous then shown.small_shown else ii.team_id end, false
            from named n join incident_impacts ii on ii.incident_id = n.id join shown on shown.id = ii.team_id
          )
          select decision_id, count(*) filter (where is_incident)::int as n, sum(weighted_harm)::int as wh,
            count(*) filter (where is_incident and root_cause = 'conflicting_priorities')::int as cp_n,
            coalesce(sum(weighted_harm) filter (where root_cause = 'conflicting_priorities'), 0)::int as cp_wh,
            array_agg(distinct shown_team_id::text) as teams
          from harm
          group by decision_id`,
      )
    },

    /** Per reporting team as others see it, over the window. */
    async byTeam(window: { from: string; to: string }) {
      return queryRows<{ team: string; n: number; wh: number }>(
        db,
        sql`${scopeCte(window, viewer)}
          select shown_team_id as team, count(*)::int as n, sum(weighted_harm)::int as wh from scope group by 1`,
      )
    },
  }
}

export type IncidentTallies = ReturnType<typeof incidentTallies>
