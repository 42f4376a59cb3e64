/**
 * "When most of a cluster points at one decision, that decision is suggested for the rest"
 * (docs/decisions/030-grouping-reports-under-a-decision-nobody-named.md). A member points at a
 * decision when it names it, or when it names none and the insight engine groups it there
 * (`groupingDecision`). Pure: the members and each unnamed member's grouping decision in.
 */

export interface RestDecisionMember {
  id: string
  decisionId: string | null
}

export interface RestDecision {
  decisionId: string
  /** Members naming it. */
  named: number
  /** Members naming no decision whose words point at it. */
  likely: number
  /** The members naming no decision: the ones a person may link it to in one action. */
  unnamedIds: string[]
}

export function decisionForTheRest(
  members: readonly RestDecisionMember[],
  groupingDecisionOf: (memberId: string) => string | null,
): RestDecision | null {
  const unnamedIds = members.filter((m) => m.decisionId === null).map((m) => m.id)
  if (unnamedIds.length === 0) return null
  const tally = new Map<string, { named: number; likely: number }>()
  for (const m of members) {
    const decisionId = m.decisionId ?? groupingDecisionOf(m.id)
    if (decisionId === null) continue
    const count = tally.get(decisionId) ?? { named: 0, likely: 0 }
    if (m.decisionId === null) count.likely++
    else count.named++
    tally.set(decisionId, count)
  }
  let best: RestDecision | null = null
  for (const [decisionId, { named, likely }] of tally) {
    const pointing = named + likely
    const bestPointing = best ? best.named + best.likely : 0
    if (pointing > bestPointing || (pointing === bestPointing && best && decisionId < best.decisionId))
      best = { decisionId, named, likely, unnamedIds }
  }
  // Most of the cluster, and never on one report's word alone.
  if (!best || best.named + best.likely < 2 || 2 * (best.named + best.likely) <= members.length) return null
  return best
}
