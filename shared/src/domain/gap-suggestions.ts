/**
 * A decision and a cluster often tell the same story: the cluster holds the decision's
 * incidents. The register offers such a story once, with both reasons (docs/decisions/017).
 */

/** Two suggestions tell the same story when their incident sets overlap this much (Jaccard). */
export const sameStoryOverlap = 0.8

export interface SuggestionReason {
  source: 'decision' | 'cluster'
  sourceId: string
  title: string
}

export interface MergeableSuggestion extends SuggestionReason {
  incidentIds: readonly string[]
  weightedHarm: number
}

/** Shared incidents over all incidents of the two: 1 for the same set, 0 for disjoint ones. */
export function incidentOverlap(a: readonly string[], b: readonly string[]): number {
  const left = new Set(a)
  const right = new Set(b)
  let shared = 0
  for (const id of left) if (right.has(id)) shared += 1
  const union = left.size + right.size - shared
  return union === 0 ? 0 : shared / union
}

/**
 * Folds each suggestion into an earlier one (by weighted harm, highest first; on a tie a
 * decision before a cluster) that tells the same story. The one kept keeps its own incidents and numbers, so what it shows is what it
 * attaches; `reasons` lists every source it stands for, its own first.
 */
export function mergeSameStory<T extends MergeableSuggestion>(
  items: readonly T[],
  minOverlap = sameStoryOverlap,
): (T & { reasons: SuggestionReason[] })[] {
  // On a tie the decision leads: it is what a gap opened from the suggestion can name.
  const sourceRank = (item: T) => (item.source === 'decision' ? 0 : 1)
  const ordered = [...items].sort(
    (a, b) =>
      b.weightedHarm - a.weightedHarm ||
      b.incidentIds.length - a.incidentIds.length ||
      sourceRank(a) - sourceRank(b) ||
      a.sourceId.localeCompare(b.sourceId),
  )
  const kept: (T & { reasons: SuggestionReason[] })[] = []
  for (const item of ordered) {
    const reason = { source: item.source, sourceId: item.sourceId, title: item.title }
    const same = kept.find((k) => incidentOverlap(k.incidentIds, item.incidentIds) >= minOverlap)
    if (same) same.reasons.push(reason)
    else kept.push({ ...item, reasons: [reason] })
  }
  return kept
}
