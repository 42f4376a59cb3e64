import { type ClusterSignal, defaultEngineOptions, type EngineOptions, type IncidentFeatures, isSameTeamPair } from './signals'
import type { IncidentText, Vocabulary } from './text'

/**
 * Why a group of incidents belongs together, computed from the members a viewer may see — so a
 * restricted report's decision, team or words never show up in someone else's explanation.
 */
export interface GroupExplanation {
  signals: ClusterSignal[]
  decision: { id: string; count: number } | null
  gap: { id: string; count: number } | null
  teamPair: { ownerTeamId: string; reportingTeamId: string; count: number } | null
  /** Words at least two members (and two in five) use, the most telling first. */
  terms: string[]
}

export const emptyExplanation: GroupExplanation = { signals: [], decision: null, gap: null, teamPair: null, terms: [] }

function top(values: Iterable<string | null>): { id: string; count: number } | null {
  const counts = new Map<string, number>()
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1)
  let best: { id: string; count: number } | null = null
  for (const [id, count] of counts)
    if (!best || count > best.count || (count === best.count && id < best.id)) best = { id, count }
  return best && best.count >= 2 ? best : null
}

/** A term in more than this share of the whole corpus is template wording, not a topic. */
const maxCorpusShare = 0.25

export function explainGroup<M extends IncidentFeatures & IncidentText>(
  members: readonly M[],
  vocabulary: Vocabulary,
  options: EngineOptions = defaultEngineOptions,
  /** The member's term ids when the caller already has them (the engine's vectors): saves a re-count. */
  termIdsOf: (member: M) => Iterable<number> = (member) => vocabulary.count(member).keys(),
): GroupExplanation {
  const decision = top(members.map((m) => m.decisionId))
  const gap = top(members.map((m) => m.gapId))

  // The team pair most members share, counting only those close in time to another of the pair.
  const pairKey = (m: IncidentFeatures) => (m.decisionOwnerTeamId ? `${m.decisionOwnerTeamId}>${m.reportingTeamId}` : null)
  const closePairs = members.filter((m, i) => members.some((o, j) => i !== j && isSameTeamPair(m, o, options.windowDays)))
  const pair = top(closePairs.map(pairKey))
  const [ownerTeamId = '', reportingTeamId = ''] = pair?.id.split('>') ?? []
  const teamPair = pair ? { ownerTeamId, reportingTeamId, count: pair.count } : null

  const memberCounts = new Map<number, number>()
  for (const m of members) for (const id of termIdsOf(m)) memberCounts.set(id, (memberCounts.get(id) ?? 0) + 1)
  const needed = Math.max(2, Math.ceil(members.length * 0.4))
  // In a small corpus every shared word is common; the template rule needs numbers to mean anything.
  const maxDocuments = vocabulary.documents < 40 ? Number.POSITIVE_INFINITY : vocabulary.documents * maxCorpusShare
  const terms = [...memberCounts]
    .filter(([id, n]) => n >= needed && (vocabulary.documentFrequency[id] ?? 0) <= maxDocuments)
    .sort((p, q) => q[1] * vocabulary.idf(q[0]) - p[1] * vocabulary.idf(p[0]) || p[0] - q[0])
    .slice(0, 6)
    .map(([id]) => vocabulary.word(id))

  const signals: ClusterSignal[] = []
  if (decision) signals.push('same_decision')
  if (gap) signals.push('same_strategy_gap')
  if (teamPair) signals.push('same_team_pair')
  if (terms.length > 0) signals.push('similar_text')
  return { signals, decision, gap, teamPair, terms }
}

export interface ExplanationNames {
  decisionTitle?: string | null
  /** The decision most members naming none point at (see decisionForTheRest). */
  likelyDecisionTitle?: string | null
  gapTitle?: string | null
  ownerTeamName?: string | null
  reportingTeamName?: string | null
}

/** A suggested cluster's title, from its strongest signal. */
export function suggestedTitle(explanation: GroupExplanation, names: ExplanationNames): string {
  if (explanation.decision && names.decisionTitle) return names.decisionTitle
  if (names.likelyDecisionTitle) return `Likely: ${names.likelyDecisionTitle}`
  if (explanation.gap && names.gapTitle) return `Strategy gap: ${names.gapTitle}`
  if (explanation.teamPair && names.ownerTeamName && names.reportingTeamName)
    return `${names.ownerTeamName} → ${names.reportingTeamName}${explanation.terms.length > 0 ? `: ${explanation.terms.slice(0, 3).join(', ')}` : ''}`
  if (explanation.terms.length > 0) return `Similar reports: ${explanation.terms.slice(0, 3).join(', ')}`
  return 'Related incidents'
}
