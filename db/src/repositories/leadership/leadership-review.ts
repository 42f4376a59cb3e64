import {
  addDays,
  type BeforeAfter,
  defaultReviewWeeks,
  expandScope,
  GAP_RANKING_FORMULA,
  type IncidentTally,
  impactWindow,
  type LeadershipReview,
  type LeadershipReviewQuery,
  type ReviewGapImpact,
  WEIGHTED_HARM_EXPLANATION,
} from '@misalign/shared'
import { sql } from 'drizzle-orm'
import { type Db, queryRows } from '../../client'
import { strategyGapInsights } from '../gaps/strategy-gap-insights'
import type { IncidentViewer } from '../incidents/incident-visibility'
import { type LeadershipRepository, reviewWindow } from './leadership-repository'
import { cleanQuery, incidentTallies } from './leadership-tallies'

const TOP = 10

/**
 * One payload for a periodic leadership review. The top gaps come from the gap register's own
 * ranking, so the review and the register never disagree.
 */
export function leadershipReview(db: Db, leadership: LeadershipRepository) {
  const gaps = strategyGapInsights(db)

  /** Retro actions recorded in the window, by class (alignment or anti-misalignment). */
  async function actionShare(window: { from: string; to: string }) {
    const [row] = await queryRows<{ alignment: number; anti: number }>(
      db,
      sql`select count(*) filter (where kind in ('share_strategy', 'state_tradeoff', 'generalize_decision',
                'make_discoverable', 'schedule_strategy_review'))::int as alignment,
              count(*) filter (where kind in ('add_sync_meeting', 'add_approval_gate', 'restrict_visibility',
                'freeze_decisions', 'require_lockstep'))::int as anti
          from actions where (created_at at time zone 'UTC')::date between ${window.from} and ${window.to}`,
    )
    const alignment = row?.alignment ?? 0
    const antiMisalignment = row?.anti ?? 0
    const total = alignment + antiMisalignment
    return {
      alignment,
      antiMisalignment,
      antiMisalignmentShare: total > 0 ? Math.round((antiMisalignment / total) * 1000) / 1000 : null,
    }
  }

  /** Strategies published in the window: incidents in their scope in equal weeks before and after. */
  async function beforeAfter(
    window: { from: string; to: string; today: string },
    weeks: number,
    viewer: IncidentViewer,
  ): Promise<BeforeAfter[]> {
    const [teams, strategies] = await Promise.all([leadership.teamFacts(), leadership.strategyFacts()])
    const since = await leadership.winsByStrategy({ from: window.from, to: window.today })
    const recent = strategies
      .filter((s) => s.publishedAt && s.publishedAt >= window.from && s.publishedAt <= window.to)
      .map((s) => ({ s, impact: impactWindow(s.publishedAt as string, window.today, weeks) }))
      // Under a week old: there is no "after" to compare yet.
      .filter(({ impact }) => impact.weeks > 0)
      .map(({ s, impact }) => ({ s, impact, covered: expandScope(s.scopeTeamIds, teams) }))
    // Incidents counting towards the gaps each strategy addresses, not its whole scope (ADR 033).
    const tallies = await incidentTallies(db, viewer).tallyMany(
      recent.flatMap(({ s, impact }) => [
        { strategyId: s.id, from: impact.beforeFrom, to: addDays(impact.publishedAt, -1) },
        { strategyId: s.id, from: impact.publishedAt, to: impact.afterTo },
      ]),
    )
    const out: BeforeAfter[] = recent.map(({ s, impact, covered }, i) => ({
      strategyId: s.id,
      title: s.title,
      publishedAt: impact.publishedAt,
      weeks: impact.weeks,
      coveredTeamIds: covered,
      before: tallies[2 * i] as IncidentTally,
      after: tallies[2 * i + 1] as IncidentTally,
      autonomyWins: since.get(s.id)?.count ?? 0,
    }))
    return out.sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || a.title.localeCompare(b.title))
  }

  /**
   * Every gap addressed by a strategy published by the window's end, the latest publication first:
   * its own before/after, as on the gap's page. Not only strategies published in the window: a
   * review asks whether the strategies we published work, and most were published earlier.
   */
  async function gapImpacts(window: { to: string }, weeks: number, viewer: IncidentViewer, today: string) {
    const found = await queryRows<{ id: string; title: string; status: ReviewGapImpact['status']; strategy_id: string }>(
      db,
      sql`select g.id, g.title, g.status, g.addressed_by_strategy_id as strategy_id
          from strategy_gaps g join strategies s on s.id = g.addressed_by_strategy_id
          where s.status = 'published' and (s.published_at at time zone 'UTC')::date <= ${window.to}
          order by s.published_at desc, g.title, g.id limit ${TOP}`,
    )
    const out: ReviewGapImpact[] = []
    for (const g of found) {
      const impact = await gaps.impact({ id: g.id, addressedByStrategyId: g.strategy_id }, weeks, viewer, today)
      // Under a week old: there is no "after" to compare yet.
      if (!impact.before || !impact.after) continue
      const tally = (side: { from: string; to: string; incidents: number; weightedHarm: number }) => ({
        incidents: side.incidents,
        weightedHarm: side.weightedHarm,
        query: cleanQuery({ gapId: g.id, from: side.from, to: side.to }),
      })
      out.push({
        gapId: g.id,
        title: g.title,
        status: g.status,
        impact,
        before: tally(impact.before),
        after: tally(impact.after),
      })
    }
    // The biggest story first: the most incidents on either side, then the latest publication.
    const size = (g: ReviewGapImpact) => Math.max(g.before.incidents, g.after.incidents)
    return out.sort((a, b) => size(b) - size(a))
  }

  return {
    async review(query: LeadershipReviewQuery, viewer: IncidentViewer, today: string): Promise<LeadershipReview> {
      const window = reviewWindow(query, today)
      const weeks = query.weeks ?? defaultReviewWeeks
      const ranking = await gaps.ranking({ from: window.from, to: window.to, limit: TOP }, viewer, today)
      const topGaps = ranking.items
        .filter((g) => g.incidents > 0)
        .map((g) => ({
          gapId: g.gapId,
          title: g.title,
          status: g.status,
          teamsAffected: g.teamsAffected,
          harm: {
            incidents: g.incidents,
            weightedHarm: g.weightedHarm,
            query: cleanQuery({ gapId: g.gapId, from: window.from, to: window.to }),
          },
        }))
      const stale = await leadership.staleStrategies(window, viewer, today)
      const conflicts = await leadership.conflicts(window, viewer, today)
      const counts = await leadership.signalCounts(window)
      const published = await beforeAfter(window, weeks, viewer)
      return {
        window,
        weeks,
        formula: `${GAP_RANKING_FORMULA}. ${WEIGHTED_HARM_EXPLANATION}.`,
        topGaps,
        staleStrategies: stale.items.slice(0, TOP),
        conflicts: conflicts.items.slice(0, TOP),
        beforeAfter: published,
        gapImpacts: await gapImpacts(window, weeks, viewer, today),
        actions: await actionShare(window),
        ...counts,
      }
    },
  }
}

export type LeadershipReviewRepository = ReturnType<typeof leadershipReview>
