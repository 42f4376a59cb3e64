import {
  type AgreementOnlyDecisions,
  addDays,
  type Conflict,
  type ConflictHolder,
  type ConflictSide,
  type Conflicts,
  type Coverage,
  coverageByTeam,
  type DecisionVisibility,
  daysBetween,
  expandScope,
  findConflicts,
  type IncidentTally,
  isStale,
  type LeadershipQuery,
  normalizePriority,
  type PriorityHolder,
  type PriorityTradeoff,
  type ReviewWindow,
  rankingWindow,
  type SignalsSummary,
  type StaleStrategies,
  type StaleStrategy,
  suppressRows,
} from '@misalign/shared'
import { sql } from 'drizzle-orm'
import { type Db, queryRows } from '../../client'
import { scopeCte } from '../analytics/analytics-scope'
import type { IncidentViewer } from '../incidents/incident-visibility'
import { loadRegister } from '../priorities/priority-repository'
import { leadershipFacts, textArray } from './leadership-facts'
import { cleanQuery, incidentTallies } from './leadership-tallies'
import { tradeoffRequestRepository } from './leadership-tradeoff-requests'

/*
 * What leadership reads: stale strategies, conflicting priorities, agreement-only decisions,
 * coverage, decision visibility and the good news. Every incident number goes through
 * `incidentTallies`, so it is the incident list's count for the `query` it carries.
 */

export function reviewWindow(query: LeadershipQuery, today: string): ReviewWindow {
  return { ...rankingWindow(query, today), today }
}

export function leadershipRepository(db: Db) {
  const requests = tradeoffRequestRepository(db)

  const { teamFacts, strategyFacts, winsByStrategy, signalCounts, activeDecisionsWithTradeoff } = leadershipFacts(db)

  return {
    requests,

    async staleStrategies(query: LeadershipQuery, viewer: IncidentViewer, today: string): Promise<StaleStrategies> {
      const window = reviewWindow(query, today)
      const [teams, strategies, wins] = await Promise.all([teamFacts(), strategyFacts(), winsByStrategy(window)])
      const stale = strategies
        .filter((s) => isStale(s, today))
        .map((s) => ({ ...s, coveredTeamIds: expandScope(s.scopeTeamIds, teams) }))
      // Harm while stale: from the day after the review date (the review day itself is still fresh).
      // Only incidents counting towards the gaps it addresses (ADR 033): a scope, often the whole
      // org, says where it applies, not which incidents it could have prevented.
      const tallies = await incidentTallies(db, viewer).tallyMany(
        stale.map((s) => ({ strategyId: s.id, from: addDays(s.reviewBy, 1), to: window.to })),
      )
      const items: StaleStrategy[] = stale.map((s, i) => ({
        strategyId: s.id,
        title: s.title,
        ownerTeamId: s.ownerTeamId,
        reviewBy: s.reviewBy,
        daysOverdue: daysBetween(s.reviewBy, today),
        coveredTeamIds: s.coveredTeamIds,
        sinceReview: tallies[i] as IncidentTally,
        autonomyWins: wins.get(s.id)?.count ?? 0,
      }))
      items.sort(
        (a, b) =>
          b.sinceReview.weightedHarm - a.sinceReview.weightedHarm ||
          b.sinceReview.incidents - a.sinceReview.incidents ||
          b.daysOverdue - a.daysOverdue,
      )
      return { window, items }
    },

    async conflicts(query: LeadershipQuery, viewer: IncidentViewer, today: string): Promise<Conflicts> {
      const window = reviewWindow(query, today)
      const [teams, strategies, decisions, register] = await Promise.all([
        teamFacts(),
        strategyFacts(),
        activeDecisionsWithTradeoff(),
        loadRegister(db),
      ])
      const priorityName = new Map(register.map((p) => [p.id, p.name]))
      const published = strategies.filter((s) => s.status === 'published')
      const holders: PriorityHolder[] = [
        ...published.map((s) => ({
          kind: 'strategy' as const,
          id: s.id,
          tradeoffs: s.tradeoffs,
          scopeTeamIds: expandScope(s.scopeTeamIds, teams),
        })),
        ...decisions.flatMap((d) =>
          d.tradeoff
            ? [
                {
                  kind: 'decision' as const,
                  id: d.id,
                  tradeoffs: [d.tradeoff],
                  // A decision applies to its own team and the teams it was announced to.
                  scopeTeamIds: [...new Set([d.owningTeamId, ...d.sharedWithTeamIds])],
                },
              ]
            : [],
        ),
      ]
      const found = findConflicts(holders)
      const decisionIds = [...new Set(found.flatMap((c) => [...c.sideA.holders, ...c.sideB.holders]))]
        .filter((h) => h.kind === 'decision')
        .map((h) => h.id)
      const perDecision = new Map(
        (await incidentTallies(db, viewer).byDecision(window, decisionIds)).map((r) => [r.decision_id, r]),
      )
      const strategyById = new Map(published.map((s) => [s.id, s]))
      const decisionById = new Map(decisions.map((d) => [d.id, d]))

      const toHolder =
        (side: ConflictSide) =>
        (h: { kind: 'strategy' | 'decision'; id: string }): ConflictHolder => {
          // The holder's tradeoff on this side: the same two priorities (or words, for unplaced ones).
          const sameSide = (id: string | null | undefined, text: string, sideId: string | null, sideText: string) =>
            sideId ? id === sideId : normalizePriority(text) === normalizePriority(sideText)
          const matches = (t: PriorityTradeoff) =>
            sameSide(t.preferPriorityId, t.prefer, side.preferPriorityId, side.prefer) &&
            sameSide(t.overPriorityId, t.over, side.overPriorityId, side.over)
          if (h.kind === 'strategy') {
            const s = strategyById.get(h.id)
            return {
              kind: 'strategy',
              id: h.id,
              title: s?.title ?? '',
              teamId: s?.ownerTeamId ?? '',
              forGoal: s?.tradeoffs.find(matches)?.forGoal ?? '',
              incidents: null,
              conflictingPriorities: null,
            }
          }
          const d = decisionById.get(h.id)
          const counts = perDecision.get(h.id)
          const base = { decisionId: h.id, from: window.from, to: window.to }
          return {
            kind: 'decision',
            id: h.id,
            title: d?.title ?? '',
            teamId: d?.owningTeamId ?? '',
            forGoal: d?.tradeoff?.forGoal ?? '',
            incidents: { incidents: counts?.n ?? 0, weightedHarm: counts?.wh ?? 0, query: cleanQuery(base) },
            conflictingPriorities: {
              incidents: counts?.cp_n ?? 0,
              weightedHarm: counts?.cp_wh ?? 0,
              query: cleanQuery({ ...base, rootCause: ['conflicting_priorities'] }),
            },
          }
        }

      const items: Conflict[] = found.map((c) => {
        // Named as the register names them: the two sides were found by priority, whatever words each used.
        const named = (side: ConflictSide) => ({
          prefer: (side.preferPriorityId && priorityName.get(side.preferPriorityId)) || side.prefer,
          over: (side.overPriorityId && priorityName.get(side.overPriorityId)) || side.over,
          preferPriorityId: side.preferPriorityId,
          overPriorityId: side.overPriorityId,
          holders: side.holders.map(toHolder(side)),
        })
        const sideA = named(c.sideA)
        const sideB = named(c.sideB)
        const all = [...sideA.holders, ...sideB.holders]
        return {
          key: c.key,
          kind: c.kind,
          sideA,
          sideB,
          sharedScopeTeamIds: c.sharedScopeTeamIds,
          isSuggested: c.isSuggested,
          incidents: all.reduce((sum, h) => sum + (h.incidents?.incidents ?? 0), 0),
          weightedHarm: all.reduce((sum, h) => sum + (h.incidents?.weightedHarm ?? 0), 0),
        }
      })
      items.sort((a, b) => b.weightedHarm - a.weightedHarm || b.incidents - a.incidents || a.key.localeCompare(b.key))
      return { window, items }
    },

    /** Decisions without a complete tradeoff whose incidents in the window hurt someone, most harm first. */
    async agreementOnly(query: LeadershipQuery, viewer: IncidentViewer, today: string): Promise<AgreementOnlyDecisions> {
      const window = reviewWindow(query, today)
      const found = await agreementRows(db, viewer, window)
      const open = await requests.openByDecision(found.map((r) => r.id))
      return {
        window,
        items: found.map((r) => ({
          decisionId: r.id,
          title: r.title,
          owningTeamId: r.owner,
          decidedAt: r.decided_at,
          harm: {
            incidents: r.n,
            weightedHarm: r.wh,
            query: cleanQuery({ decisionId: r.id, from: window.from, to: window.to }),
          },
          openRequest: open.get(r.id) ?? null,
        })),
      }
    },

    async coverage(query: LeadershipQuery, viewer: IncidentViewer, today: string): Promise<Coverage> {
      const window = reviewWindow(query, today)
      const [teams, strategies, perTeam] = await Promise.all([
        teamFacts(),
        strategyFacts(),
        incidentTallies(db, viewer).byTeam(window),
      ])
      const active = teams.filter((t) => !t.archived)
      const scoped = strategies.map((s) => ({ ...s, coveredTeamIds: expandScope(s.scopeTeamIds, teams) }))
      const coverage = coverageByTeam(
        active.map((t) => t.id),
        scoped,
        today,
      )
      const harmOf = new Map(perTeam.map((r) => [r.team, r]))
      const rows = coverage.map((c) => ({
        ...c,
        incidents: harmOf.get(c.teamId)?.n ?? 0,
        weightedHarm: harmOf.get(c.teamId)?.wh ?? 0,
        query: cleanQuery({ reportingTeamId: [c.teamId], from: window.from, to: window.to }),
      }))
      // Per-team numbers can point at the few people in a team (ADR 011): small cells are hidden.
      return { window, teams: suppressRows(rows, (r) => r.incidents, ['incidents', 'weightedHarm'] as const) }
    },

    /** Harmful decisions: who was told (shared with) against who was hurt (reporting teams as others see them). */
    async decisionVisibility(query: LeadershipQuery, viewer: IncidentViewer, today: string): Promise<DecisionVisibility> {
      const window = reviewWindow(query, today)
      const perDecision = await incidentTallies(db, viewer).byDecision(window)
      const ids = perDecision.map((r) => r.decision_id)
      const facts = ids.length
        ? await queryRows<{ id: string; title: string; owner: string; shared: string[] | string }>(
            db,
            sql`select id, title, owning_team_id as owner, shared_with_team_ids::text[] as shared from decisions where id in ${ids}`,
          )
        : []
      const factOf = new Map(facts.map((f) => [f.id, f]))
      const items = perDecision.flatMap((r) => {
        const fact = factOf.get(r.decision_id)
        if (!fact) return []
        const shared = textArray(fact.shared)
        const hurt = [...r.teams].sort()
        return [
          {
            decisionId: fact.id,
            title: fact.title,
            owningTeamId: fact.owner,
            sharedWithTeamIds: shared,
            hurtTeamIds: hurt,
            hurtNotToldTeamIds: hurt.filter((t) => t !== fact.owner && !shared.includes(t)),
            harm: {
              incidents: r.n,
              weightedHarm: r.wh,
              query: cleanQuery({ decisionId: fact.id, from: window.from, to: window.to }),
            },
          },
        ]
      })
      items.sort(
        (a, b) =>
          b.hurtNotToldTeamIds.length - a.hurtNotToldTeamIds.length ||
          b.harm.weightedHarm - a.harm.weightedHarm ||
          a.decisionId.localeCompare(b.decisionId),
      )
      return { window, items: items.slice(0, 100) }
    },

    /** Autonomy wins beside each published strategy's incidents; near misses counted apart. */
    async signals(query: LeadershipQuery, viewer: IncidentViewer, today: string): Promise<SignalsSummary> {
      const window = reviewWindow(query, today)
      const [strategies, wins, counts] = await Promise.all([strategyFacts(), winsByStrategy(window), signalCounts(window)])
      const shown = strategies.filter((s) => s.status === 'published' || wins.has(s.id))
      // `incidentsInScope` keeps its name (an API field) but counts what the strategy's gaps
      // attribute to it, not its whole scope (ADR 033).
      const inScope = await incidentTallies(db, viewer).tallyMany(
        shown.map((s) => ({ strategyId: s.id, from: window.from, to: window.to })),
      )
      const byStrategy: SignalsSummary['byStrategy'] = shown.map((s, i) => ({
        strategyId: s.id,
        title: s.title,
        isStale: isStale(s, today),
        autonomyWins: wins.get(s.id)?.count ?? 0,
        recentWins: wins.get(s.id)?.recent ?? [],
        incidentsInScope: inScope[i] as IncidentTally,
      }))
      byStrategy.sort((a, b) => b.autonomyWins - a.autonomyWins || a.title.localeCompare(b.title))
      return { window, ...counts, byStrategy }
    },

    /** Team names for the Markdown export; archived teams too, since old incidents name them. */
    async teamNames(): Promise<Map<string, string>> {
      const rows = await queryRows<{ id: string; name: string }>(db, sql`select id, name from teams`)
      return new Map(rows.map((r) => [r.id, r.name]))
    },

    teamFacts,
    strategyFacts,
    signalCounts,
    winsByStrategy,
  }
}

function agreementRows(db: Db, viewer: IncidentViewer, window: { from: string; to: string }) {
  return queryRows<{ id: string; title: string; owner: string; decided_at: string; n: number; wh: number }>(
    db,
    sql`${scopeCte(window, viewer)}
      select d.id, d.title, d.owning_team_id as owner, d.decided_at::text as decided_at, count(*)::int as n,
        sum(scope.weighted_harm)::int as wh
      from scope join decisions d on d.id = scope.decision_id
      where not (coalesce(btrim(d.tradeoff_prefer), '') <> '' and coalesce(btrim(d.tradeoff_over), '') <> ''
        and coalesce(btrim(d.tradeoff_for_goal), '') <> '')
      group by d.id order by wh desc, n desc, d.id limit 100`,
  )
}

export type LeadershipRepository = ReturnType<typeof leadershipRepository>
