/**
 * Pairwise precision, recall and F1 of suggested clusters against labelled ones. Only labelled
 * incidents count — the planted clusters and the planted look-alikes (labelled "in no
 * cluster") — because the rest of a generated org has no ground truth to hold a pair against.
 */
export interface PairwiseScore {
  precision: number
  recall: number
  f1: number
  truePairs: number
  suggestedPairs: number
  correctPairs: number
}

const pairs = (n: number) => (n * (n - 1)) / 2

export function pairwiseScore(
  truth: readonly (readonly string[])[],
  suggested: readonly (readonly string[])[],
  labelledNoise: readonly string[] = [],
): PairwiseScore {
  const labelOf = new Map<string, number>()
  truth.forEach((members, k) => {
    for (const id of members) labelOf.set(id, k)
  })
  const labelled = new Set([...labelOf.keys(), ...labelledNoise])
  let truePairs = 0
  for (const members of truth) truePairs += pairs(members.length)
  let suggestedPairs = 0
  let correctPairs = 0
  for (const members of suggested) {
    const inSet = members.filter((id) => labelled.has(id))
    suggestedPairs += pairs(inSet.length)
    const perLabel = new Map<number, number>()
    for (const id of inSet) {
      const label = labelOf.get(id)
      if (label !== undefined) perLabel.set(label, (perLabel.get(label) ?? 0) + 1)
    }
    for (const n of perLabel.values()) correctPairs += pairs(n)
  }
  const precision = suggestedPairs === 0 ? 1 : correctPairs / suggestedPairs
  const recall = truePairs === 0 ? 1 : correctPairs / truePairs
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return { precision, recall, f1, truePairs, suggestedPairs, correctPairs }
}
