import {
  type DiscoveryChannel,
  discoveryChannels,
  type HarmKind,
  harmKinds as harmKindOrder,
  type IncidentStatus,
  type RetroStatus,
  type RootCause,
} from '@misalign/shared'
import { burstSpecs, type Calendar } from './calendar'
import { clusterTopics, conflictStory, droppingGapStory, hotTeamPairs, staleStories } from './catalog-planted'
import { fill } from './catalog-text'
import { formatDay } from './dates'
import { composeText, type TextInput } from './incident-text'
import type { DecisionBook, DecisionMeta } from './org-decisions'
import type { People } from './org-people'
import type { StrategyBook } from './org-strategy'
import { type RolePlan, role } from './plan'
import { at, hashWords, Rng, uuidFromWords } from './prng'
import type { IncidentSeed, TeamSeed } from './types'

/** Streams for the per-incident generators, apart from the org's own stream. */
const incidentStream = 101
const incidentIdStream = 102

/** Incident i's id, known without generating it: the planted sets list ids before any incident exists. */
export function incidentId(seed: number, index: number): string {
  return uuidFromWords(hashWords(seed, incidentIdStream, index))
}

export interface IncidentContext {
  seed: number
  calendar: Calendar
  plan: RolePlan
  people: People
  decisions: DecisionBook
  book: StrategyBook
  /** Per planted cluster: the status of its retro, if the seed gave it one. */
  retroStatusByCluster: readonly (RetroStatus | null)[]
}

/** Lookups computed once per org, not per incident. */
interface Prepared {
  reporters: TeamSeed[]
  reporterWeights: number[]
  owners: TeamSeed[]
  ownerWeights: number[]
  hot: { owner: TeamSeed; reporter: TeamSeed }[]
  hotWeights: number[]
  topics: { owner: TeamSeed; reporters: TeamSeed[] }[]
  droppingOwners: TeamSeed[]
  gapWeights: number[]
}

const bySlug = (people: People, slug: string): TeamSeed => {
  const team = people.teamBySlug.get(slug)
  if (!team) throw new Error(`seed catalog names an unknown team "${slug}"`)
  return team
}

export function prepare(ctx: IncidentContext): Prepared {
  const { people } = ctx
  const size = (t: TeamSeed) => people.membersByTeam.get(t.id)?.length ?? 1
  const owners = people.teams.filter((t) => t.parentTeamId !== null)
  const rng = new Rng(ctx.seed, incidentStream, -1)
  return {
    reporters: people.workingTeams,
    reporterWeights: people.workingTeams.map(size),
    owners,
    ownerWeights: owners.map((t) => (people.specBySlug.get(t.slug)?.level === 'group' ? 2 : size(t))),
    hot: hotTeamPairs.map(([owner, reporter]) => ({ owner: bySlug(people, owner), reporter: bySlug(people, reporter) })),
    hotWeights: hotTeamPairs.map(([, , weight]) => weight),
    topics: clusterTopics.map((t) => ({ owner: bySlug(people, t.owner), reporters: t.reporters.map((s) => bySlug(people, s)) })),
    droppingOwners: droppingGapStory.owners.map((s) => bySlug(people, s)),
    // Some gaps collect far more incidents than others, so the ranked register has a shape.
    gapWeights: ctx.book.gapWindows.map(() => 0.5 + 4 * rng.float() ** 2),
  }
}

const channelWeights = [10, 8, 8, 6, 12, 5, 14, 10, 9, 4]
const harmWeights = [10, 25, 32, 22, 11]
const surpriseWeights = [6, 16, 30, 30, 18]
const harmKindWeights = [25, 25, 10, 8, 12, 10, 10]

/** Latest decision of the owner at least a random lag (mean a month) before the discovery day. */
function pickDecision(rng: Rng, list: readonly DecisionMeta[] | undefined, day: number): DecisionMeta | null {
  if (!list || list.length === 0) return null
  const latestOnOrBefore = (limit: number) => {
    let lo = 0
    let hi = list.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (at(list, mid).day <= limit) lo = mid + 1
      else hi = mid
    }
    return lo - 1
  }
  let j = latestOnOrBefore(day - Math.floor(rng.exponential(30)))
  if (j < 0) j = latestOnOrBefore(day)
  return j >= 0 ? at(list, j) : null
}

const causes: readonly RootCause[] = [
  'missing_strategy',
  'stale_strategy',
  'agreement_without_why',
  'hidden_decision',
  'conflicting_priorities',
  'unknown',
]

/**
 * Root causes of background incidents: hidden decisions rise through the year, missing strategy
 * falls. `analysed` leaves out `unknown`, for incidents someone has triaged.
 */
function backgroundRootCause(rng: Rng, t: number, decision: DecisionMeta | null, analysed = false): RootCause {
  const agreement = decision !== null && decision.tradeoff === null
  return rng.weighted(causes, [0.36 - 0.24 * t, 0.1, agreement ? 0.22 : 0.07, 0.08 + 0.26 * t, 0.02, analysed ? 0 : 0.08])
}

function mostly(rng: Rng, main: RootCause, share: number): RootCause {
  if (rng.chance(share)) return main
  return rng.pick<RootCause>(['unknown', 'missing_strategy', 'hidden_decision'])
}

interface Draft extends Pick<TextInput, 'title' | 'lead' | 'expected' | 'missingContext'> {
  reporter: TeamSeed
  owner: TeamSeed | null
  decision: DecisionMeta | null
  rootCause: RootCause
  gapId: string | null
  isBackground: boolean
  harmBoost: number
  status?: IncidentStatus
}

function otherThan(rng: Rng, teams: readonly TeamSeed[], weights: readonly number[], exclude: readonly TeamSeed[]): TeamSeed {
  for (;;) {
    const team = rng.weighted(teams, weights)
    if (!exclude.includes(team)) return team
  }
}

function draftFor(ctx: IncidentContext, p: Prepared, rng: Rng, code: number, day: number, t: number): Draft {
  const { decisions, book } = ctx
  const ofOwner = (team: TeamSeed) => decisions.byOwner.get(team.id)
  const asset = (team: TeamSeed) => rng.pick(ctx.people.specBySlug.get(team.slug)?.assets ?? ['service'])

  if (code >= role.cluster && code < role.cluster + clusterTopics.length) {
    const k = code - role.cluster
    const topic = at(clusterTopics, k)
    const teams = at(p.topics, k)
    const reporter = rng.weighted(teams.reporters, [4, 3, 2, 2])
    const retro = ctx.retroStatusByCluster[k] ?? null
    const thing = asset(reporter)
    return {
      reporter,
      owner: teams.owner,
      // As in real life, about a third of the reports name no decision, only the team behind it.
      decision: rng.chance(1 / 3) ? null : at(decisions.clusterDecisions, k),
      rootCause: mostly(rng, topic.rootCause, 0.8),
      gapId: null,
      isBackground: false,
      harmBoost: 1,
      status: retro === null ? undefined : retro === 'closed' ? 'resolved' : 'in_retro',
      title: fill(rng.pick(topic.titles), { asset: thing, reporter: reporter.name }),
      lead: fill(rng.pick(topic.narratives), { asset: thing, weeks: rng.int(2, 6) }),
      expected: rng.pick(topic.expected),
      missingContext: rng.pick(topic.missingContext),
    }
  }

  if (code === role.droppingGap) {
    const owner = rng.pick(p.droppingOwners)
    const reporter = otherThan(rng, p.reporters, p.reporterWeights, [owner])
    const decision = pickDecision(rng, ofOwner(owner), day)
    const subject = decision?.subject ?? rng.pick(ctx.people.specBySlug.get(owner.slug)?.subjects ?? ['service'])
    return {
      reporter,
      owner,
      decision,
      rootCause: mostly(rng, 'missing_strategy', 0.85),
      gapId: book.droppingGap.gapId,
      isBackground: false,
      harmBoost: 0,
      title: fill(rng.pick(droppingGapStory.titles), { subject, asset: asset(reporter), owner: owner.name }),
      missingContext: rng.pick(droppingGapStory.missingContext),
    }
  }

  if (code === role.conflict) {
    const side = rng.int(0, 1)
    const own = at(conflictStory.sides, side)
    const other = at(conflictStory.sides, 1 - side)
    const reporter = bySlug(ctx.people, other.team)
    const owner = bySlug(ctx.people, own.team)
    return {
      reporter,
      owner,
      decision: at(decisions.conflictDecisions, side),
      rootCause: mostly(rng, 'conflicting_priorities', 0.9),
      gapId: book.conflict.gapId,
      isBackground: false,
      harmBoost: 1,
      title: fill(rng.pick(conflictStory.titles), { asset: asset(reporter) }),
      expected: `We expected our stated priority, ${other.tradeoff.prefer} over ${other.tradeoff.over}, to hold for ${owner.name} too.`,
      missingContext: `A tiebreaker between "${at(conflictStory.sides, 0).strategyTitle}" and "${at(conflictStory.sides, 1).strategyTitle}", decided at Payments level.`,
    }
  }

  if (code >= role.stale && code < role.stale + staleStories.length) {
    const s = code - role.stale
    const story = at(staleStories, s)
    const info = at(book.stale, s)
    const scope = story.scope.map((slug) => bySlug(ctx.people, slug))
    const reporter = rng.pick(scope)
    const owner = rng.chance(0.5)
      ? bySlug(ctx.people, story.owner)
      : otherThan(
          rng,
          scope,
          scope.map(() => 1),
          [reporter],
        )
    const reviewBy = formatDay(info.reviewDay)
    return {
      reporter,
      owner,
      decision: pickDecision(rng, ofOwner(owner), day),
      rootCause: mostly(rng, 'stale_strategy', 0.85),
      gapId: info.gapId,
      isBackground: false,
      harmBoost: 0,
      expected: `We expected "${story.title}" to still hold; we did not know its review date (${reviewBy}) had passed.`,
      missingContext: `That the priorities behind "${story.title}" changed after its review date and were never re-shared.`,
    }
  }

  if (code >= role.sharedWords && code < role.sharedWords + clusterTopics.length) {
    const k = code - role.sharedWords
    const topicOwner = at(p.topics, k).owner
    const reporter = rng.weighted(p.reporters, p.reporterWeights)
    const owner = otherThan(rng, p.owners, p.ownerWeights, [reporter, topicOwner])
    const decision = pickDecision(rng, ofOwner(owner), day)
    return {
      reporter,
      owner,
      decision,
      rootCause: backgroundRootCause(rng, t, decision),
      gapId: null,
      isBackground: false,
      harmBoost: 0,
      title: fill(rng.pick(at(clusterTopics, k).noiseTitles), { asset: asset(reporter) }),
    }
  }

  if (code >= role.sameTeamPair && code < role.sameTeamPair + clusterTopics.length) {
    const teams = at(p.topics, code - role.sameTeamPair)
    const reporter = at(teams.reporters, 0)
    const decision = pickDecision(rng, ofOwner(teams.owner), day)
    return {
      reporter,
      owner: teams.owner,
      decision,
      rootCause: backgroundRootCause(rng, t, decision),
      gapId: null,
      isBackground: false,
      harmBoost: 0,
    }
  }

  // Background: a fifth from the hot team pairs, the rest from anyone to anyone.
  let reporter: TeamSeed
  let owner: TeamSeed | null
  if (rng.chance(0.2)) {
    const pair = rng.weighted(p.hot, p.hotWeights)
    reporter = pair.reporter
    owner = pair.owner
  } else {
    reporter = rng.weighted(p.reporters, p.reporterWeights)
    owner = otherThan(rng, p.owners, p.ownerWeights, [reporter])
  }
  let decision = pickDecision(rng, ofOwner(owner), day)
  const unknown = rng.float()
  if (unknown < 0.04) {
    owner = null
    decision = null
  } else if (unknown < 0.16) {
    decision = null
  }
  let gapId: string | null = null
  if (rng.chance(0.3)) {
    const open = book.gapWindows.map((g, i) => (g.untilDay > day ? (p.gapWeights[i] ?? 1) : 0))
    if (open.some((w) => w > 0)) gapId = at(book.gapWindows, rng.weightedIndex(open)).id
  }
  return { reporter, owner, decision, rootCause: backgroundRootCause(rng, t, decision), gapId, isBackground: true, harmBoost: 0 }
}

function channelFor(rng: Rng, offset: number): DiscoveryChannel {
  const weights = [...channelWeights]
  for (const burst of burstSpecs) {
    if (offset < burst.from || offset > burst.to) continue
    if (burst.kind === 'planning') weights[2] = (weights[2] ?? 0) * 4
    else {
      weights[3] = (weights[3] ?? 0) * 5
      weights[4] = (weights[4] ?? 0) * 2
    }
  }
  return rng.weighted(discoveryChannels, weights)
}

function statusFor(rng: Rng, age: number): IncidentStatus {
  const statuses: IncidentStatus[] = ['open', 'triaged', 'resolved']
  if (age < 14) return rng.weighted(statuses, [0.7, 0.3, 0])
  if (age < 60) return rng.weighted(statuses, [0.3, 0.45, 0.25])
  return rng.weighted(statuses, [0.08, 0.3, 0.62])
}

export function buildIncident(ctx: IncidentContext, p: Prepared, index: number): IncidentSeed {
  const { calendar, people } = ctx
  const rng = new Rng(ctx.seed, incidentStream, index)
  const offset = calendar.offsetOf(index)
  const day = calendar.startDay + offset
  const t = offset / 364
  const draft = draftFor(ctx, p, rng, ctx.plan.roles[index] ?? role.background, day, t)

  const channel = channelFor(rng, offset)
  const harm = Math.min(5, rng.weightedIndex(harmWeights) + 1 + (draft.harmBoost > 0 && rng.chance(0.4) ? 1 : 0))
  const surprise = Math.min(
    5,
    rng.weightedIndex(surpriseWeights) + 1 + (draft.rootCause === 'hidden_decision' && rng.chance(0.4) ? 1 : 0),
  )
  const kinds = new Set<HarmKind>()
  const kindCount = rng.weighted([1, 2, 3], [50, 35, 15])
  while (kinds.size < kindCount) kinds.add(rng.weighted(harmKindOrder, harmKindWeights))
  const harmKinds = harmKindOrder.filter((k) => kinds.has(k))
  const engineerDaysLost = kinds.has('rework') || rng.chance(0.2) ? Math.round((0.5 + rng.exponential(1.2 * harm)) * 2) / 2 : null
  const delayDays = kinds.has('delay') ? rng.int(1, harm * 7) : null

  const age = calendar.todayDay - day
  const status = draft.status ?? statusFor(rng, age)
  let rootCause = draft.rootCause
  // The newest reports are mostly not analysed yet.
  if (draft.isBackground && status === 'open' && age < 21 && rng.chance(0.6)) rootCause = 'unknown'
  // Whoever triaged a report found its cause: only open reports are left not analysed.
  if (status !== 'open' && rootCause === 'unknown') rootCause = backgroundRootCause(rng, t, draft.decision, true)

  const reporterSpec = people.specBySlug.get(draft.reporter.slug)
  const ownerSpec = draft.owner ? people.specBySlug.get(draft.owner.slug) : undefined
  const text = composeText(rng, {
    ownerName: draft.owner?.name ?? null,
    reporterName: draft.reporter.name,
    asset: rng.pick(reporterSpec?.assets ?? ['service']),
    subject: draft.decision?.subject ?? rng.pick(ownerSpec?.subjects ?? ['shared platform']),
    goal: rng.pick(reporterSpec?.goals ?? ["Ship this quarter's roadmap"]),
    decision: draft.decision,
    day,
    channel,
    rootCause,
    harmKinds,
    engineerDaysLost,
    delayDays,
    title: draft.title,
    lead: draft.lead,
    expected: draft.expected,
    missingContext: draft.missingContext,
  })

  const anonymous = rng.chance(0.1)
  const members = people.membersByTeam.get(draft.reporter.id) ?? []
  const reporterId = anonymous || members.length === 0 ? null : rng.pick(members)
  const restricted = rng.chance(0.05)

  const lastMinute = calendar.todayDay * 1440 - 1
  const createdMinute = Math.min(lastMinute, day * 1440 + 8 * 60 + rng.int(0, 2 * 1440))
  const updatedMinute = status === 'open' ? createdMinute : Math.min(lastMinute, createdMinute + rng.int(60, 20 * 1440))

  return {
    id: incidentId(ctx.seed, index),
    number: index + 1,
    ...text,
    reportingTeamId: draft.reporter.id,
    reporterId,
    anonymous,
    restricted,
    status,
    discoveredAt: formatDay(day),
    discoveryChannel: channel,
    surprise,
    harm,
    harmKinds,
    engineerDaysLost,
    delayDays,
    decisionId: draft.decision?.id ?? null,
    decisionOwnerTeamId: draft.owner?.id ?? null,
    gapId: draft.gapId,
    rootCause,
    createdAt: new Date(createdMinute * 60_000),
    updatedAt: new Date(updatedMinute * 60_000),
  }
}
