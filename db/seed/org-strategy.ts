import type { Tradeoff } from '@misalign/shared'
import type { Calendar } from './calendar'
import { conflictStory, droppingGapStory, staleStories } from './catalog-planted'
import { autonomyActions, autonomyWinNotes, gapSpecs, nearMissNotes, strategySpecs } from './catalog-strategy'
import { fill, tradeoffBank } from './catalog-text'
import { formatDay, timestampOn } from './dates'
import { type People, teamId } from './org-people'
import { at, type Rng } from './prng'
import type { GapSeed, SignalSeed, StrategySeed } from './types'

export interface PublishedStrategy {
  id: string
  title: string
  publishedDay: number
  tradeoff: Tradeoff
  scopeTeamIds: string[]
}

export interface StrategyBook {
  strategies: StrategySeed[]
  gaps: GapSeed[]
  published: PublishedStrategy[]
  droppingGap: { gapId: string; strategyId: string; publishedDay: number }
  conflict: { strategyIds: [string, string]; gapId: string }
  stale: { strategyId: string; gapId: string; reviewDay: number; scopeTeamIds: string[] }[]
  /** Background gaps incidents may point at, each until (not including) a day: a published gap stops collecting. */
  gapWindows: { id: string; untilDay: number }[]
}

const tenAm = 10 * 60

export function buildStrategies(rng: Rng, people: People, calendar: Calendar): StrategyBook {
  const today = calendar.todayDay
  const strategies: StrategySeed[] = []
  const published: PublishedStrategy[] = []

  const add = (input: {
    title: string
    context: string
    owner: string
    scope: readonly string[]
    tradeoffs: readonly Tradeoff[]
    status: 'draft' | 'published' | 'retired'
    publishedDay: number | null
    reviewDay: number
    supersedesId?: string
    revision?: number
  }): StrategySeed => {
    const createdDay = (input.publishedDay ?? today - rng.int(5, 40)) - rng.int(7, 30)
    const createdAt = timestampOn(createdDay, tenAm)
    const publishedAt = input.publishedDay === null ? null : timestampOn(input.publishedDay, tenAm + rng.int(0, 420))
    const scopeTeamIds = input.scope.map((slug) => teamId(people, slug))
    const row: StrategySeed = {
      id: rng.uuid(),
      title: input.title,
      context: input.context,
      ownerTeamId: teamId(people, input.owner),
      scopeTeamIds,
      tradeoffs: [...input.tradeoffs],
      status: input.status,
      publishedAt,
      reviewBy: formatDay(input.reviewDay),
      supersedesId: input.supersedesId ?? null,
      revision: input.revision ?? 1,
      createdAt,
      updatedAt: publishedAt ?? createdAt,
    }
    strategies.push(row)
    if (input.status === 'published' && input.publishedDay !== null) {
      published.push({
        id: row.id,
        title: row.title,
        publishedDay: input.publishedDay,
        tradeoff: at(input.tradeoffs, 0),
        scopeTeamIds,
      })
    }
    return row
  }

  // Background strategies: two revised (retired v1 + published v2), three stale, two drafts, the rest fresh.
  const specs = rng.sample(strategySpecs, strategySpecs.length)
  specs.forEach((spec, i) => {
    const tradeoffs = spec.tradeoffs.map((t) => at(tradeoffBank, t))
    const base = { title: spec.title, context: spec.context, owner: spec.owner, scope: spec.scope, tradeoffs }
    if (i < 2) {
      const oldDay = today - rng.int(560, 700)
      const old = add({ ...base, status: 'retired', publishedDay: oldDay, reviewDay: oldDay + 365 })
      const day = today - rng.int(60, 200)
      add({
        ...base,
        context: `${spec.context} Revised after a year of use.`,
        status: 'published',
        publishedDay: day,
        reviewDay: day + 365,
        supersedesId: old.id,
        revision: 2,
      })
    } else if (i < 5) {
      const day = today - rng.int(400, 560)
      add({ ...base, status: 'published', publishedDay: day, reviewDay: day + 365 })
    } else if (i < 7) {
      add({ ...base, status: 'draft', publishedDay: null, reviewDay: today + rng.int(120, 200) })
    } else {
      const day = today - rng.int(30, 330)
      add({ ...base, status: 'published', publishedDay: day, reviewDay: day + 365 })
    }
  })

  // Planted: strategy S, published ~5 months ago, which closes the dropping gap.
  const sDay = today - droppingGapStory.publishedDaysAgo
  const s = add({ ...droppingGapStory.strategy, scope: [], status: 'published', publishedDay: sDay, reviewDay: sDay + 365 })

  // Planted: two fresh strategies that contradict each other.
  const [c1, c2] = conflictStory.sides.map((side) => {
    const day = calendar.startDay + side.decidedOffset - rng.int(10, 30)
    return add({
      title: side.strategyTitle,
      context: side.strategyContext,
      owner: side.team,
      scope: [],
      tradeoffs: [side.tradeoff],
      status: 'published',
      publishedDay: day,
      reviewDay: today + rng.int(60, 200),
    })
  })
  if (!c1 || !c2) throw new Error('the conflict story needs two sides')

  // Planted: two strategies whose review date passed during the year.
  const staleRows = staleStories.map((story) => {
    const reviewDay = calendar.startDay + story.reviewOffset
    const row = add({ ...story, tradeoffs: [story.tradeoff], status: 'published', publishedDay: reviewDay - 365, reviewDay })
    return { row, reviewDay, story }
  })

  // Gaps: background ones across the lifecycle, then the planted ones.
  const gaps: GapSeed[] = []
  const gapWindows: { id: string; untilDay: number }[] = []
  const leader = () => rng.pick(people.leaderIds)
  const addressable = published.filter((p) => today - p.publishedDay >= 60 && p.id !== s.id && p.id !== c1.id && p.id !== c2.id)
  const addGap = (input: {
    title: string
    description: string
    status: GapSeed['status']
    createdDay: number
    strategy?: PublishedStrategy
    wontFixReason?: string
  }) => {
    const status = input.status ?? 'open'
    const ackDay = input.createdDay + rng.int(5, 30)
    const pubDay = input.strategy?.publishedDay ?? ackDay + 20
    const isPast = (...steps: NonNullable<GapSeed['status']>[]) => steps.includes(status)
    const row: GapSeed = {
      id: rng.uuid(),
      title: input.title,
      description: input.description,
      ownerId: status === 'open' && rng.chance(0.5) ? null : leader(),
      status,
      addressedByStrategyId: input.strategy?.id ?? null,
      wontFixReason: input.wontFixReason ?? null,
      acknowledgedAt: isPast('acknowledged', 'published', 'verified') ? timestampOn(ackDay, tenAm) : null,
      acknowledgedById: isPast('acknowledged', 'published', 'verified') ? leader() : null,
      publishedAt: isPast('published', 'verified') ? timestampOn(pubDay, tenAm + 60) : null,
      publishedById: isPast('published', 'verified') ? leader() : null,
      verifiedAt: isPast('verified') ? timestampOn(pubDay + 42, tenAm) : null,
      verifiedById: isPast('verified') ? leader() : null,
      wontFixAt: isPast('wont_fix') ? timestampOn(ackDay, tenAm) : null,
      wontFixById: isPast('wont_fix') ? leader() : null,
      createdAt: timestampOn(input.createdDay, tenAm),
      updatedAt: timestampOn(Math.min(today - 1, isPast('published', 'verified') ? pubDay + 42 : ackDay), tenAm),
    }
    gaps.push(row)
    return row
  }

  const strategyPool = rng.sample(addressable, addressable.length)
  for (const spec of gapSpecs) {
    let strategy: PublishedStrategy | undefined
    let status = spec.status
    if (status === 'published' || status === 'verified') {
      strategy = strategyPool.shift()
      if (!strategy) status = 'acknowledged'
    }
    const createdDay = strategy ? strategy.publishedDay - rng.int(40, 120) : today - rng.int(60, 360)
    const row = addGap({
      title: spec.title,
      description: spec.description,
      status,
      createdDay,
      strategy,
      wontFixReason: spec.wontFixReason,
    })
    gapWindows.push({ id: row.id, untilDay: strategy ? strategy.publishedDay : today })
  }

  const sPublished = at(
    published.filter((p) => p.id === s.id),
    0,
  )
  const g = addGap({
    ...droppingGapStory.gap,
    status: 'published',
    createdDay: calendar.startDay + rng.int(10, 30),
    strategy: sPublished,
  })
  const conflictGap = addGap({ ...conflictStory.gap, status: 'acknowledged', createdDay: calendar.startDay + 150 })
  const stale = staleRows.map(({ row, reviewDay, story }, i) => {
    const gap = addGap({
      title: story.gapTitle,
      description: `"${story.title}" passed its review date and no longer says what teams in its scope now do.`,
      status: i === 0 ? 'acknowledged' : 'open',
      createdDay: reviewDay + rng.int(20, 40),
      // The acknowledged one is addressed by the stale strategy itself (revising it closes the
      // gap), so its incidents are the harm the strategy is charged with on the review (ADR 033).
      // An open gap has no strategy yet: the API links one from acknowledged on.
      strategy: i === 0 ? published.find((p) => p.id === row.id) : undefined,
    })
    return { strategyId: row.id, gapId: gap.id, reviewDay, scopeTeamIds: row.scopeTeamIds ?? [] }
  })

  return {
    strategies,
    gaps,
    published,
    droppingGap: { gapId: g.id, strategyId: s.id, publishedDay: sDay },
    conflict: { strategyIds: [c1.id, c2.id], gapId: conflictGap.id },
    stale,
    gapWindows,
  }
}

/** Near misses (surprise, no harm) and autonomy wins (decided alone thanks to a strategy), a few dozen of each kind. */
export function buildSignals(rng: Rng, people: People, calendar: Calendar, book: StrategyBook): SignalSeed[] {
  const signals: SignalSeed[] = []
  const today = calendar.todayDay
  const add = (kind: SignalSeed['kind'], teamIdValue: string, strategyId: string | null, note: string, day: number) => {
    const members = people.membersByTeam.get(teamIdValue) ?? []
    const createdAt = timestampOn(day, 15 * 60 + rng.int(0, 120))
    signals.push({
      id: rng.uuid(),
      kind,
      teamId: teamIdValue,
      strategyId,
      reporterId: members.length > 0 && rng.chance(0.8) ? rng.pick(members) : null,
      note,
      occurredAt: formatDay(day),
      createdAt,
      updatedAt: createdAt,
    })
  }

  for (let i = 0; i < 18; i++) {
    const team = rng.pick(people.workingTeams)
    const owner = rng.pick(people.workingTeams)
    const ownerSpec = people.specBySlug.get(owner.slug)
    const spec = people.specBySlug.get(team.slug)
    const note = fill(rng.pick(nearMissNotes), {
      subject: rng.pick(ownerSpec?.subjects ?? ['platform']),
      owner: owner.name,
      asset: rng.pick(spec?.assets ?? ['service']),
    })
    add('near_miss', team.id, null, note, calendar.startDay + rng.int(0, 364))
  }

  // Autonomy wins follow publication; strategy S (the dropping gap's fix) earns the most.
  const s = book.published.find((p) => p.id === book.droppingGap.strategyId)
  for (let i = 0; i < 26; i++) {
    const strategy = s && i < 10 ? s : rng.pick(book.published)
    const from = Math.max(strategy.publishedDay + 1, calendar.startDay)
    if (from >= today) continue
    const scope =
      strategy.scopeTeamIds.length > 0
        ? people.workingTeams.filter((t) => strategy.scopeTeamIds.includes(t.id))
        : people.workingTeams
    const team = rng.pick(scope.length > 0 ? scope : people.workingTeams)
    const note = fill(rng.pick(autonomyWinNotes), {
      action: rng.pick(autonomyActions),
      strategy: strategy.title,
      prefer: strategy.tradeoff.prefer,
      over: strategy.tradeoff.over,
    })
    add('autonomy_win', team.id, strategy.id, note, rng.int(from, today - 1))
  }
  return signals
}
