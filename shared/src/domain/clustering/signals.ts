import { cosine, type SparseVector, sharedTerms, type Vocabulary } from './text'

/**
 * What joins two incidents, strongest first: the same upstream decision, the same strategy gap,
 * the same decision-owner team → harmed team pair close in time, similar text.
 */
export const clusterSignals = ['same_decision', 'same_strategy_gap', 'same_team_pair', 'similar_text'] as const
export type ClusterSignal = (typeof clusterSignals)[number]

/** The facts about an incident the engine compares; `day` counts days since 1970-01-01. */
export interface IncidentFeatures {
  id: string
  decisionId: string | null
  gapId: string | null
  decisionOwnerTeamId: string | null
  reportingTeamId: string
  day: number
}

export interface EngineOptions {
  /** Weight of each signal in a pair score; a pair at or above `threshold` belongs together. */
  weights: Record<ClusterSignal, number>
  threshold: number
  /** How close in time two incidents of one team pair must be to count as the same story. */
  windowDays: number
  /** Smaller groups are not worth a retro, so they are not suggested. */
  minSize: number
  /**
   * Loose reports of one team pair (owner → reporter) within `windowDays` link at this cosine.
   * A pair's score reaches the threshold at a cosine of 0.29, but such links chain: a busy pair
   * files many reports a month, and at 20,000 incidents they pulled look-alikes into the stories
   * (precision 0.81); 0.5 keeps the chain to the same story (0.98).
   */
  teamPairCosine: number
  /** Text alone joins two reports at this cosine: near-identical wording. */
  textOnlyCosine: number
  /** Two reports blaming the same owner team within `windowDays` join at this cosine, whoever reported them. */
  sameOwnerCosine: number
}

/**
 * A shared decision joins on its own; so does a shared gap; a team pair needs similar text
 * too (cosine ≥ 0.29 in a pair score, 0.5 for a link between loose reports); text alone needs
 * a cosine of 0.85 — near-identical reports.
 */
export const defaultEngineOptions: EngineOptions = {
  weights: { same_decision: 1, same_strategy_gap: 0.6, same_team_pair: 0.3, similar_text: 0.7 },
  threshold: 0.5,
  windowDays: 30,
  minSize: 3,
  teamPairCosine: 0.5,
  textOnlyCosine: 0.85,
  sameOwnerCosine: 0.6,
}

export const dayNumber = (isoDay: string): number => Math.floor(Date.parse(`${isoDay.slice(0, 10)}T00:00:00Z`) / 86_400_000)

export const isSameTeamPair = (a: IncidentFeatures, b: IncidentFeatures, windowDays: number): boolean =>
  a.decisionOwnerTeamId !== null &&
  a.decisionOwnerTeamId === b.decisionOwnerTeamId &&
  a.reportingTeamId === b.reportingTeamId &&
  Math.abs(a.day - b.day) <= windowDays

export interface PairScore {
  score: number
  signals: ClusterSignal[]
  /** Words both texts use, heaviest first (empty when text did not count). */
  terms: string[]
}

/** How strongly two incidents belong together, and why. */
export function scorePair(
  a: IncidentFeatures & { vector: SparseVector },
  b: IncidentFeatures & { vector: SparseVector },
  vocabulary: Vocabulary,
  options: EngineOptions = defaultEngineOptions,
): PairScore {
  const { weights } = options
  const signals: ClusterSignal[] = []
  let score = 0
  if (a.decisionId !== null && a.decisionId === b.decisionId) {
    score += weights.same_decision
    signals.push('same_decision')
  }
  if (a.gapId !== null && a.gapId === b.gapId) {
    score += weights.same_strategy_gap
    signals.push('same_strategy_gap')
  }
  if (isSameTeamPair(a, b, options.windowDays)) {
    score += weights.same_team_pair
    signals.push('same_team_pair')
  }
  const similarity = cosine(a.vector, b.vector)
  const text = weights.similar_text * similarity
  // Text counts as a reason once it is a sizeable part of what it takes to belong together.
  const terms = similarity >= 0.15 ? sharedTerms(a.vector, b.vector, vocabulary, 4) : []
  if (terms.length > 0) signals.push('similar_text')
  score += text
  return { score: Math.round(score * 1000) / 1000, signals, terms }
}
