import {
  addDays,
  daysBetween,
  defaultVerificationWeeks,
  earlierHalfEnd,
  GAP_RANKING_FORMULA,
  type GapContext,
  type GapImpact,
  type GapRanking,
  type GapRankingQuery,
  type GapSuggestion,
  type GapSuggestionQuery,
  type GapSuggestions,
  impactWeekStarts,
  impactWindow,
  mergeSameStory,
  rankingWindow,
  recurrencePerMonth,
  type StrategyStatus,
  suggestionMinimum,
  trendOf,
  utcDay,
  verificationOutlook,
  WEIGHTED_HARM_EXPLANATION,
} from '@misalign/shared'
import { type SQL, sql } from 'drizzle-orm'
import { type Db, queryRows } from '../../client'
import { scopeCte } from '../analytics/analytics-scope'
import type { IncidentViewer } from '../incidents/incident-visibility'
import { decodeCursor, encodeCursor, InvalidCursorError } from '../support/cursor'
import { attributedCte, gapIncidentsCte } from './gap-attribution'

/*
 * The register's read models. Every count starts from `scopeCte`, so a restricted incident the
 * viewer may not see is absent from every number here, and a small team's anonymous reports
 * count under its parent team in "teams affected". An incident counts towards the gap it is
 * attributed to (`gapIncidentsCte`, `attributedCte`): the one it names, else the one behind its decision.
 */

const num = (value: unknown) => Number(value ?? 0)
const round1 = (value: number) => Math.round(value * 10) / 10

const hasTradeoff = sql`coalesce(btrim(d.tradeoff_prefer), '') <> '' and coalesce(btrim(d.tradeoff_over), '') <> ''
  and coalesce(btrim(d.tradeoff_for_goal), '') <> ''`

type RankingRow = {
  id: string
  title: string
  status: string
  owner_id: string | null
  n: number
  wh: number
  teams: number
  via: number
  earlier: number
  later: number
  days: number | string | null
  last: string | null
  total: number
}

type GroupRow = {
  id: string
  title: string
  n: number
  wh: number
  teams: number
  last: string
  incident_ids: string[]
  quotes: string[] | null
}

/**
 * `, contributions as (…)`, to follow `gapIncidentsCte`: each attributed incident, and each other
 * team's impact on it (dated by the incident, shown as its team, or the parent of a small team
 * when anonymous), with `is_incident` telling them apart.
 */
const withImpactsCte = sql`, contributions as (
    select a.id, a.discovered_at, a.gap_id, a.attributed_gap_id, a.weighted_harm, a.shown_team_id,
      a.engineer_days_lost, true as is_incident
    from attributed a
    union all
    select a.id, a.discovered_at, a.gap_id, a.attributed_gap_id, ii.weighted_harm,
      case when ii.anonymous then shown.small_shown else ii.team_id end, ii.engineer_days_lost, false
    from attributed a join incident_impacts ii on ii.incident_id = a.id join shown on shown.id = ii.team_id
  )`

type GapRef = { id: string; addressedByStrategyId: string | null }

export function strategyGapInsights(db: Db) {
  const rows = <T>(query: SQL) => queryRows<T>(db, query)

  /** Gaps in the register, for a page past the last one (which has no row to carry the total). */
  async function countGaps(status: string | undefined): Promise<number> {
    const [row] = await rows<{ n: number }>(
      sql`select count(*)::int as n from strategy_gaps ${status ? sql`where status = ${status}` : sql``}`,
    )
    return row?.n ?? 0
  }

  /** The day a strategy was published, or null when it is not (or no longer) on record. */
  async function publication(strategyId: string | null) {
    if (!strategyId) return undefined
    const [found] = await rows<{ id: string; title: string; status: StrategyStatus; published_at: Date | string | null }>(
      sql`select id, title, status, published_at from strategies where id = ${strategyId}`,
    )
    if (!found) return undefined
    const publishedAt = found.published_at ? utcDay(new Date(found.published_at)) : null
    return { id: found.id, title: found.title, status: found.status, publishedAt }
  }

  /** Groups of visible incidents in the window that count towards no gap, by decision or cluster, over the threshold. */
  async function unaddressed(window: { from: string; to: string }, viewer: IncidentViewer, groupBy: 'decision' | 'cluster') {
    const join =
      groupBy === 'decision'
        ? sql`join decisions grp on grp.id = scope.decision_id`
        : sql`join cluster_members cm on cm.incident_id = scope.id join clusters grp on grp.id = cm.cluster_id and grp.status <> 'dismissed'`
    return rows<GroupRow>(sql`${scopeCte(window, viewer)}${attributedCte}
      select grp.id, grp.title, count(*)::int as n, sum(scope.weighted_harm)::int as wh,
        count(distinct scope.shown_team_id)::int as teams, max(scope.discovered_at)::text as last,
        array_agg(scope.id::text order by scope.weighted_harm desc, scope.discovered_at desc) as incident_ids,
        (array_agg(distinct btrim(i.missing_context)) filter (where btrim(i.missing_context) <> ''))[1:3] as quotes
      from attributed scope ${join} join incidents i on i.id = scope.id
      group by grp.id, grp.title
      having bool_and(scope.attributed_gap_id is null) and count(*) >= ${suggestionMinimum.incidents}
        and sum(scope.weighted_harm) >= ${suggestionMinimum.weightedHarm}
      order by wh desc, n desc, grp.id`)
  }

  return {
    /**
     * Every gap, most weighted harm in the window first. "Last seen" looks back past the window
     * start (up to its end), so a gap that went quiet still says when it last hurt someone.
     */
    async ranking(query: GapRankingQuery, viewer: IncidentViewer, today: string): Promise<GapRanking> {
      const window = rankingWindow(query, today)
      const { from, to } = window
      const middle = earlierHalfEnd(window)
      // Pages by position: the order is by sums worked out on each request, so a keyset over
      // them would be no steadier than an offset while incidents are being filed.
      const offset = decodeCursor(query.cursor, ['number'] as const)?.[0] ?? 0
      if (!Number.isInteger(offset) || offset < 0) throw new InvalidCursorError()
      const limit = query.limit ?? 100
      // One pass over the visible incidents up to the window's end: the window's numbers filter
      // on its start, "last seen" does not. (Measured faster than a per-gap indexed look-up.)
      const inWindow = sql`s.discovered_at >= ${from}`
      // Harm counts from the incidents and from every "this hurt us too" on them, each as the
      // harm of the team that felt it (docs/decisions/023); incidents, halves and "via" count
      // incidents only.
      const found = await rows<RankingRow>(sql`${scopeCte({ to }, viewer)}${gapIncidentsCte}${withImpactsCte}
        select g.id, g.title, g.status, g.owner_id,
          count(s.id) filter (where ${inWindow} and s.is_incident)::int as n,
          count(s.id) filter (where ${inWindow} and s.is_incident and s.gap_id is null)::int as via,
          coalesce(sum(s.weighted_harm) filter (where ${inWindow}), 0)::int as wh,
          count(distinct s.shown_team_id) filter (where ${inWindow})::int as teams,
          count(s.id) filter (where ${inWindow} and s.is_incident and s.discovered_at <= ${middle})::int as earlier,
          count(s.id) filter (where s.is_incident and s.discovered_at > ${middle})::int as later,
          coalesce(sum(s.engineer_days_lost) filter (where ${inWindow}), 0)::float8 as days,
          max(s.discovered_at)::text as last,
          count(*) over ()::int as total
        from strategy_gaps g left join contributions s on s.attributed_gap_id = g.id
        ${query.status ? sql`where g.status = ${query.status}` : sql``}
        group by g.id
        order by wh desc, n desc, g.created_at desc, g.id
        limit ${limit} offset ${offset}`)
      const windowDays = daysBetween(from, to) + 1
      const total = found[0]?.total ?? (offset === 0 ? 0 : await countGaps(query.status))
      return {
        formula: GAP_RANKING_FORMULA,
        from,
        to,
        total,
        nextCursor: offset + found.length < total ? encodeCursor([offset + found.length]) : null,
        items: found.map((r) => ({
          gapId: r.id,
          title: r.title,
          status: r.status as GapRanking['items'][number]['status'],
          ownerId: r.owner_id,
          incidents: r.n,
          weightedHarm: r.wh,
          teamsAffected: r.teams,
          throughDecisions: r.via,
          recurrencePerMonth: r.n === 0 ? 0 : recurrencePerMonth(r.n, windowDays),
          trend: trendOf(r.earlier, r.later),
          earlierHalf: r.earlier,
          laterHalf: r.later,
          engineerDaysLost: round1(num(r.days)),
          lastSeenAt: r.last,
        })),
      }
    },

    /** Incidents, weighted harm and decisions recorded, in equal windows around publication. */
    async impact(gap: GapRef, weeks: number | undefined, viewer: IncidentViewer, today: string): Promise<GapImpact> {
      const strategy = await publication(gap.addressedByStrategyId)
      const empty = {
        gapId: gap.id,
        strategyId: strategy?.id ?? null,
        strategyTitle: strategy?.title ?? null,
        publishedAt: strategy?.publishedAt ?? null,
        windowWeeks: 0,
        before: null,
        after: null,
        series: [],
      }
      if (!strategy?.publishedAt) return empty
      const window = impactWindow(strategy.publishedAt, today, weeks)
      if (window.weeks === 0) return empty
      const { beforeFrom: from, afterTo: to, publishedAt } = window
      const week = (column: SQL) => sql`floor((${column} - ${publishedAt}::date)::numeric / 7)::int`
      const incidentWeeks = await rows<{
        k: number
        n: number
        wh: number
      }>(sql`${scopeCte({ from, to }, viewer)}${gapIncidentsCte}
        select ${week(sql`discovered_at`)} as k, count(*)::int as n, sum(weighted_harm)::int as wh
        from attributed where attributed_gap_id = ${gap.id} group by 1`)
      // Fewer incidents can also mean teams stopped deciding: decisions recorded sit beside them.
      const decisionWeeks = await rows<{ k: number; n: number }>(sql`
        select ${week(sql`decided_at`)} as k, count(*)::int as n from decisions
        where decided_at between ${from} and ${to} group by 1`)
      const incidentsAt = new Map(incidentWeeks.map((r) => [r.k, r]))
      const decisionsAt = new Map(decisionWeeks.map((r) => [r.k, r.n]))
      const series = impactWeekStarts(window).map((period, i) => {
        const k = i - window.weeks
        return {
          period,
          side: k < 0 ? ('before' as const) : ('after' as const),
          incidents: incidentsAt.get(k)?.n ?? 0,
          weightedHarm: incidentsAt.get(k)?.wh ?? 0,
          decisions: decisionsAt.get(k) ?? 0,
        }
      })
      const total = (side: 'before' | 'after', sideFrom: string, sideTo: string) => {
        const weeksOnSide = series.filter((s) => s.side === side)
        return {
          from: sideFrom,
          to: sideTo,
          incidents: weeksOnSide.reduce((sum, s) => sum + s.incidents, 0),
          weightedHarm: weeksOnSide.reduce((sum, s) => sum + s.weightedHarm, 0),
          decisions: weeksOnSide.reduce((sum, s) => sum + s.decisions, 0),
        }
      }
      return {
        ...empty,
        windowWeeks: window.weeks,
        before: total('before', from, addDays(publishedAt, -1)),
        after: total('after', publishedAt, to),
        series,
      }
    },

    /**
     * Who took each step, the decisions behind the gap and behind its visible incidents, and the
     * road to verified.
     */
    async context(
      gap: GapRef & { status: string; personIds: (string | null)[] },
      viewer: IncidentViewer,
      today: string,
    ): Promise<GapContext> {
      const ids = [...new Set(gap.personIds.filter((id): id is string => !!id))]
      const people = ids.length
        ? await rows<{ id: string; display_name: string }>(
            sql`select id, display_name from users where id in ${ids} order by display_name`,
          )
        : []
      const decisions = await rows<{
        id: string
        title: string
        owner: string
        tradeoff: boolean
        n: number
        wh: number
        behind: boolean
        claimed_by: string | null
      }>(
        sql`${scopeCte({}, viewer)}${gapIncidentsCte},
        named as (select decision_id from strategy_gap_decisions where gap_id = ${gap.id}),
        counted as (
          select decision_id, count(*)::int as n, sum(weighted_harm)::int as wh from attributed
          where attributed_gap_id = ${gap.id} and decision_id is not null group by 1
        )
        select d.id, d.title, d.owning_team_id as owner, (${hasTradeoff}) as tradeoff, coalesce(counted.n, 0)::int as n,
          coalesce(counted.wh, 0)::int as wh, (named.decision_id is not null) as behind, claims.gap_id as claimed_by
        from decisions d left join counted on counted.decision_id = d.id left join named on named.decision_id = d.id
          left join claims on claims.decision_id = d.id
        where counted.decision_id is not null or named.decision_id is not null
        order by wh desc, n desc, d.id`,
      )
      const strategy = (await publication(gap.addressedByStrategyId)) ?? null
      let verification: GapContext['verification'] = null
      if (gap.status === 'published' && strategy?.publishedAt) {
        const [latest] = await rows<{
          last: string | null
        }>(sql`${scopeCte({ from: strategy.publishedAt }, viewer)}${gapIncidentsCte}
          select max(discovered_at)::text as last from attributed where attributed_gap_id = ${gap.id}`)
        const lastIncidentAt = latest?.last ?? null
        const weeks = defaultVerificationWeeks
        const outlook = verificationOutlook({ publishedAt: strategy.publishedAt, lastIncidentAt, weeks, today })
        verification = { weeks, state: outlook.state, earliestAt: outlook.earliestAt, lastIncidentAt }
      }
      return {
        people: people.map((p) => ({ id: p.id, displayName: p.display_name })),
        strategy,
        decisions: decisions.map((d) => ({
          id: d.id,
          title: d.title,
          owningTeamId: d.owner,
          hasTradeoff: d.tradeoff,
          incidents: d.n,
          weightedHarm: d.wh,
          isBehindGap: d.behind,
          countsTowardsGapId: d.behind && d.claimed_by && d.claimed_by !== gap.id ? d.claimed_by : null,
        })),
        verification,
      }
    },

    /**
     * Decisions and clusters whose visible incidents in the window carry high weighted harm and
     * count towards no gap: candidates for the next gap to open. A decision and a cluster telling
     * the same story (`mergeSameStory`) are offered once, with both reasons.
     */
    async suggestions(query: GapSuggestionQuery, viewer: IncidentViewer, today: string): Promise<GapSuggestions> {
      const window = rankingWindow(query, today)
      const toSuggestion = (source: GapSuggestion['source']) => (r: GroupRow) => ({
        source,
        sourceId: r.id,
        title: r.title,
        incidents: r.n,
        weightedHarm: r.wh,
        teamsAffected: r.teams,
        lastSeenAt: r.last,
        incidentIds: r.incident_ids,
        missingContext: r.quotes ?? [],
      })
      const byDecision = (await unaddressed(window, viewer, 'decision')).map(toSuggestion('decision'))
      const byCluster = (await unaddressed(window, viewer, 'cluster')).map(toSuggestion('cluster'))
      const items = mergeSameStory([...byDecision, ...byCluster])
        .map((item) => ({
          ...item,
          decisionIds: item.reasons.filter((r) => r.source === 'decision').map((r) => r.sourceId),
        }))
        .sort((a, b) => b.weightedHarm - a.weightedHarm || b.incidents - a.incidents || a.sourceId.localeCompare(b.sourceId))
        .slice(0, query.limit ?? 10)
      return {
        formula: `${WEIGHTED_HARM_EXPLANATION}, summed over the incidents in the window that count towards no gap; at least ${suggestionMinimum.incidents} incidents and ${suggestionMinimum.weightedHarm} weighted harm`,
        ...window,
        items,
      }
    },
  }
}
