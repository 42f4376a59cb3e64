/**
 * Which strategy gap an incident counts towards (DESIGN.md, "strategy gaps"; docs/decisions/017).
 * An incident that names a gap counts towards that gap. One that names none counts towards the
 * gap behind its decision. When several gaps name the same decision, its incidents count towards
 * the gap that named it first, so every incident counts towards one gap at most and totals summed
 * across gaps never count an incident twice. The SQL in db/src/repositories/gap-attribution.ts
 * says the same thing, and a test holds the two equal.
 */

export interface GapDecisionLink {
  gapId: string
  decisionId: string
  /** When the decision was put behind the gap (ISO 8601); the earliest link claims the decision. */
  linkedAt: string
}

/** Decision → the gap its gap-less incidents count towards. */
export type DecisionClaims = ReadonlyMap<string, string>

const earlier = (a: GapDecisionLink, b: GapDecisionLink) =>
  Date.parse(a.linkedAt) - Date.parse(b.linkedAt) || (a.gapId < b.gapId ? -1 : a.gapId > b.gapId ? 1 : 0)

/** For each decision behind some gap, the gap that named it first (ties: the smaller gap id). */
export function decisionClaims(links: readonly GapDecisionLink[]): DecisionClaims {
  const first = new Map<string, GapDecisionLink>()
  for (const link of links) {
    const held = first.get(link.decisionId)
    if (!held || earlier(link, held) < 0) first.set(link.decisionId, link)
  }
  return new Map([...first].map(([decisionId, link]) => [decisionId, link.gapId]))
}

export interface AttributableIncident {
  gapId: string | null
  decisionId: string | null
}

/** The gap an incident counts towards, or null when it counts towards none. */
export function attributedGapId(incident: AttributableIncident, claims: DecisionClaims): string | null {
  if (incident.gapId) return incident.gapId
  if (!incident.decisionId) return null
  return claims.get(incident.decisionId) ?? null
}

/** How an incident came to count towards its gap: named by hand, or through its decision. */
export function attributionOf(incident: AttributableIncident, claims: DecisionClaims): 'named' | 'decision' | null {
  if (incident.gapId) return 'named'
  return attributedGapId(incident, claims) ? 'decision' : null
}
