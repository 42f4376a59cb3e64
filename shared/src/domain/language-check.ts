/**
 * The gentle language check of DESIGN.md ("Rules"): "alignment" jargon in free text gets a
 * suggestion of the word actually meant. It suggests and never blocks, so it must never throw
 * and must stay linear on any input (it runs on every keystroke and every saved narrative).
 *
 * Text is split once into word and clause-break tokens by a regex without nested ambiguity, and
 * the phrases are matched on tokens with bounded look-behind and look-ahead, so no pattern can
 * backtrack. Offsets are UTF-16 indices into the text, `end` exclusive, ready for highlighting.
 */

export interface LanguageSuggestion {
  start: number
  end: number
  match: string
  suggestion: string
  message: string
}

/** The plain words "alignment" usually stands in for. */
export const PLAIN_WORDS = 'context, goal, strategy, priority, motivation, approach or agreement'

// "misalignment" is the product's own word for what teams feel, so only verbs and the bare
// noun count as jargon.
const JARGON = new Set([
  ...['align', 'aligns', 'aligned', 'aligning', 'alignment', 'alignments'],
  ...['misalign', 'misaligns', 'misaligned', 'misaligning'],
])

// Quoted phrases end at a clause, and at most this many words, so a suggestion stays readable.
const MAX_PHRASE_WORDS = 8

// Hyphens join a word ("text-align" is not jargon); a full stop only breaks a clause when it ends
// a sentence, so "v1.2" stays one phrase.
const TOKEN = /[\p{L}\p{N}_]+(?:['’-][\p{L}\p{N}_]+)*|[,;:!?\n\r]|\.(?!\S)/gu
const BREAKS = new Set([',', ';', ':', '!', '?', '\n', '\r', '.'])

/** `word` is the lower-cased word, or null for a clause break. */
type Token = { start: number; end: number; word: string | null }

function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index
    const end = start + m[0].length
    const isWord = !BREAKS.has(m[0])
    // Runs of breaks mean the same as one; dropping them keeps memory bounded by the words.
    if (!isWord && tokens.at(-1)?.word === null) continue
    tokens.push({ start, end, word: isWord ? m[0].toLowerCase() : null })
  }
  return tokens
}

const GET_TO_AGREE: Record<string, string> = { get: 'agree', gets: 'agrees', getting: 'agreeing', got: 'agreed' }
const SHARE_FORMS = new Set(['share', 'shares', 'shared', 'sharing'])
const ABOUT = new Set(['on', 'about', 'around', 'over'])
const AUX_TO_DO: Record<string, string> = { is: 'does', are: 'do' }
const TEAM = new Set(['team', 'teams', "team's", 'team’s'])
const AGREED_PREPOSITIONS = new Set(['on', 'to', 'upon', 'around'])
const PRONOUNS = new Set(['we', 'they', 'you'])
const RELATIVES = new Set(['that', 'which'])
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'our', 'their', 'your'])

function lookup(map: Record<string, string>, key: string | null): string | undefined {
  return key !== null && Object.hasOwn(map, key) ? map[key] : undefined
}

function isJargon(word: string): boolean {
  // Possessives ("alignment's") are the same jargon.
  const bare = word.endsWith("'s") || word.endsWith('’s') ? word.slice(0, -2) : word
  return JARGON.has(bare)
}

const capitalizeLike = (like: string, s: string): string =>
  like[0] !== undefined && like[0] !== like[0].toLowerCase() ? (s[0] ?? '').toUpperCase() + s.slice(1) : s

function matcher(text: string, tokens: Token[]) {
  const word = (i: number): string | null => tokens[i]?.word ?? null
  const startOf = (i: number): number => tokens[i]?.start ?? 0
  const endOf = (i: number): number => tokens[i]?.end ?? 0

  /** Index of the last word of the phrase starting at `i`, or -1 when there is none. */
  function phraseEnd(i: number): number {
    let last = -1
    for (let k = i; k < i + MAX_PHRASE_WORDS && word(k) !== null; k++) last = k
    return last
  }

  function candidate(from: number, to: number, suggestion: string, message: string): LanguageSuggestion {
    const start = startOf(from)
    const end = endOf(to)
    const match = text.slice(start, end)
    return { start, end, match, suggestion: capitalizeLike(match, suggestion), message }
  }

  // "get alignment on X" → "agree on X"; "sharing alignment on X" → "sharing our decision to X".
  function alignmentOn(i: number): LanguageSuggestion | null {
    if (word(i) !== 'alignment' || !ABOUT.has(word(i + 1) ?? '')) return null
    const xEnd = phraseEnd(i + 2)
    if (xEnd < 0) return null
    const x = text.slice(startOf(i + 2), endOf(xEnd))
    const agree = lookup(GET_TO_AGREE, word(i - 1))
    if (agree !== undefined) {
      const suggestion = `${agree} on ${x}`
      return candidate(i - 1, xEnd, suggestion, `You are asking for agreement, so say so: "${suggestion}".`)
    }
    if (SHARE_FORMS.has(word(i - 1) ?? '')) {
      const suggestion = `${text.slice(startOf(i - 1), endOf(i - 1))} our decision to ${x}`
      return candidate(i - 1, xEnd, suggestion, `You are sharing a decision, so name it: "${suggestion}".`)
    }
    return null
  }

  // "is team X aligned on Y" → "does team X know about Y".
  function teamAlignedOn(i: number): LanguageSuggestion | null {
    if (word(i) !== 'aligned' || !ABOUT.has(word(i + 1) ?? '')) return null
    const yEnd = phraseEnd(i + 2)
    if (yEnd < 0) return null
    for (let j = i - 1; j >= 0 && j >= i - 1 - MAX_PHRASE_WORDS && word(j) !== null; j--) {
      const doForm = lookup(AUX_TO_DO, word(j))
      if (doForm === undefined) continue
      let hasTeam = false
      for (let k = j + 1; k < i; k++) hasTeam ||= TEAM.has(word(k) ?? '')
      if (!hasTeam) return null
      const subject = text.slice(startOf(j + 1), endOf(i - 1))
      const suggestion = `${doForm} ${subject} know about ${text.slice(startOf(i + 2), endOf(yEnd))}`
      return candidate(j, yEnd, suggestion, `You are asking what a team knows, so ask that: "${suggestion}".`)
    }
    return null
  }

  // "the spec we aligned on" → "the spec we agreed to", for any short noun phrase.
  function nounWeAlignedOn(i: number): LanguageSuggestion | null {
    if (word(i) !== 'aligned' || !AGREED_PREPOSITIONS.has(word(i + 1) ?? '')) return null
    let j = i - 1
    if (word(j) === 'all') j--
    if (!PRONOUNS.has(word(j) ?? '')) return null
    j--
    if (RELATIVES.has(word(j) ?? '')) j--
    // j is the last word of the noun; its determiner sits at most four words before.
    if (word(j) === null || DETERMINERS.has(word(j) ?? '')) return null
    for (let k = j - 1; k >= 0 && k >= j - 4 && word(k) !== null; k--) {
      if (!DETERMINERS.has(word(k) ?? '')) continue
      const suggestion = `${text.slice(startOf(k), startOf(i))}agreed to`
      return candidate(k, i + 1, suggestion, `You mean an agreement you reached, so say so: "${suggestion}".`)
    }
    return null
  }

  function generic(i: number): LanguageSuggestion {
    const start = startOf(i)
    const match = text.slice(start, endOf(i))
    const message = `'${match}' can mean many things — did you mean ${PLAIN_WORDS}?`
    return { start, end: endOf(i), match, suggestion: PLAIN_WORDS, message }
  }

  return { specific: [alignmentOn, nounWeAlignedOn, teamAlignedOn], generic }
}

export function checkLanguage(text: string): LanguageSuggestion[] {
  // Most text never mentions alignment: skip tokenizing it. typeof guards untyped callers.
  if (typeof text !== 'string' || !/align/i.test(text)) return []
  const tokens = tokenize(text)
  const { specific, generic } = matcher(text, tokens)

  const jargonAt: number[] = []
  const candidates: LanguageSuggestion[] = []
  tokens.forEach((token, i) => {
    if (token.word === null || !isJargon(token.word)) return
    jargonAt.push(i)
    for (const rule of specific) {
      const found = rule(i)
      if (found) {
        candidates.push(found)
        break
      }
    }
  })

  // Look-behind rules can start before an earlier anchor's match: keep the earliest, longest
  // and drop whatever overlaps it, so no span is highlighted twice.
  candidates.sort((a, b) => a.start - b.start || b.end - a.end)
  const kept: LanguageSuggestion[] = []
  for (const c of candidates) {
    const previous = kept.at(-1)
    if (!previous || c.start >= previous.end) kept.push(c)
  }

  // Jargon inside a specific rewrite is already covered by it; the rest gets the generic hint.
  const generics: LanguageSuggestion[] = []
  let s = 0
  for (const i of jargonAt) {
    const start = tokens[i]?.start ?? 0
    while ((kept[s]?.end ?? Number.POSITIVE_INFINITY) <= start) s++
    const covering = kept[s]
    if (covering === undefined || covering.start > start) generics.push(generic(i))
  }
  return [...kept, ...generics].sort((a, b) => a.start - b.start)
}
