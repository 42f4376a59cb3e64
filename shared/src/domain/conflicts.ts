/**
 * Conflicting priorities (DESIGN.md, root cause `conflicting_priorities`): two stated priorities
 * that cannot both be followed. Teams that follow each side in good faith hurt each other, and
 * neither team can settle it alone: it is a decision for one level up.
 *
 * Two shapes are found:
 * - `opposite`: one side prefers X over Y, the other prefers Y over X — wherever they apply.
 * - `competing`: one side prefers X (over anything), the other gives X up for something else,
 *   and both apply to at least one team in common: that team is asked to serve both goals.
 *
 * Texts are compared after `normalizePriority` (case, whitespace and punctuation), so "Checkout
 * conversion" and "checkout-conversion." are the same priority. Pure: no I/O, no clock.
 */
import type { Tradeoff } from './vocabulary'

export type PriorityHolderKind = 'strategy' | 'decision'

/** A strategy or decision with the tradeoffs it states and the teams it applies to. */
export interface PriorityHolder {
  kind: PriorityHolderKind
  id: string
  tradeoffs: readonly Tradeoff[]
  /** Teams it applies to; null means the whole org. */
  scopeTeamIds: readonly string[] | null
}

export interface ConflictSide {
  /** The preference as first written by one of its holders. */
  prefer: string
  over: string
  holders: { kind: PriorityHolderKind; id: string }[]
}

export type ConflictKind = 'opposite' | 'competing'

export interface PriorityConflict {
  /** Stable across calls for the same priorities: `kind:` + the two normalised preferences. */
  key: string
  kind: ConflictKind
  /** For `opposite`, the side whose normalised preference sorts first. For `competing`, the side whose priority is given up by B. */
  sideA: ConflictSide
  sideB: ConflictSide
  /** Teams both sides apply to; null when both apply to the whole org. */
  sharedScopeTeamIds: string[] | null
}

/** Lower case, punctuation and symbols to spaces, whitespace collapsed: how two people write one priority. */
export function normalizePriority(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

interface Preference {
  prefer: string
  over: string
  /** Normalised texts. */
  x: string
  y: string
  holders: PriorityHolder[]
}

const prefKey = (x: string, y: string) => `${x}\u0000${y}`

/** Teams both apply to (null: both whole-org), or undefined when they share none. */
function sharedScope(a: PriorityHolder, b: PriorityHolder): string[] | null | undefined {
  if (a.scopeTeamIds === null && b.scopeTeamIds === null) return null
  if (a.scopeTeamIds === null) return b.scopeTeamIds?.length ? [...(b.scopeTeamIds ?? [])] : undefined
  if (b.scopeTeamIds === null) return a.scopeTeamIds.length ? [...a.scopeTeamIds] : undefined
  const inB = new Set(b.scopeTeamIds)
  const both = a.scopeTeamIds.filter((id) => inB.has(id))
  return both.length ? both : undefined
}

function mergeScopes(scopes: (string[] | null)[]): string[] | null {
  if (scopes.every((s) => s === null)) return null
  return [...new Set(scopes.flatMap((s) => s ?? []))].sort()
}

const sideOf = (p: Preference, holders: readonly PriorityHolder[]): ConflictSide => ({
  prefer: p.prefer,
  over: p.over,
  holders: holders.map((h) => ({ kind: h.kind, id: h.id })),
})

/** Groups every complete tradeoff by its normalised "X over Y"; a holder counts once per preference. */
function preferencesOf(holders: readonly PriorityHolder[]): Map<string, Preference> {
  const byKey = new Map<string, Preference>()
  for (const holder of holders) {
    for (const t of holder.tradeoffs) {
      const x = normalizePriority(t.prefer)
      const y = normalizePriority(t.over)
      // Half a tradeoff states no preference; "X over X" states nothing either.
      if (!x || !y || x === y) continue
      const key = prefKey(x, y)
      const found = byKey.get(key) ?? { prefer: t.prefer.trim(), over: t.over.trim(), x, y, holders: [] }
      if (!found.holders.includes(holder)) found.holders.push(holder)
      byKey.set(key, found)
    }
  }
  return byKey
}

export function findConflicts(holders: readonly PriorityHolder[]): PriorityConflict[] {
  const preferences = preferencesOf(holders)
  const conflicts: PriorityConflict[] = []

  for (const a of preferences.values()) {
    // Opposite: Y over X exists. Each pair once, from the side that sorts first.
    const reverse = preferences.get(prefKey(a.y, a.x))
    if (reverse && prefKey(a.x, a.y) < prefKey(reverse.x, reverse.y)) {
      const scopes = a.holders.flatMap((h) => reverse.holders.map((r) => sharedScope(h, r)))
      conflicts.push({
        key: `opposite:${a.x} > ${a.y}`,
        kind: 'opposite',
        sideA: sideOf(a, a.holders),
        sideB: sideOf(reverse, reverse.holders),
        sharedScopeTeamIds: mergeScopes(scopes.filter((s): s is string[] | null => s !== undefined)),
      })
    }
    // Competing: someone gives up X (for Z ≠ Y) where a holder of "X over Y" also applies.
    for (const b of preferences.values()) {
      if (b.y !== a.x || b.x === a.y) continue
      const pairs = a.holders.flatMap((h) => b.holders.filter((g) => g !== h).map((g) => ({ h, g, scope: sharedScope(h, g) })))
      const overlapping = pairs.filter((p) => p.scope !== undefined)
      if (overlapping.length === 0) continue
      conflicts.push({
        key: `competing:${a.x} > ${a.y} | ${b.x} > ${b.y}`,
        kind: 'competing',
        sideA: sideOf(a, [...new Set(overlapping.map((p) => p.h))]),
        sideB: sideOf(b, [...new Set(overlapping.map((p) => p.g))]),
        sharedScopeTeamIds: mergeScopes(overlapping.map((p) => p.scope as string[] | null)),
      })
    }
  }
  return conflicts.sort((p, q) => (p.key < q.key ? -1 : p.key > q.key ? 1 : 0))
}
