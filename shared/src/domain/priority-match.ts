/**
 * Which priority of the register a person meant by the words they typed (DESIGN.md,
 * "priority"): "privacy-by-default", "Data minimisation" and "data minimization" can all be
 * one priority. Conflicts are then found between priority ids, never between spellings
 * (docs/decisions/015-priorities-register.md).
 *
 * Matching goes from surest to loosest and stops at the first hit:
 * 1. `exact`: the normalised text is a name or an alias;
 * 2. `close`: the same words once small words, word order and plural endings are set aside,
 *    or within a few typos of a name or alias (Levenshtein similarity ≥ CLOSE_ENOUGH).
 * Pure: the register is passed in.
 */
import { distance } from 'fastest-levenshtein'
import { normalizePriority } from './conflicts'

export interface RegisteredPriority {
  id: string
  name: string
  aliases: readonly string[]
}

export type PriorityMatchKind = 'exact' | 'close'

export interface PriorityMatch {
  priority: RegisteredPriority
  kind: PriorityMatchKind
  /** The name or alias that matched, as written in the register. */
  matched: string
  /** 1 for an exact match; the similarity of the closest spelling otherwise. */
  score: number
}

/** Below this a spelling is a different priority: "cost" vs "cast" is one letter but half the word. */
export const CLOSE_ENOUGH = 0.82

// Words that carry no priority of their own: "speed of delivery" = "delivery speed".
const smallWords = new Set(['a', 'an', 'and', 'at', 'by', 'for', 'in', 'of', 'on', 'our', 'the', 'to', 'we', 'with'])

/** One word's plural or British/American spelling set aside: "releases" → "release", "minimisation" → "minimization". */
function stem(word: string): string {
  const w = word.replace(/is(ation|e|ed|ing)$/, 'iz$1').replace(/our$/, 'or')
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1)
  return w
}

/** The words that name the priority, in a fixed order: what is left when spelling habits are removed. */
export function priorityKey(text: string): string {
  const words = normalizePriority(text)
    .split(' ')
    .filter((w) => w && !smallWords.has(w))
    .map(stem)
  return [...new Set(words)].sort().join(' ')
}

function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length)
  return longest === 0 ? 0 : 1 - distance(a, b) / longest
}

const spellingsOf = (p: RegisteredPriority) => [p.name, ...p.aliases]

/** Every priority of the register that the text may mean, best first (at most `limit`). */
export function suggestPriorities(text: string, register: readonly RegisteredPriority[], limit = 5): PriorityMatch[] {
  const normal = normalizePriority(text)
  if (!normal) return []
  const key = priorityKey(text)
  const best = new Map<string, PriorityMatch>()
  const offer = (match: PriorityMatch) => {
    const current = best.get(match.priority.id)
    if (!current || match.score > current.score) best.set(match.priority.id, match)
  }
  for (const priority of register) {
    for (const spelling of spellingsOf(priority)) {
      if (normalizePriority(spelling) === normal) {
        offer({ priority, kind: 'exact', matched: spelling, score: 1 })
        continue
      }
      const other = priorityKey(spelling)
      // Same words in another order or form: as sure as a typo-free spelling, just short of exact.
      const score = other === key ? 0.99 : Math.max(similarity(key, other), similarity(normal, normalizePriority(spelling)))
      if (score >= CLOSE_ENOUGH) offer({ priority, kind: 'close', matched: spelling, score })
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.priority.name.localeCompare(b.priority.name)).slice(0, limit)
}

/** The one priority the text means, or undefined when the register has nothing close. */
export function matchPriority(text: string, register: readonly RegisteredPriority[]): PriorityMatch | undefined {
  return suggestPriorities(text, register, 1)[0]
}
