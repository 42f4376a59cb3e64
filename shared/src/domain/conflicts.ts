/**
 * Conflicting priorities (DESIGN.md, root cause `conflicting_priorities`): two stated priorities
 * that cannot both be followed by the same team. Teams that follow each side in good faith hurt
 * each other, and neither can settle it alone: it is a decision for one level up.
 *
 * Tradeoffs are compared by the priorities they pick from the register, never by their words:
 * "privacy by default over personalisation" and "Personalised feeds over data minimisation"
 * are opposite once both name the same two priorities (docs/decisions/015-priorities-register.md).
 * A tradeoff the register could not place (no ids) falls back to its normalised words.
 *
 * Two shapes are found, and only where the holders' scopes overlap (some team is asked to
 * follow both); holders whose scopes are disjoint never conflict:
 * - `opposite`: one side prefers X over Y, the other prefers Y over X;
 * - `competing`: one side prefers X, the other gives X up for something else.
 *
 * Pure: no I/O, no clock.
 */
import type { Tradeoff } from './vocabulary'

export type PriorityHolderKind = 'strategy' | 'decision'

/** A stated tradeoff with the priorities it picked; `prioritiesConfirmed` false means a suggested match. */
export interface PriorityTradeoff extends Tradeoff {
  preferPriorityId?: string | null
  overPriorityId?: string | null
  prioritiesConfirmed?: boolean
}

/** A strategy or decision with the tradeoffs it states and the teams it applies to. */
export interface PriorityHolder {
  kind: PriorityHolderKind
  id: string
  tradeoffs: readonly PriorityTradeoff[]
  /** Teams it applies to; null means the whole org. */
  scopeTeamIds: readonly string[] | null
}

export interface ConflictSide {
  /** The preference as first written by one of its holders. */
  prefer: string
  over: string
  /** The priorities compared; null when the words matched no priority. */
  preferPriorityId: string | null
  overPriorityId: string | null
  holders: { kind: PriorityHolderKind; id: string }[]
}

export type ConflictKind = 'opposite' | 'competing'

export interface PriorityConflict {
  /** Stable across calls for the same priorities: `kind:` + the two preferences' keys. */
  key: string
  kind: ConflictKind
  /** For `opposite`, the side whose key sorts first. For `competing`, the side whose priority is given up by B. */
  sideA: ConflictSide
  sideB: ConflictSide
  /** Teams both sides apply to; null when both apply to the whole org. */
  sharedScopeTeamIds: string[] | null
  /** True when a tradeoff on either side picked its priorities by a suggestion nobody has confirmed yet. */
  isSuggested: boolean
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

/** What a tradeoff side is compared by: its priority id, or its words when the register has none. */
function priorityRef(id: string | null | undefined, text: string): string {
  if (id) return `id:${id}`
  const words = normalizePriority(text)
  return words ? `text:${words}` : ''
}

interface Preference {
  prefer: string
  over: string
  preferPriorityId: string | null
  overPriorityId: string | null
  x: string
  y: string
  holders: PriorityHolder[]
  isSuggested: boolean
}

const prefKey = (x: string, y: string) => `${x} > ${y}`

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
  preferPriorityId: p.preferPriorityId,
  overPriorityId: p.overPriorityId,
  holders: holders.map((h) => ({ kind: h.kind, id: h.id })),
})

/** Groups every complete tradeoff by its "X over Y" priorities; a holder counts once per preference. */
function preferencesOf(holders: readonly PriorityHolder[]): Map<string, Preference> {
  const byKey = new Map<string, Preference>()
  for (const holder of holders) {
    for (const t of holder.tradeoffs) {
      const x = priorityRef(t.preferPriorityId, t.prefer)
      const y = priorityRef(t.overPriorityId, t.over)
      // Half a tradeoff states no preference; "X over X" states nothing either.
      if (!x || !y || x === y) continue
      const key = prefKey(x, y)
      const found = byKey.get(key) ?? {
        prefer: t.prefer.trim(),
        over: t.over.trim(),
        preferPriorityId: t.preferPriorityId ?? null,
        overPriorityId: t.overPriorityId ?? null,
        x,
        y,
        holders: [],
        isSuggested: false,
      }
      if (!found.holders.includes(holder)) found.holders.push(holder)
      if (t.prioritiesConfirmed !== true && (t.preferPriorityId || t.overPriorityId)) found.isSuggested = true
      byKey.set(key, found)
    }
  }
  return byKey
}

/** Pairs of holders (one per side, never the same holder) whose scopes meet, with where they meet. */
function overlappingPairs(a: Preference, b: Preference) {
  return a.holders
    .flatMap((h) => b.holders.filter((g) => g !== h).map((g) => ({ h, g, scope: sharedScope(h, g) })))
    .filter((p): p is { h: PriorityHolder; g: PriorityHolder; scope: string[] | null } => p.scope !== undefined)
}

function conflictOf(kind: ConflictKind, key: string, a: Preference, b: Preference): PriorityConflict | undefined {
  const pairs = overlappingPairs(a, b)
  if (pairs.length === 0) return undefined
  return {
    key,
    kind,
    sideA: sideOf(a, [...new Set(pairs.map((p) => p.h))]),
    sideB: sideOf(b, [...new Set(pairs.map((p) => p.g))]),
    sharedScopeTeamIds: mergeScopes(pairs.map((p) => p.scope)),
    isSuggested: a.isSuggested || b.isSuggested,
  }
}

function sortsFirst(a: Preference, b: Preference): boolean {
  const x = normalizePriority(a.prefer)
  const y = normalizePriority(b.prefer)
  return x !== y ? x < y : prefKey(a.x, a.y) < prefKey(b.x, b.y)
}

export function findConflicts(holders: readonly PriorityHolder[]): PriorityConflict[] {
  const preferences = preferencesOf(holders)
  const conflicts: PriorityConflict[] = []

  for (const a of preferences.values()) {
    // Opposite: Y over X exists. Each pair once, from the side whose words sort first, so the
    // same two priorities read the same way on every server whatever their ids.
    const reverse = preferences.get(prefKey(a.y, a.x))
    if (reverse && sortsFirst(a, reverse)) {
      const found = conflictOf('opposite', `opposite:${prefKey(a.x, a.y)}`, a, reverse)
      if (found) conflicts.push(found)
    }
    // Competing: someone gives up X (for Z ≠ Y) where a holder of "X over Y" also applies.
    for (const b of preferences.values()) {
      if (b.y !== a.x || b.x === a.y) continue
      const found = conflictOf('competing', `competing:${prefKey(a.x, a.y)} | ${prefKey(b.x, b.y)}`, a, b)
      if (found) conflicts.push(found)
    }
  }
  return conflicts.sort((p, q) => (p.key < q.key ? -1 : p.key > q.key ? 1 : 0))
}
