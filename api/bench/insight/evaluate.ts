import { type Db, type InsightIndex, insightIndex, markInsightDirty, sql, strategyGapRepository, systemActor } from '@misalign/db'
import {
  clusterIncidents,
  type Draft,
  dayNumber,
  defaultEngineOptions,
  draftWords,
  groupingDecision,
  type PairwiseScore,
  pairwiseScore,
  rankDecisions,
  rankSimilar,
} from '@misalign/shared'
import type { Story, StorySet } from './sets/types'

/**
 * Scores the insight engine on a hand-labelled story set (sets/types.ts) loaded into a real
 * database and read back through the engine's own index. The labels are used only to score.
 */

export interface StorySetFigures {
  set: string
  stories: number
  similar: {
    queries: number
    recallAt1: number
    recallAt3: number
    unnamedQueries: number
    unnamedAt1: number
    unnamedAt3: number
    looksNewWrongly: number
  }
  decisions: {
    queries: number
    recallAt1: number
    recallAt3: number
    likelyPrecision: number
    singletonsWithLikely: number
    singletons: number
  }
  clusters: { withIds: PairwiseScore; idsRemoved: PairwiseScore }
  gaps: { truth: string[]; found: string[]; topThreeInOrder: boolean }
  misses: { similar: string[]; decisions: string[] }
}

interface Loaded {
  index: InsightIndex
  /** Story key → incident id, and back. */
  incidentOf: Map<string, string>
  storyOf: Map<string, Story>
  decisionIdOf: Map<string, string>
  decisionKeyOf: Map<string, string>
  teamIdOf: Map<string, string>
}

const uuid = () => crypto.randomUUID()

/** Writes the set's teams, decisions and incidents (in discovery order) into an empty database. */
export async function loadStorySet(db: Db, set: StorySet): Promise<Loaded> {
  const teamIdOf = new Map(set.teams.map((t) => [t.slug, uuid()]))
  for (const team of set.teams) {
    const parent = team.parentSlug ? teamIdOf.get(team.parentSlug) : null
    await db.execute(
      sql`insert into teams (id, slug, name, parent_team_id) values (${teamIdOf.get(team.slug)}, ${team.slug}, ${team.name}, ${parent ?? null})`,
    )
  }
  const decisionIdOf = new Map(set.decisions.map((d) => [d.key, uuid()]))
  for (const d of set.decisions) {
    const t = d.tradeoff
    await db.execute(sql`insert into decisions (id, title, summary, owning_team_id, decided_at, tradeoff_prefer, tradeoff_over, tradeoff_for_goal)
      values (${decisionIdOf.get(d.key)}, ${d.title}, ${d.summary}, ${teamIdOf.get(d.owningTeam)}, ${d.decidedAt}, ${t?.prefer ?? null}, ${t?.over ?? null}, ${t?.forGoal ?? null})`)
  }
  const incidentOf = new Map<string, string>()
  const ordered = [...set.stories].sort((a, b) => a.discoveredAt.localeCompare(b.discoveredAt) || a.key.localeCompare(b.key))
  for (const s of ordered) {
    const id = uuid()
    incidentOf.set(s.key, id)
    const decisionId = s.namesDecision && s.truthDecision ? decisionIdOf.get(s.truthDecision) : null
    const owner =
      s.namesDecision && s.truthDecision
        ? teamIdOf.get(set.decisions.find((d) => d.key === s.truthDecision)?.owningTeam ?? '')
        : s.suspectedOwnerTeam
          ? teamIdOf.get(s.suspectedOwnerTeam)
          : null
    await db.execute(sql`insert into incidents (id, title, narrative, reporting_team_id, discovered_at, discovery_channel, expected,
      surprise, harmed_goal, harm, harm_kinds, engineer_days_lost, decision_id, decision_owner_team_id, missing_context)
      values (${id}, ${s.title}, ${s.narrative}, ${teamIdOf.get(s.reportingTeam)}, ${s.discoveredAt}, ${s.discoveryChannel}, ${s.expected},
      ${s.surprise}, ${s.harmedGoal}, ${s.harm}, ${`{${s.harmKinds.join(',')}}`}, ${s.engineerDaysLost ?? null}, ${decisionId ?? null}, ${owner ?? null}, ${s.missingContext})`)
  }
  markInsightDirty(db)
  const index = await insightIndex(db)
  return {
    index,
    incidentOf,
    storyOf: new Map(set.stories.map((s) => [s.key, s])),
    decisionIdOf,
    decisionKeyOf: new Map([...decisionIdOf].map(([k, v]) => [v, k])),
    teamIdOf,
  }
}

function draftOf(loaded: Loaded, story: Story, doc: number, named: boolean): Draft {
  const facts = loaded.index.incidentAt(doc)
  return {
    ...draftWords(loaded.index.terms, story),
    decisionId: named ? (facts?.decisionId ?? null) : null,
    gapId: null,
    decisionOwnerTeamId: facts?.decisionOwnerTeamId ?? null,
    reportingTeamId: facts?.reportingTeamId ?? null,
    day: dayNumber(story.discoveredAt),
  }
}

export async function evaluateStorySet(db: Db, set: StorySet): Promise<StorySetFigures> {
  const loaded = await loadStorySet(db, set)
  const { index } = loaded
  const docOf = (key: string) => index.incidentDoc(loaded.incidentOf.get(key) ?? '') as number
  const truthOfDoc = (doc: number) => {
    const id = index.incidentAt(doc)?.id
    const key = [...loaded.incidentOf].find(([, v]) => v === id)?.[0]
    return key ? (loaded.storyOf.get(key)?.truthDecision ?? null) : null
  }
  const truthByDoc = new Map<number, string | null>()
  for (const s of set.stories) truthByDoc.set(docOf(s.key), s.truthDecision)
  void truthOfDoc

  // Similar: for each report with an earlier report of the same decision, is one in the top k?
  const similar = { queries: 0, at1: 0, at3: 0, unnamed: 0, unnamedAt1: 0, unnamedAt3: 0, looksNewWrongly: 0 }
  const similarMisses: string[] = []
  for (const story of set.stories) {
    if (!story.truthDecision) continue
    const doc = docOf(story.key)
    const earlier = (d: number) => d < doc
    const hasEarlier = set.stories.some((o) => o.truthDecision === story.truthDecision && docOf(o.key) < doc)
    if (!hasEarlier) continue
    const ranked = rankSimilar(index, draftOf(loaded, story, doc, story.namesDecision), { accept: earlier })
    const hits = ranked.slice(0, 3).map((r) => truthByDoc.get(r.incident) === story.truthDecision)
    similar.queries++
    if (hits[0]) similar.at1++
    if (hits.some(Boolean)) similar.at3++
    if (ranked.length === 0) similar.looksNewWrongly++
    if (!story.namesDecision) {
      similar.unnamed++
      if (hits[0]) similar.unnamedAt1++
      if (hits.some(Boolean)) similar.unnamedAt3++
      else
        similarMisses.push(
          `${story.key} (${story.truthDecision}): got ${
            ranked
              .slice(0, 3)
              .map((r) => `${truthByDoc.get(r.incident) ?? 'none'}@${r.score}`)
              .join(', ') || 'nothing'
          }`,
        )
    }
  }

  // Decisions: for each report that names none but has one, is the truth in the top k?
  const decisions = { queries: 0, at1: 0, at3: 0, likely: 0, likelyRight: 0, singletons: 0, singletonsWithLikely: 0 }
  const decisionMisses: string[] = []
  const accepted = new Map<string, string>()
  for (const story of set.stories) {
    if (story.namesDecision) continue
    const doc = docOf(story.key)
    const ranked = rankDecisions(index, draftOf(loaded, story, doc, false), { exclude: (d) => d === doc })
    const keys = ranked.slice(0, 3).map((r) => loaded.decisionKeyOf.get(index.decisionAt(r.decision)?.id ?? ''))
    const best = ranked[0]
    // A person accepts what the engine calls likely (taking every first offer adds singletons' noise).
    if (best?.confidence === 'likely') {
      const key = keys[0] ?? ''
      accepted.set(story.key, key)
      decisions.likely++
      if (key === story.truthDecision) decisions.likelyRight++
    }
    if (!story.truthDecision) {
      decisions.singletons++
      if (best?.confidence === 'likely') decisions.singletonsWithLikely++
      continue
    }
    decisions.queries++
    if (keys[0] === story.truthDecision) decisions.at1++
    if (keys.includes(story.truthDecision)) decisions.at3++
    else
      decisionMisses.push(
        `${story.key} (${story.truthDecision}): got ${
          ranked
            .slice(0, 3)
            .map((r, k) => `${keys[k]}@${r.score}`)
            .join(', ') || 'nothing'
        }`,
      )
  }

  // Clusters: the engine's full pass, as filed and with every decision id removed.
  const rows = set.stories.map((s) => {
    const doc = docOf(s.key)
    const facts = index.incidentAt(doc)
    return {
      id: s.key,
      decisionId: facts?.decisionId ?? null,
      gapId: null,
      decisionOwnerTeamId: facts?.decisionOwnerTeamId ?? null,
      reportingTeamId: facts?.reportingTeamId ?? '',
      day: dayNumber(s.discoveredAt),
      title: s.title,
      narrative: s.narrative,
      expected: s.expected,
      missingContext: s.missingContext,
    }
  })
  const truthGroups = new Map<string, string[]>()
  for (const s of set.stories)
    if (s.truthDecision) truthGroups.set(s.truthDecision, [...(truthGroups.get(s.truthDecision) ?? []), s.key])
  const noise = set.stories.filter((s) => !s.truthDecision).map((s) => s.key)
  const score = (input: typeof rows, inferred: (string | null)[]) =>
    pairwiseScore(
      [...truthGroups.values()],
      clusterIncidents(input, defaultEngineOptions, inferred).groups.map((g) => g.members.map((i) => input[i]?.id ?? '')),
      noise,
    )
  const inferredFrom = (corpus: InsightIndex) =>
    set.stories.map((s) => {
      const doc = corpus.incidentDoc(loaded.incidentOf.get(s.key) ?? '') as number
      if (corpus.incidentAt(doc)?.decisionId) return null
      // As a full recompute does: the guess the index made while it was built.
      const guess = corpus.guessOf(doc)
      return groupingDecision(guess, guess ? corpus.incidentsOf(guess.decisionId).length : 0)
    })
  const withIds = score(rows, inferredFrom(index))

  // Gaps: a person accepts every likely suggestion; the product's own ranking then counts each
  // incident towards the gap behind its decision (ADR 017).
  const truthRank = set.gaps
    .map((g) => ({
      key: g.key,
      harm: set.stories
        .filter((s) => g.decisionKeys.includes(s.truthDecision ?? ''))
        .reduce((sum, s) => sum + s.harm * s.surprise, 0),
    }))
    .sort((a, b) => b.harm - a.harm || a.key.localeCompare(b.key))
    .map((g) => g.key)
  for (const [storyKey, decisionKey] of accepted)
    await db.execute(
      sql`update incidents set decision_id = ${loaded.decisionIdOf.get(decisionKey) ?? null} where id = ${loaded.incidentOf.get(storyKey) ?? null}`,
    )
  const gapRepository = strategyGapRepository(db)
  const gapKeyOf = new Map<string, string>()
  for (const g of set.gaps) {
    const created = await gapRepository.create(
      { title: g.title, description: g.description, decisionIds: g.decisionKeys.map((k) => loaded.decisionIdOf.get(k) ?? '') },
      systemActor,
    )
    gapKeyOf.set(created.id, g.key)
  }
  const days = set.stories.map((s) => s.discoveredAt).sort()
  const admin = { userId: '00000000-0000-4000-8000-000000000000', role: 'admin' as const, teamIds: [], reporterKey: '' }
  const ranking = await gapRepository.ranking(
    { from: days[0], to: days[days.length - 1], limit: 500 },
    admin,
    days[days.length - 1] ?? '2026-12-31',
  )
  const truth = truthRank.slice(0, 3)
  const found = ranking.items.slice(0, 3).map((item) => gapKeyOf.get(item.gapId) ?? item.gapId)

  // Last, as if nobody had named a decision: the index learns nothing from named reports.
  await db.execute(sql`update incidents set decision_id = null, gap_id = null`)
  markInsightDirty(db)
  const blind = await insightIndex(db)
  const idsRemoved = score(
    rows.map((r) => ({ ...r, decisionId: null, gapId: null })),
    inferredFrom(blind),
  )

  const ratio = (n: number, d: number) => (d === 0 ? 0 : Math.round((n / d) * 1000) / 1000)
  return {
    set: set.name,
    stories: set.stories.length,
    similar: {
      queries: similar.queries,
      recallAt1: ratio(similar.at1, similar.queries),
      recallAt3: ratio(similar.at3, similar.queries),
      unnamedQueries: similar.unnamed,
      unnamedAt1: ratio(similar.unnamedAt1, similar.unnamed),
      unnamedAt3: ratio(similar.unnamedAt3, similar.unnamed),
      looksNewWrongly: similar.looksNewWrongly,
    },
    decisions: {
      queries: decisions.queries,
      recallAt1: ratio(decisions.at1, decisions.queries),
      recallAt3: ratio(decisions.at3, decisions.queries),
      likelyPrecision: ratio(decisions.likelyRight, decisions.likely),
      singletons: decisions.singletons,
      singletonsWithLikely: decisions.singletonsWithLikely,
    },
    clusters: { withIds, idsRemoved },
    gaps: { truth, found, topThreeInOrder: truth.join() === found.join() },
    misses: { similar: similarMisses, decisions: decisionMisses },
  }
}
