import type { LanguageAlternative, LanguageFinding } from '../../schemas/language-check'
import { isPlainSense } from './plain-sense'
import { type Rewrite, rules } from './rewrites'
import { reader, type Token, tokenize } from './tokens'

/**
 * The gentle language check of DESIGN.md ("Rules"): "alignment" jargon in free text gets a
 * rewrite in the words actually meant, fitted to the sentence ("we need alignment with Payments
 * on the refund flow" → "we need to agree with Payments on the refund flow"). When the sentence
 * does not say what was meant, it lists the plain words and what each would mean. It suggests and
 * never blocks, so it must never throw and must stay linear on any input (it runs on every
 * keystroke and every saved narrative). See docs/decisions/016-language-check-rewrites.md.
 *
 * Findings have the wire shape of `POST /api/v1/language-check` (schemas/language-check.ts).
 */
/** The plain words "alignment" usually stands in for. */
export const PLAIN_WORDS = 'context, goal, strategy, priority, motivation, approach or agreement'

const NOUN_ALTERNATIVES: LanguageAlternative[] = [
  { word: 'agreement', meaning: 'a decision both sides accepted' },
  { word: 'context', meaning: 'the background that makes a decision predictable' },
  { word: 'strategy', meaning: 'a stated tradeoff: prefer X over Y for goal Z' },
  { word: 'priority', meaning: 'which goal wins when two compete' },
  { word: 'goal', meaning: 'the outcome you are working towards' },
  { word: 'motivation', meaning: 'why someone decided as they did' },
  { word: 'approach', meaning: 'how the work will be done' },
]
const VERB_ALTERNATIVES: LanguageAlternative[] = [
  { word: 'agree', meaning: 'settle one decision together' },
  { word: 'share context', meaning: 'tell others why, so they can decide alike' },
  { word: 'inform', meaning: 'make sure others know about a decision' },
  { word: 'serve', meaning: 'make work support a goal' },
]
const ADJECTIVE_ALTERNATIVES: LanguageAlternative[] = [
  { word: 'in agreement', meaning: 'the decision was settled together' },
  { word: 'informed', meaning: 'they were told about the decision' },
  { word: 'following the same strategy', meaning: 'they decide by the same tradeoffs' },
]
const MISALIGNED_ALTERNATIVES: LanguageAlternative[] = [
  { word: 'in disagreement', meaning: 'they disagree about the decision' },
  { word: 'working to different priorities', meaning: 'their goals pull against each other' },
  { word: 'unaware of each other’s decisions', meaning: 'nobody told them' },
]

// "misalignment" is the product's own word for what teams feel, so only verbs, participles and
// the bare noun count as jargon.
const JARGON = new Set([
  ...['align', 'aligns', 'aligned', 'aligning', 'alignment', 'alignments'],
  ...['misalign', 'misaligns', 'misaligned', 'misaligning'],
])

function bareJargon(word: string): string | undefined {
  // Possessives ("alignment's") are the same jargon.
  const bare = word.endsWith("'s") ? word.slice(0, -2) : word
  return JARGON.has(bare) ? bare : undefined
}

function alternativesFor(bare: string): LanguageAlternative[] {
  if (bare.startsWith('alignment')) return NOUN_ALTERNATIVES
  if (bare.startsWith('misalign')) return MISALIGNED_ALTERNATIVES
  if (bare === 'aligned') return ADJECTIVE_ALTERNATIVES
  return VERB_ALTERNATIVES
}

const wordsOf = (alternatives: LanguageAlternative[]) => alternatives.map((a) => a.word).join(', ')

const capitalizeLike = (like: string, s: string): string =>
  like[0] !== undefined && like[0] !== like[0].toLowerCase() ? (s[0] ?? '').toUpperCase() + s.slice(1) : s

// A sentence without stops is clipped to this many words either side of the phrase.
const MAX_SENTENCE_CONTEXT = 20

/** For every token, the first and last token of its sentence (the stop included). */
function sentenceBounds(tokens: Token[]): { first: Int32Array; last: Int32Array } {
  const first = new Int32Array(tokens.length)
  const last = new Int32Array(tokens.length)
  let from = 0
  tokens.forEach((token, i) => {
    first[i] = from
    if (token.endsSentence) from = i + 1
  })
  let to = tokens.length - 1
  for (let i = tokens.length - 1; i >= 0; i--) {
    if (tokens[i]?.endsSentence) to = i
    last[i] = to
  }
  return { first, last }
}

export function checkLanguage(text: string): LanguageFinding[] {
  // Most text never mentions alignment: skip tokenizing it. typeof guards untyped callers.
  if (typeof text !== 'string' || !/align/i.test(text)) return []
  const tokens = tokenize(text)
  const r = reader(text, tokens)

  const jargonAt: { index: number; bare: string }[] = []
  const rewrites: Rewrite[] = []
  tokens.forEach((token, i) => {
    const bare = token.word === null ? undefined : bareJargon(token.word)
    if (bare === undefined || isPlainSense(text, tokens, i, bare.startsWith('alignment'))) return
    jargonAt.push({ index: i, bare })
    for (const rule of rules) {
      const found = rule(r, i)
      if (found) {
        rewrites.push(found)
        break
      }
    }
  })
  if (jargonAt.length === 0) return []

  // Look-behind rules can start before an earlier anchor's phrase: keep the earliest, longest
  // and drop whatever overlaps it, so no span is highlighted twice.
  rewrites.sort((a, b) => a.from - b.from || b.to - a.to)
  const kept: Rewrite[] = []
  for (const rewrite of rewrites) {
    const previous = kept.at(-1)
    if (!previous || rewrite.from > previous.to) kept.push(rewrite)
  }

  const bounds = sentenceBounds(tokens)
  const finding = (
    from: number,
    to: number,
    rewrite: string | null,
    explanation: string,
    alternatives: LanguageAlternative[],
  ) => {
    const start = r.startOf(from)
    const end = r.endOf(to)
    const phrase = text.slice(start, end)
    const fitted = rewrite === null ? null : capitalizeLike(phrase, rewrite)
    const sentenceStart = r.startOf(Math.max(bounds.first[from] ?? 0, from - MAX_SENTENCE_CONTEXT))
    const sentenceEnd = r.endOf(Math.min(bounds.last[to] ?? to, to + MAX_SENTENCE_CONTEXT))
    const before = text.slice(sentenceStart, start)
    const after = text.slice(end, sentenceEnd)
    return {
      start,
      end,
      phrase,
      rewrite: fitted,
      sentence: before + phrase + after,
      rewrittenSentence: fitted === null ? null : before + fitted + after,
      alternatives,
      explanation,
    } satisfies LanguageFinding
  }

  // Jargon inside a kept rewrite is covered by it; the rest gets the plain words to choose from.
  const findings: LanguageFinding[] = kept.map((k) => {
    const phrase = r.slice(k.from, k.to)
    const explanation = `${k.meaning} Instead of “${phrase}”, say “${capitalizeLike(phrase, k.rewrite)}”.`
    return finding(k.from, k.to, k.rewrite, explanation, [])
  })
  let s = 0
  for (const { index, bare } of jargonAt) {
    while ((kept[s]?.to ?? Number.POSITIVE_INFINITY) < index) s++
    const covering = kept[s]
    if (covering !== undefined && covering.from <= index) continue
    const word = r.slice(index, index)
    const alternatives = alternativesFor(bare)
    const explanation = `‘${word}’ can mean many things and this sentence does not say which: did you mean ${wordsOf(alternatives)}?`
    findings.push(finding(index, index, null, explanation, alternatives))
  }
  return findings.sort((a, b) => a.start - b.start)
}

/** The text with one finding's rewrite in place; unchanged if the text moved on since the check. */
export function applyRewrite(text: string, finding: Pick<LanguageFinding, 'start' | 'end' | 'phrase' | 'rewrite'>): string {
  if (finding.rewrite === null || text.slice(finding.start, finding.end) !== finding.phrase) return text
  return text.slice(0, finding.start) + finding.rewrite + text.slice(finding.end)
}

/** The text with every rewrite in place (findings never overlap). */
export function applyRewrites(text: string, findings: readonly LanguageFinding[]): string {
  return [...findings].sort((a, b) => b.start - a.start).reduce(applyRewrite, text)
}
