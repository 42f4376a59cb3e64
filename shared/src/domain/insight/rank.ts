import type { InsightReason, MatchConfidence } from '../../schemas/insight'
import type { TextIndex } from './text-index'
import { top } from './top'

/**
 * How the insight engine ranks, given the text scores of its indexes
 * (docs/decisions/013-insight-retrieval.md). Two questions, one evidence base:
 *
 * - Which decision caused this? Its own words in the register (what the deciding team wrote),
 *   the decisions named by the reports that read most like this one (teams describe one
 *   decision in different words; each earlier report is a bridge for its own vocabulary), the
 *   team the reporter suspects, and time: a decision taken after the discovery caused nothing.
 * - Which earlier reports tell the same story? Those that read alike, and those that name the
 *   decision this one most likely points at, even with no word in common.
 *
 * Pure: the indexes, the corpus facts and the draft in, ranked suggestions out.
 */

export interface CorpusIncident {
  decisionId: string | null
  gapId: string | null
  decisionOwnerTeamId: string | null
  reportingTeamId: string
  /** Days since 1970-01-01 of the discovery. */
  day: number
}

export interface CorpusDecision {
  id: string
  owningTeamId: string
  decidedDay: number
}

/** What is known about the report being written or looked at; any part may be missing. */
export interface Draft {
  query: ReadonlyMap<number, number>
  decisionId: string | null
  gapId: string | null
  decisionOwnerTeamId: string | null
  reportingTeamId: string | null
  day: number | null
  /** Words of the clauses where the reporter rules a cause out (see ruledOutFields). */
  ruledOut?: ReadonlyMap<number, number>
}

export interface RankedDecision {
  decision: number
  score: number
  confidence: MatchConfidence
  reasons: InsightReason[]
  /** Incidents (index numbers) that read like the draft and name this decision, closest first. */
  via: number[]
}

export interface RankedIncident {
  incident: number
  score: number
  confidence: MatchConfidence
  reasons: InsightReason[]
}

export interface InsightWeights {
  registerText: number
  profileText: number
  votes: number
  ownerMatch: number
  ownerMismatch: number
  decidedAfter: number
  /** How many of the closest reports vote for their decisions. */
  neighbours: number
  /** Similar: the share of a candidate's decision's likelihood added to its text score. */
  viaDecision: number
  sameDecision: number
  /** An earlier report's guessed decision counts at most this share of a named one. */
  guessShare: number
  sameGap: number
  sameOwner: number
  /** With no decision named, the top `perDecisionOnTop + 1` similar reports hold at most this many of one decision. */
  perDecisionOnTop: number
  likely: { decision: number; incident: number }
  /** A decision clustering may group an unnamed report under: a high score with a clear lead. */
  confident: { score: number; margin: number }
  /**
   * The lower bar for a decision no report names yet (see groupingDecision): its group is only
   * suggested once `minSize` reports point at it on their own.
   */
  unnamedDecision: { score: number; margin: number }
  possible: { decision: number; incident: number }
  /**
   * "We assumed the new limits, but …": the decision the ruled-out words point at (scoring at
   * least `score` on them) loses `penalty`: the reporter has told us it was not that one.
   */
  ruledOut: { score: number; penalty: number }
  /**
   * Most decisions are discovered weeks after they are taken, not years (on our story sets the
   * true decision was a median 21–29 days old at discovery, the others 140): a decision taken
   * just before the discovery earns up to `bonus`, halving every `halfLifeDays`.
   */
  recent: { bonus: number; halfLifeDays: number }
}

export const insightWeights: InsightWeights = {
  registerText: 1,
  profileText: 1,
  votes: 0.5,
  ownerMatch: 0.15,
  ownerMismatch: 0.15,
  decidedAfter: 0.5,
  neighbours: 8,
  viaDecision: 0.6,
  sameDecision: 0.6,
  guessShare: 0.5,
  sameGap: 0.2,
  sameOwner: 0.1,
  perDecisionOnTop: 2,
  likely: { decision: 0.5, incident: 0.35 },
  possible: { decision: 0.1, incident: 0.12 },
  confident: { score: 0.5, margin: 0.3 },
  unnamedDecision: { score: 0.2, margin: 0.05 },
  ruledOut: { score: 0.1, penalty: 0.5 },
  recent: { bonus: 0.1, halfLifeDays: 60 },
}

export interface InsightCorpus {
  incidents: TextIndex
  /** Each decision's own words, as the deciding team wrote them. */
  decisions: TextIndex
  /** Each decision's words together with those of every report naming it: how others describe it. */
  profiles: TextIndex
  incidentAt(doc: number): CorpusIncident | undefined
  decisionAt(doc: number): CorpusDecision | undefined
  decisionDoc(id: string): number | undefined
  /** Incidents (index numbers) naming a decision. */
  incidentsOf(decisionId: string): readonly number[]
  /**
   * The index's guess at the decision behind an unnamed report (see guessDecision): null when
   * nothing came close, undefined when the index did not ask (a named or an older report).
   */
  guessOf(doc: number): DecisionGuess | null | undefined
  /** Unnamed reports (index numbers) whose guess is this decision. */
  guessedIncidentsOf(decisionId: string): readonly number[]
}

/** The decision an unnamed report most likely points at, with its score and its lead over the runner-up. */
export interface DecisionGuess {
  decisionId: string
  score: number
  lead: number
}

/** The decision the reporter's ruled-out words point at (index number), or -1. */
function refutedDecision(corpus: InsightCorpus, draft: Draft, w: InsightWeights, budget?: number): number {
  if (!draft.ruledOut || draft.ruledOut.size === 0) return -1
  const register = corpus.decisions.search(draft.ruledOut, undefined, budget)
  const profiles = corpus.profiles.search(draft.ruledOut, undefined, budget)
  let best = -1
  let bestScore = w.ruledOut.score
  for (const doc of new Set([...register.keys(), ...profiles.keys()])) {
    const score = w.registerText * (register.get(doc) ?? 0) + w.profileText * (profiles.get(doc) ?? 0)
    if (score > bestScore || (score === bestScore && best >= 0 && doc < best)) {
      best = doc
      bestScore = score
    }
  }
  return best
}

/** A decision's score for a draft from its words and the facts, before the neighbours' votes. */
function decisionScore(
  w: InsightWeights,
  draft: Draft,
  decision: CorpusDecision,
  text: number,
  profile: number,
  refuted: boolean,
): number {
  const words = w.registerText * text + w.profileText * profile
  let score = words - (refuted ? w.ruledOut.penalty : 0)
  if (draft.decisionOwnerTeamId) score += draft.decisionOwnerTeamId === decision.owningTeamId ? w.ownerMatch : -w.ownerMismatch
  if (draft.day !== null && decision.decidedDay > draft.day) score -= w.decidedAfter
  // Time sharpens what the words say; on its own it would offer every recent decision.
  else if (draft.day !== null && words >= w.possible.decision)
    score += w.recent.bonus * 0.5 ** ((draft.day - decision.decidedDay) / w.recent.halfLifeDays)
  return score
}

/** Decisions most likely behind the draft, best first; `exclude` leaves out incident docs (the draft itself). */
export function rankDecisions(
  corpus: InsightCorpus,
  draft: Draft,
  options: {
    exclude?: (doc: number) => boolean
    accept?: (doc: number) => boolean
    weights?: InsightWeights
    /** Postings each decision search may walk (see TextIndex.search). */
    budget?: number
    /** The draft's scores against the reports `accept` lets through, when the caller has them already. */
    incidentScores?: ReadonlyMap<number, number>
  } = {},
): RankedDecision[] {
  const w = options.weights ?? insightWeights
  const accept = (doc: number) => !(options.exclude?.(doc) ?? false) && (options.accept?.(doc) ?? true)
  const register = corpus.decisions.search(draft.query, undefined, options.budget)
  const profiles = corpus.profiles.search(draft.query, undefined, options.budget)
  const refuted = refutedDecision(corpus, draft, w, options.budget)
  // Votes need a search over every report, the costly part; the profiles carry most of the same words.
  const neighbours =
    w.neighbours > 0 ? top(options.incidentScores ?? corpus.incidents.search(draft.query, accept), w.neighbours) : []

  const votes = new Map<string, { weight: number; via: number[] }>()
  let voteTotal = 0
  for (const [doc, score] of neighbours) {
    voteTotal += score
    const decisionId = corpus.incidentAt(doc)?.decisionId
    if (!decisionId) continue
    const vote = votes.get(decisionId) ?? { weight: 0, via: [] }
    vote.weight += score
    vote.via.push(doc)
    votes.set(decisionId, vote)
  }

  const candidates = new Set<number>([...register.keys(), ...profiles.keys()])
  for (const id of votes.keys()) {
    const doc = corpus.decisionDoc(id)
    if (doc !== undefined) candidates.add(doc)
  }
  const ranked: RankedDecision[] = []
  for (const doc of candidates) {
    const decision = corpus.decisionAt(doc)
    if (!decision) continue
    const reasons: InsightReason[] = []
    const text = register.get(doc) ?? 0
    const profile = profiles.get(doc) ?? 0
    const vote = votes.get(decision.id)
    // The share of the neighbours' evidence that points here, scaled by how close they are.
    const voteShare = vote && voteTotal > 0 ? (vote.weight / voteTotal) * Math.min(1, 3 * (neighbours[0]?.[1] ?? 0)) : 0
    const score = decisionScore(w, draft, decision, text, profile, doc === refuted) + w.votes * voteShare
    if (score <= 0) continue
    if (vote && voteShare > 0.05) reasons.push('similar_incidents')
    if (text >= 0.08 || profile >= 0.08) reasons.push('register_text')
    if (draft.decisionOwnerTeamId === decision.owningTeamId) reasons.push('same_owner_team')
    if (draft.day !== null && decision.decidedDay <= draft.day) reasons.push('decided_before_discovery')
    ranked.push({ decision: doc, score, confidence: 'possible', reasons, via: vote?.via ?? [] })
  }
  ranked.sort((a, b) => b.score - a.score || a.decision - b.decision)
  return ranked
    .filter((r) => r.score >= w.possible.decision)
    .map((r, k) => ({
      ...r,
      score: round(r.score),
      // Only the first can be likely, and only with a clear lead: two close candidates are both possible.
      confidence: k === 0 && r.score >= w.likely.decision && r.score - (ranked[1]?.score ?? 0) >= 0.05 ? 'likely' : 'possible',
    }))
}

/** Earlier reports of the same story, best first. */
export function rankSimilar(
  corpus: InsightCorpus,
  draft: Draft,
  options: {
    exclude?: (doc: number) => boolean
    accept?: (doc: number) => boolean
    weights?: InsightWeights
    decisions?: RankedDecision[]
  } = {},
): RankedIncident[] {
  const w = options.weights ?? insightWeights
  const accept = (doc: number) => !(options.exclude?.(doc) ?? false) && (options.accept?.(doc) ?? true)
  const text = corpus.incidents.search(draft.query, accept)
  const likelihood = new Map<string, number>()
  let leading: string | null = null
  if (!draft.decisionId) {
    // The same search over every report feeds the decisions' votes: run it once.
    const decisions = options.decisions ?? rankDecisions(corpus, draft, { ...options, incidentScores: text })
    leading = decisions[0] ? (corpus.decisionAt(decisions[0].decision)?.id ?? null) : null
    const best = decisions[0]?.score ?? 0
    for (const d of decisions.slice(0, 3)) {
      const decision = corpus.decisionAt(d.decision)
      // Relative to the best: the runner-up of a clear winner lends its incidents little.
      if (decision && best > 0) likelihood.set(decision.id, (d.score / best) ** 2 * Math.min(1, d.score / w.likely.decision))
    }
  }
  const candidates = new Set<number>(top(text, 200).map(([doc]) => doc))
  for (const id of draft.decisionId ? [draft.decisionId] : likelihood.keys()) {
    for (const doc of corpus.incidentsOf(id)) if (accept(doc)) candidates.add(doc)
    for (const doc of corpus.guessedIncidentsOf(id)) if (accept(doc)) candidates.add(doc)
  }
  /** The decision an earlier report names, else the one the index guessed for it, discounted by how sure the guess is. */
  const decisionOf = (doc: number, incident: CorpusIncident): { id: string; weight: number } | null => {
    if (incident.decisionId) return { id: incident.decisionId, weight: 1 }
    const guess = corpus.guessOf(doc)
    if (!guess || guess.score < w.possible.decision) return null
    return { id: guess.decisionId, weight: w.guessShare * Math.min(1, guess.score / w.likely.decision) }
  }

  const ranked: RankedIncident[] = []
  for (const doc of candidates) {
    const incident = corpus.incidentAt(doc)
    if (!incident) continue
    const reasons: InsightReason[] = []
    const similarity = text.get(doc) ?? 0
    let score = similarity
    const decision = decisionOf(doc, incident)
    if (draft.decisionId && incident.decisionId === draft.decisionId) {
      score += w.sameDecision
      reasons.push('same_decision')
    } else if (draft.decisionId && decision?.id === draft.decisionId) {
      score += w.sameDecision * decision.weight
      reasons.push('similar_incidents')
    } else if (decision && likelihood.has(decision.id)) {
      score += w.viaDecision * decision.weight * (likelihood.get(decision.id) ?? 0)
      reasons.push('similar_incidents')
    }
    if (draft.gapId && incident.gapId === draft.gapId) {
      score += w.sameGap
      reasons.push('same_strategy_gap')
    }
    if (draft.decisionOwnerTeamId && incident.decisionOwnerTeamId === draft.decisionOwnerTeamId) {
      score += w.sameOwner
      reasons.push(
        draft.reportingTeamId && incident.reportingTeamId === draft.reportingTeamId ? 'same_team_pair' : 'same_owner_team',
      )
    }
    if (similarity >= 0.08) reasons.push('similar_text')
    if (score < w.possible.incident) continue
    ranked.push({ incident: doc, score: round(score), confidence: score >= w.likely.incident ? 'likely' : 'possible', reasons })
  }
  ranked.sort((a, b) => b.score - a.score || b.incident - a.incident)
  return draft.decisionId ? ranked : diversified(corpus, ranked, decisionOf, w.perDecisionOnTop, leading)
}

/**
 * A reporter who names no decision is shown more than one explanation: the first places hold at
 * most `perDecision` reports of any one decision (named, or guessed by the index), and one report
 * of the decision the engine would suggest first, when it has one, so the list backs the "is it
 * one of these?" suggestion. Nothing is dropped, only reordered.
 */
function diversified(
  corpus: InsightCorpus,
  ranked: RankedIncident[],
  decisionOf: (doc: number, incident: CorpusIncident) => { id: string } | null,
  perDecision: number,
  leading: string | null,
): RankedIncident[] {
  const places = perDecision + 1
  if (ranked.length <= places) return ranked
  const head: RankedIncident[] = []
  const held: RankedIncident[] = []
  const seen = new Map<string, number>()
  const decisionIdOf = (r: RankedIncident) => {
    const incident = corpus.incidentAt(r.incident)
    return incident ? decisionOf(r.incident, incident)?.id : undefined
  }
  for (const r of ranked) {
    const decisionId = decisionIdOf(r)
    const count = decisionId ? (seen.get(decisionId) ?? 0) : 0
    if (head.length === places || (decisionId && count >= perDecision)) {
      held.push(r)
      continue
    }
    if (decisionId) seen.set(decisionId, count + 1)
    head.push(r)
  }
  const backing =
    leading && !head.some((r) => decisionIdOf(r) === leading) ? held.find((r) => decisionIdOf(r) === leading) : undefined
  if (backing) {
    const last = head.pop() as RankedIncident
    head.push(backing)
    held.splice(held.indexOf(backing), 1, last)
    held.sort((a, b) => b.score - a.score || b.incident - a.incident)
  }
  return [...head, ...held]
}

const round = (x: number) => Math.round(x * 1000) / 1000

/**
 * The best decision for an unnamed report from the register and the decision profiles alone
 * (no neighbours' votes: a search over every report per report is too slow to ask of thousands,
 * and the profiles already hold the words other teams used). A small posting budget: the rarest
 * words decide a clear winner.
 */
export function guessDecision(
  corpus: InsightCorpus,
  draft: Draft,
  options: { weights?: InsightWeights } = {},
): DecisionGuess | null {
  const w = options.weights ?? insightWeights
  // rankDecisions' first two without its reasons, objects and sort: the index asks this thousands of times.
  const register = corpus.decisions.search(draft.query, undefined, guessBudget)
  const profiles = corpus.profiles.search(draft.query, undefined, guessBudget)
  const refuted = refutedDecision(corpus, draft, w, guessBudget)
  let best = -1
  let bestScore = 0
  let secondScore = 0
  const consider = (doc: number) => {
    const decision = corpus.decisionAt(doc)
    if (!decision) return
    const score = round(decisionScore(w, draft, decision, register.get(doc) ?? 0, profiles.get(doc) ?? 0, doc === refuted))
    if (score <= 0 || score < w.possible.decision) return
    if (best < 0 || score > bestScore || (score === bestScore && doc < best)) {
      if (best >= 0) secondScore = bestScore
      best = doc
      bestScore = score
    } else if (score > secondScore) secondScore = score
  }
  for (const doc of register.keys()) consider(doc)
  for (const doc of profiles.keys()) if (!register.has(doc)) consider(doc)
  const decisionId = best >= 0 ? corpus.decisionAt(best)?.id : undefined
  if (!decisionId) return null
  return { decisionId, score: bestScore, lead: round(bestScore - secondScore) }
}

/** Postings a guess may walk per index: the rarest words decide a clear winner. */
const guessBudget = 3_000

/** Whether a guess is clear enough to group the report under its decision (clustering). */
export const isConfident = (guess: DecisionGuess | null | undefined, w: InsightWeights = insightWeights): boolean =>
  !!guess && guess.score >= w.confident.score && guess.lead >= w.confident.margin

/**
 * The decision clustering groups an unnamed report under, or null
 * (docs/decisions/030-grouping-reports-under-a-decision-nobody-named.md). Two bars:
 * - a decision other reports name has a group already; joining it takes a confident guess,
 *   because one wrong member in a group people trust costs a pair per member;
 * - a decision nobody names yet has no group; the reports pointing at it are the discovery
 *   itself, so a plausible guess with a lead counts, and the group is suggested only when
 *   several reports point there independently (the engine's minimum size).
 */
export function groupingDecision(
  guess: DecisionGuess | null | undefined,
  namedReports: number,
  w: InsightWeights = insightWeights,
): string | null {
  if (!guess) return null
  if (namedReports > 0) return isConfident(guess, w) ? guess.decisionId : null
  return guess.score >= w.unnamedDecision.score && guess.lead >= w.unnamedDecision.margin ? guess.decisionId : null
}

/** The decision an unnamed report points at clearly enough to group it under, or null. */
export function confidentDecision(
  corpus: InsightCorpus,
  draft: Draft,
  options: { weights?: InsightWeights } = {},
): string | null {
  const guess = guessDecision(corpus, draft, options)
  return isConfident(guess, options.weights) ? (guess?.decisionId ?? null) : null
}
