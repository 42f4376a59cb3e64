import { burstSpecs, Calendar } from './calendar'
import { clusterTopics, conflictStory, hotTeamPairs } from './catalog-planted'
import { formatDay } from './dates'
import { buildIncident, type IncidentContext, incidentId, prepare } from './incident-builder'
import { buildDecisions } from './org-decisions'
import { buildPeople, teamId } from './org-people'
import { buildPriorities } from './org-priorities'
import { buildRetros } from './org-retros'
import { buildSignals, buildStrategies } from './org-strategy'
import { planRoles } from './plan'
import { at, Rng } from './prng'
import type { GeneratedOrg, GenerateOptions, IncidentSeed, Planted } from './types'

/**
 * The deterministic demo org: same options, same rows, byte for byte (no Math.random, no
 * clock). The org is built eagerly; incidents are generated one at a time from their index, so
 * a million of them stream through in constant memory.
 *
 * Planted structure, all listed in `planted` so tests and benchmarks can assert on it:
 * - Recurring decisions (catalog-planted.ts `clusterTopics`): 8 decisions, each causing ~0.5–1.2%
 *   of all incidents (15–40 at 3,000) within 75 days of being taken, in texts that share that
 *   topic's vocabulary. `planted.clusters` is the labelled evaluation set; `planted.distractors`
 *   are the traps: incidents reusing a cluster's words on unrelated decisions (`shared_words`)
 *   and incidents between a cluster's owner and reporter about something else (`same_team_pair`).
 * - Hot team pairs (`hotTeamPairs`): a fifth of background incidents come from six owner →
 *   reporter pairs such as payments-api → checkout-web and sre → ios.
 * - The dropping gap: gap G (status published) is addressed by strategy S published 152 days
 *   before today; ~3.5% of incidents before then point at G, ~0.15% after.
 * - Bursts: volume rises in two planning seasons (with more `planning` discoveries) and at a
 *   launch six weeks before today (more `launch` and `production` discoveries).
 * - Stale strategies: two published strategies pass their review date mid-year; after it, teams
 *   in their scope file `stale_strategy` incidents pointing at a gap about each.
 * - Conflicting priorities: Checkout Web prefers checkout conversion over fraud-check strictness,
 *   Fraud & Risk the reverse, each in a strategy and a decision; incidents between them are
 *   `conflicting_priorities`.
 * - Root-cause trend: among background incidents `hidden_decision` rises through the year while
 *   `missing_strategy` falls; the newest incidents are mostly `unknown` (not analysed yet).
 * - Decisions are recorded all year (more in planning seasons), so incidents per decision is
 *   meaningful; some decisions precede the year.
 */

/** Used when no `today` is given, so a bare call stays reproducible. The app and CLI pass the real date. */
export const defaultToday = '2026-06-30'

const orgStream = 1
/** The priorities register has a stream of its own: adding it changed no other demo row. */
const priorityStream = 7

export function generateOrg(options: GenerateOptions): GeneratedOrg {
  const { incidents: count, seed } = options
  const today = options.today ?? defaultToday
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`incidents must be a non-negative integer, got ${count}`)
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`)

  const rng = new Rng(seed, orgStream)
  const calendar = new Calendar(today, count)
  const people = buildPeople(rng, calendar.todayDay)
  const decisions = buildDecisions(rng, people, calendar, count)
  const book = buildStrategies(rng, people, calendar)
  const signals = buildSignals(rng, people, calendar, book)
  const plan = planRoles(rng, calendar, {
    droppingFromOffset: book.droppingGap.publishedDay - calendar.startDay,
    conflictFromOffset: Math.max(...conflictStory.sides.map((s) => s.decidedOffset)) + 5,
    staleFromOffsets: book.stale.map((s) => s.reviewDay - calendar.startDay),
  })
  const idOf = (index: number) => incidentId(seed, index)
  const retros = buildRetros(rng, people, calendar, plan, decisions, idOf)
  const register = buildPriorities(new Rng(seed, priorityStream), people, calendar, decisions.rows, book.strategies)

  const context: IncidentContext = {
    seed,
    calendar,
    plan,
    people,
    decisions,
    book,
    retroStatusByCluster: retros.retroStatusByCluster,
  }
  const prepared = prepare(context)
  const incidentAt = (index: number): IncidentSeed => {
    if (!Number.isInteger(index) || index < 0 || index >= count)
      throw new RangeError(`incident index ${index} out of range 0..${count - 1}`)
    return buildIncident(context, prepared, index)
  }

  const planted: Planted = {
    period: { from: calendar.date(0), to: calendar.date(364) },
    clusters: clusterTopics.map((topic, k) => {
      const indexes = plan.clusters[k] ?? []
      const decision = at(decisions.clusterDecisions, k)
      return {
        label: topic.label,
        decisionId: decision.id,
        ownerTeamId: decision.ownerId,
        reportingTeamIds: topic.reporters.map((slug) => teamId(people, slug)),
        keywords: [...topic.keywords],
        rootCause: topic.rootCause,
        incidentIndexes: indexes,
        incidentIds: indexes.map(idOf),
      }
    }),
    distractors: clusterTopics.flatMap((topic, k) => [
      {
        label: topic.label,
        kind: 'shared_words' as const,
        incidentIndexes: plan.sharedWords[k] ?? [],
        incidentIds: (plan.sharedWords[k] ?? []).map(idOf),
      },
      {
        label: topic.label,
        kind: 'same_team_pair' as const,
        incidentIndexes: plan.sameTeamPair[k] ?? [],
        incidentIds: (plan.sameTeamPair[k] ?? []).map(idOf),
      },
    ]),
    hotTeamPairs: hotTeamPairs.map(([owner, reporter]) => ({
      ownerTeamId: teamId(people, owner),
      reportingTeamId: teamId(people, reporter),
      ownerSlug: owner,
      reportingSlug: reporter,
    })),
    droppingGap: {
      gapId: book.droppingGap.gapId,
      strategyId: book.droppingGap.strategyId,
      publishedAt: formatDay(book.droppingGap.publishedDay),
      incidentsBefore: plan.droppingBefore.length,
      incidentsAfter: plan.droppingAfter.length,
    },
    bursts: burstSpecs.map((b) => ({ label: b.label, kind: b.kind, from: calendar.date(b.from), to: calendar.date(b.to) })),
    staleStrategies: book.stale.map((s, i) => ({
      strategyId: s.strategyId,
      gapId: s.gapId,
      reviewBy: formatDay(s.reviewDay),
      scopeTeamIds: s.scopeTeamIds,
      incidentCount: plan.stale[i]?.length ?? 0,
    })),
    conflictingPriorities: {
      strategyIds: book.conflict.strategyIds,
      decisionIds: [decisions.conflictDecisions[0].id, decisions.conflictDecisions[1].id],
      gapId: book.conflict.gapId,
      prefer: conflictStory.tradeoff.prefer,
      over: conflictStory.tradeoff.over,
      incidentCount: plan.conflict.length,
    },
    rootCauseTrend: { rising: 'hidden_decision', falling: 'missing_strategy' },
    smallTeamIds: people.smallTeamIds,
    demo: people.demo,
  }

  return {
    options: { incidents: count, seed, today },
    teams: people.teams,
    users: people.users,
    memberships: people.memberships,
    priorities: register.priorities,
    decisions: decisions.rows,
    strategies: [...book.strategies, ...register.demoStrategies],
    gaps: book.gaps,
    signals,
    clusters: retros.clusters,
    clusterMembers: retros.clusterMembers,
    retros: retros.retros,
    actions: retros.actions,
    planted,
    incidentCount: count,
    incidentAt,
    *incidents() {
      for (let index = 0; index < count; index++) yield buildIncident(context, prepared, index)
    },
  }
}
