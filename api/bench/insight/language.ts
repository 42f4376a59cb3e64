import { applyRewrites, checkLanguage } from '@misalign/shared'
import { type JargonSentence, jargonSentences, plainSentences } from './sets/language'

/**
 * How well the language check rewrites "alignment" jargon, on the hand-labelled set in
 * sets/language.ts (issue #12, point 5).
 *
 * - phrases: labelled jargon phrases (one per sentence).
 * - flagged: sentences where the check found anything.
 * - fittingRewrites: sentences whose text, with every rewrite the check offers put in place,
 *   equals one of the editor's accepted rewrites after normalisation (case, curly quotes,
 *   "n't" = " not", spacing, the closing stop). Where the label says no rewrite can keep the
 *   meaning (`accepted: null`), the fitting answer is a flag with no rewrite: the plain words.
 * - falseFlags: sentences using "align" in its plain sense (text, memory, wheels) that were flagged.
 * - misses: every sentence that was not flagged, not fitted, or falsely flagged, with what the
 *   check answered, for a person to read.
 *
 * `part` selects the sentences the rules were tuned on, the held-out ones, or all.
 */
export interface LanguageCheckEvaluation {
  phrases: number
  flagged: number
  fittingRewrites: number
  falseFlags: number
  misses: string[]
}

export type EvaluationPart = 'all' | 'tuning' | 'held-out'

export function normalizeSentence(sentence: string): string {
  return sentence
    .toLowerCase()
    .replaceAll('’', "'")
    .replace(/\bwon't\b/g, 'will not')
    .replace(/\bcan't\b/g, 'can not')
    .replace(/n't\b/g, ' not')
    .replace(/\s+/g, ' ')
    .replace(/[\s.!?]+$/, '')
    .trim()
}

const inPart = (part: EvaluationPart) => (s: { heldOut?: true }) =>
  part === 'all' || (part === 'held-out') === (s.heldOut === true)

function judge(sentence: JargonSentence): { isFlagged: boolean; isFitting: boolean; answer: string } {
  const findings = checkLanguage(sentence.text)
  const rewritten = applyRewrites(sentence.text, findings)
  const isFlagged = findings.length > 0
  const isFitting =
    sentence.accepted === null
      ? isFlagged && findings.every((f) => f.rewrite === null)
      : sentence.accepted.some((accepted) => normalizeSentence(accepted) === normalizeSentence(rewritten))
  const answer = !isFlagged
    ? 'not flagged'
    : findings.every((f) => f.rewrite === null)
      ? `only the plain words for ${findings.map((f) => `“${f.phrase}”`).join(', ')}`
      : `“${rewritten}”`
  return { isFlagged, isFitting, answer }
}

export function evaluateLanguageCheck(part: EvaluationPart = 'all'): LanguageCheckEvaluation {
  const result: LanguageCheckEvaluation = { phrases: 0, flagged: 0, fittingRewrites: 0, falseFlags: 0, misses: [] }
  for (const sentence of jargonSentences.filter(inPart(part))) {
    const { isFlagged, isFitting, answer } = judge(sentence)
    result.phrases++
    if (isFlagged) result.flagged++
    if (isFitting) result.fittingRewrites++
    else {
      const wanted = sentence.accepted === null ? 'the plain words' : `“${sentence.accepted[0]}”`
      result.misses.push(`${sentence.heldOut ? '[held-out] ' : ''}“${sentence.text}” → ${answer}; wanted ${wanted}`)
    }
  }
  for (const sentence of plainSentences.filter(inPart(part))) {
    const findings = checkLanguage(sentence.text)
    if (findings.length === 0) continue
    result.falseFlags++
    const flagged = findings.map((f) => `“${f.phrase}”`).join(', ')
    result.misses.push(`${sentence.heldOut ? '[held-out] ' : ''}plain sense flagged: “${sentence.text}” (${flagged})`)
  }
  return result
}
