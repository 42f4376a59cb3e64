import {
  alignmentAsAgreement,
  alignmentMeeting,
  alignmentsAsDecisions,
  buyInAndAlignment,
  missingAlignment,
  needingAlignment,
  reachingAlignment,
  sharingAlignment,
} from './noun-rules'
import type { Reader } from './tokens'
import {
  agreedTo,
  alignedQuestion,
  alignedStatement,
  alignVerb,
  gotAligned,
  howAligned,
  keptAligned,
  stakesAdjective,
} from './verb-rules'

/**
 * The rewrites: each rule looks at a few words around one jargon word and, when the grammar
 * around it says what was meant, returns the words to replace (tokens `from`..`to`) and the
 * plain words that keep the sentence's meaning. Only the words that change are replaced, so
 * the object of the sentence (which decision, which goal) is carried over as written.
 */
export interface Rewrite {
  from: number
  to: number
  rewrite: string
  /** What the writer most likely meant, for the person reading the suggestion. */
  meaning: string
}

export type Rule = (r: Reader, i: number) => Rewrite | null

/** Most specific first: the first rule that fits a jargon word wins. */
export const rules: Rule[] = [
  buyInAndAlignment,
  alignmentMeeting,
  sharingAlignment,
  missingAlignment,
  reachingAlignment,
  needingAlignment,
  alignmentAsAgreement,
  alignmentsAsDecisions,
  stakesAdjective,
  agreedTo,
  keptAligned,
  gotAligned,
  howAligned,
  alignedQuestion,
  alignedStatement,
  alignVerb,
]
