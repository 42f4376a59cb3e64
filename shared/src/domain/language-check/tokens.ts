/**
 * Text is split once into word and break tokens by a regex without nested ambiguity, and every
 * rule looks a bounded number of tokens around its anchor, so nothing can backtrack and the check
 * stays linear on any input. Offsets are UTF-16 indices into the text, `end` exclusive.
 */

// Hyphens join a word ("text-align", "cross-team" are one word); a full stop only ends a sentence
// when whitespace or the end follows, so "v1.2" stays one word.
const TOKEN = /[\p{L}\p{N}_]+(?:['’-][\p{L}\p{N}_]+)*|[,;:!?\n\r]|\.(?!\S)/gu
const SENTENCE_ENDS = new Set(['.', '!', '?', '\n', '\r'])

/** `word` is the lower-cased word (curly apostrophes made straight), or null for a break. */
export interface Token {
  start: number
  end: number
  word: string | null
  /** For a break: whether it ends the sentence (. ! ? or a new line) rather than a clause. */
  endsSentence: boolean
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index
    const end = start + m[0].length
    const isBreak = m[0].length === 1 && /[,;:!?\n\r.]/.test(m[0])
    const previous = tokens.at(-1)
    // Runs of breaks mean the same as the strongest one; merging keeps memory bounded by the words.
    if (isBreak && previous?.word === null) {
      previous.endsSentence ||= SENTENCE_ENDS.has(m[0])
      continue
    }
    tokens.push({
      start,
      end,
      word: isBreak ? null : m[0].toLowerCase().replaceAll('’', "'"),
      endsSentence: isBreak && SENTENCE_ENDS.has(m[0]),
    })
  }
  return tokens
}

/** Bounds-safe reads over the tokens, shared by the rules. */
export function reader(text: string, tokens: Token[]) {
  const word = (i: number): string | null => tokens[i]?.word ?? null
  const startOf = (i: number): number => tokens[i]?.start ?? text.length
  const endOf = (i: number): number => tokens[i]?.end ?? text.length
  /** The words from i to j inclusive, as written. */
  const slice = (i: number, j: number): string => text.slice(startOf(i), endOf(j))
  /** As written, the first letter: tells a name ("Payments") from a common word. */
  const isCapitalized = (i: number): boolean => {
    const first = text[startOf(i)]
    return word(i) !== null && first !== undefined && first !== first.toLowerCase()
  }
  const isSentenceStart = (i: number): boolean => i === 0 || word(i - 1) === null
  /** Capitalised but not an acronym: "Payments", not "PDF", "OKRs" or "iOS". */
  const isName = (i: number): boolean => {
    const second = text[startOf(i) + 1] ?? ''
    return isCapitalized(i) && second !== second.toUpperCase()
  }
  return { word, startOf, endOf, slice, isCapitalized, isName, isSentenceStart, count: tokens.length }
}
export type Reader = ReturnType<typeof reader>
