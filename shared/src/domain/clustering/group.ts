import { defaultEngineOptions, type EngineOptions, type IncidentFeatures } from './signals'
import { centroid, cosine, type IncidentText, type SparseVector, type Vocabulary, vectorize } from './text'
import { UnionFind } from './union-find'

/**
 * The full clustering pass (docs/decisions/012-clustering-engine.md):
 *
 * 1. Incidents that name the same decision form a group: the strongest signal, and exact.
 * 2. An incident with no decision joins the group whose owner hurt it, when its gap, its team
 *    pair in time and its text together reach the threshold against the group as a whole
 *    (never against a single member, so one look-alike cannot drag it in).
 * 3. What is left links by the same gap, by the same team pair close in time with similar text,
 *    or by near-identical text.
 * 4. Groups that are mostly about the same gap and read alike merge (average linkage).
 *
 * Only groups of `minSize` or more are suggested. Pure: same input, same groups.
 */

export type EngineIncident = IncidentFeatures & IncidentText

export interface EngineGroup {
  /** Indexes into the input, in discovery order. */
  members: number[]
}

export interface EngineResult {
  groups: EngineGroup[]
  vocabulary: Vocabulary
  vectors: SparseVector[]
}

interface OwnerGroups {
  groups: Aggregate[]
  /** Per term id: flat pairs of (group index, centroid weight). */
  postings: Map<number, number[]>
}

interface Aggregate {
  members: number[]
  owner: string | null
  centroid: SparseVector
  gapCounts: Map<string, number>
  /** Discovery days per reporting team, ascending: team-pair closeness by binary search. */
  daysByReporter: Map<string, number[]>
}

/** How many of `days` (ascending) lie within `window` of `day`. */
function countWithin(days: readonly number[], day: number, window: number): number {
  const firstAtLeast = (x: number) => {
    let lo = 0
    let hi = days.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((days[mid] as number) < x) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  return firstAtLeast(day + window + 1) - firstAtLeast(day - window)
}

const mostCommon = (values: Iterable<string | null>): string | null => {
  const counts = new Map<string, number>()
  let best: string | null = null
  let most = 0
  for (const v of values) {
    if (v === null) continue
    const n = (counts.get(v) ?? 0) + 1
    counts.set(v, n)
    if (n > most) {
      most = n
      best = v
    }
  }
  return best
}

/**
 * `inferred[i]`, when given, is the decision the insight engine is confident incident `i` points
 * at although it names none (docs/decisions/013-insight-retrieval.md): it groups like a named
 * decision, so reports that never say which decision hurt them still meet in one cluster.
 */
export function clusterIncidents(
  incidents: readonly EngineIncident[],
  options: EngineOptions = defaultEngineOptions,
  inferred: readonly (string | null)[] = [],
): EngineResult {
  const { vocabulary, vectors } = vectorize(incidents)
  const { weights, threshold, windowDays } = options
  const vectorOf = (i: number) => vectors[i] as SparseVector
  const at = (i: number) => incidents[i] as EngineIncident
  const sets = new UnionFind(incidents.length)

  // 1. Same decision, named or confidently inferred.
  const decisionOf = (i: number) => at(i).decisionId ?? inferred[i] ?? null
  const byDecision = new Map<string, number>()
  incidents.forEach((_, i) => {
    const decision = decisionOf(i)
    if (decision === null) return
    const first = byDecision.get(decision)
    if (first === undefined) byDecision.set(decision, i)
    else sets.union(first, i)
  })

  const aggregate = (members: number[]): Aggregate => {
    const gapCounts = new Map<string, number>()
    for (const m of members) {
      const gap = at(m).gapId
      if (gap !== null) gapCounts.set(gap, (gapCounts.get(gap) ?? 0) + 1)
    }
    const daysByReporter = new Map<string, number[]>()
    for (const m of members) {
      const list = daysByReporter.get(at(m).reportingTeamId) ?? []
      list.push(at(m).day)
      daysByReporter.set(at(m).reportingTeamId, list)
    }
    for (const list of daysByReporter.values()) list.sort((p, q) => p - q)
    const middle = centroid(members.map(vectorOf))
    return {
      members,
      owner: mostCommon(members.map((m) => at(m).decisionOwnerTeamId)),
      centroid: middle,
      gapCounts,
      daysByReporter,
    }
  }
  const afterDecisions = sets.sets()
  const decisionGroups = [...byDecision.values()].map((i) => aggregate(afterDecisions.get(sets.find(i)) ?? [i]))

  // 2. Incidents without a decision join the best group of the team that hurt them.
  const byOwner = new Map<string, OwnerGroups>()
  for (const group of decisionGroups) {
    if (group.owner === null) continue
    const owned: OwnerGroups = byOwner.get(group.owner) ?? { groups: [], postings: new Map() }
    const g = owned.groups.length
    owned.groups.push(group)
    // Term → (group, weight) over the groups' centroids: only groups sharing a word get text score.
    for (let k = 0; k < group.centroid.ids.length; k++) {
      const term = group.centroid.ids[k] as number
      const list = owned.postings.get(term) ?? []
      list.push(g, group.centroid.weights[k] as number)
      owned.postings.set(term, list)
    }
    byOwner.set(group.owner, owned)
  }
  const loose: number[] = []
  incidents.forEach((incident, i) => {
    if (decisionOf(i) !== null) return
    const owned = incident.decisionOwnerTeamId ? byOwner.get(incident.decisionOwnerTeamId) : undefined
    if (!owned) {
      loose.push(i)
      return
    }
    const text = new Float64Array(owned.groups.length)
    const v = vectorOf(i)
    for (let k = 0; k < v.ids.length; k++) {
      const list = owned.postings.get(v.ids[k] as number)
      if (!list) continue
      const weight = v.weights[k] as number
      for (let p = 0; p < list.length; p += 2) {
        const g = list[p] as number
        text[g] = (text[g] as number) + weight * (list[p + 1] as number)
      }
    }
    let best = -1
    let bestScore = threshold
    owned.groups.forEach((group, g) => {
      const score = scoreAgainstGroup(i, group) + weights.similar_text * (text[g] as number)
      if (score >= bestScore) {
        best = g
        bestScore = score
      }
    })
    const joined = owned.groups[best]
    if (joined) sets.union(joined.members[0] as number, i)
    else loose.push(i)
  })

  /** The gap and team-pair part of an incident's score against a whole group (text is added by the caller). */
  function scoreAgainstGroup(i: number, group: Aggregate): number {
    const incident = at(i)
    const size = group.members.length
    const gapShare = incident.gapId === null ? 0 : (group.gapCounts.get(incident.gapId) ?? 0) / size
    const pairs = countWithin(group.daysByReporter.get(incident.reportingTeamId) ?? [], incident.day, windowDays)
    // A signal shared by half the group counts in full: groups mix several reporting teams.
    return weights.same_strategy_gap * Math.min(1, 2 * gapShare) + weights.same_team_pair * Math.min(1, (2 * pairs) / size)
  }

  // 3. The rest: same gap; same team pair in time with similar text; near-identical text.
  linkLoose(loose, incidents, vectorOf, sets, options)

  // 4. Groups mostly about the same gap that read alike are one story told by several decisions.
  const hasDominantGap = (members: number[]) => {
    const counts = new Map<string, number>()
    for (const m of members) {
      const gap = at(m).gapId
      if (gap !== null) counts.set(gap, (counts.get(gap) ?? 0) + 1)
    }
    return [...counts.values()].some((n) => n >= 2 && n * 2 >= members.length)
  }
  const groups = [...sets.sets().values()].filter(hasDominantGap).map(aggregate)
  const byDominantGap = new Map<string, Aggregate[]>()
  for (const group of groups) {
    for (const [gap, count] of group.gapCounts) {
      if (count < 2 || count * 2 < group.members.length) continue
      const list = byDominantGap.get(gap) ?? []
      list.push(group)
      byDominantGap.set(gap, list)
    }
  }
  for (const [gap, list] of byDominantGap) {
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const x = list[a] as Aggregate
        const y = list[b] as Aggregate
        const share = (g: Aggregate) => (g.gapCounts.get(gap) ?? 0) / g.members.length
        const score = weights.same_strategy_gap * share(x) * share(y) + weights.similar_text * cosine(x.centroid, y.centroid)
        if (score >= threshold) sets.union(x.members[0] as number, y.members[0] as number)
      }
    }
  }

  const byDay = (p: number, q: number) => at(p).day - at(q).day || p - q
  const result = [...sets.sets().values()]
    .map((members) => ({ members: members.sort(byDay) }))
    .filter((g) => g.members.length >= options.minSize)
    .sort((p, q) => q.members.length - p.members.length || byDay(p.members[0] as number, q.members[0] as number))
  return { groups: result, vocabulary, vectors }
}

/** Blocks of more than this many incidents are too generic to say anything (a stop word in disguise). */
const maxBlock = 50
/**
 * Size guard for links by text (alone or with a team pair): chains of look-alikes grow without
 * end on templated wording, so such a link may not make a group larger than this. A story's
 * share of reports, not its count, is what stays put as an organisation grows: the guard is a
 * share of the corpus (2%), never under 60: a fixed 60 cut the generated org's stories of 100 to
 * 240 reports at 20,000 incidents into pieces (recall 0.24).
 */
export const weakGroupLimit = (incidents: number): number => Math.max(60, Math.ceil(incidents * 0.02))

function linkLoose(
  loose: readonly number[],
  incidents: readonly EngineIncident[],
  vectorOf: (i: number) => SparseVector,
  sets: UnionFind,
  options: EngineOptions,
) {
  const { windowDays } = options
  const maxWeakGroup = weakGroupLimit(incidents.length)
  const at = (i: number) => incidents[i] as EngineIncident
  const byGap = new Map<string, number>()
  const byPair = new Map<string, number[]>()
  const byOwner = new Map<string, number[]>()
  const byTerm = new Map<number, number[]>()
  for (const i of loose) {
    const incident = at(i)
    if (incident.gapId !== null) {
      const first = byGap.get(incident.gapId)
      if (first === undefined) byGap.set(incident.gapId, i)
      else sets.union(first, i)
    }
    if (incident.decisionOwnerTeamId !== null) {
      const key = `${incident.decisionOwnerTeamId}>${incident.reportingTeamId}`
      const list = byPair.get(key) ?? []
      list.push(i)
      byPair.set(key, list)
      const owned = byOwner.get(incident.decisionOwnerTeamId) ?? []
      owned.push(i)
      byOwner.set(incident.decisionOwnerTeamId, owned)
    }
    // Block on the two heaviest terms: near-identical texts share them.
    const v = vectorOf(i)
    const heaviest = [...v.ids.keys()].sort((p, q) => (v.weights[q] as number) - (v.weights[p] as number)).slice(0, 2)
    for (const k of heaviest) {
      const term = v.ids[k] as number
      const list = byTerm.get(term) ?? []
      list.push(i)
      byTerm.set(term, list)
    }
  }
  for (const list of byPair.values()) {
    list.sort((p, q) => at(p).day - at(q).day)
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const p = list[a] as number
        const q = list[b] as number
        if (at(q).day - at(p).day > windowDays) break
        if (cosine(vectorOf(p), vectorOf(q)) >= options.teamPairCosine) sets.unionAtMost(p, q, maxWeakGroup)
      }
    }
  }
  // Several teams blaming one owner team in the same weeks, in similar words, tell one story.
  for (const list of byOwner.values()) {
    list.sort((p, q) => at(p).day - at(q).day)
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const p = list[a] as number
        const q = list[b] as number
        if (at(q).day - at(p).day > windowDays) break
        if (cosine(vectorOf(p), vectorOf(q)) >= options.sameOwnerCosine) sets.unionAtMost(p, q, maxWeakGroup)
      }
    }
  }
  // Text alone must be near-identical, and rarer than a template: a big block is a template.
  const textThreshold = options.textOnlyCosine
  for (const list of byTerm.values()) {
    if (list.length > maxBlock) continue
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const p = list[a] as number
        const q = list[b] as number
        if (cosine(vectorOf(p), vectorOf(q)) >= textThreshold) sets.unionAtMost(p, q, maxWeakGroup)
      }
    }
  }
}

/**
 * People's "not related" marks win over the engine: in each group, a member marked unrelated
 * to one met earlier in the group (in discovery order) leaves it. `apart` holds both orders of
 * each pair as `a|b`.
 */
export function keepApart<T extends { id: string }>(groups: readonly T[][], apart: ReadonlySet<string>, minSize: number): T[][] {
  if (apart.size === 0) return groups.map((g) => [...g])
  return groups
    .map((members) => {
      const kept: T[] = []
      for (const m of members) if (!kept.some((k) => apart.has(`${k.id}|${m.id}`))) kept.push(m)
      return kept
    })
    .filter((g) => g.length >= minSize)
}
