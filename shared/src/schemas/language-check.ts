import { type Static, Type } from 'typebox'
import { Text } from './common'

/** The longest free text we keep (a narrative) is 20,000 characters; a check takes the same. */
export const LANGUAGE_CHECK_MAX_LENGTH = 20_000

export const LanguageCheckRequest = Type.Object(
  {
    text: Text(LANGUAGE_CHECK_MAX_LENGTH, {
      description: 'Free text to check, such as an incident narrative or a decision summary',
    }),
  },
  { additionalProperties: false },
)
export type LanguageCheckRequest = Static<typeof LanguageCheckRequest>

export const LanguageAlternative = Type.Object({
  word: Type.String({ description: 'A plain word or phrase to use instead' }),
  meaning: Type.String({ description: 'What the sentence would then say' }),
})
export type LanguageAlternative = Static<typeof LanguageAlternative>

export const LanguageFinding = Type.Object({
  start: Type.Integer({ minimum: 0, description: 'Offset of the phrase in the text (UTF-16 code units)' }),
  end: Type.Integer({ minimum: 0, description: 'Offset just past the phrase: text.slice(start, end) is the phrase' }),
  phrase: Type.String({ description: 'The jargon as written, with the words around it that the rewrite replaces' }),
  rewrite: Type.Union([Type.String(), Type.Null()], {
    description: 'Plain words to put in place of the phrase, keeping the sentence’s meaning; null when none fits',
  }),
  sentence: Type.String({ description: 'The sentence holding the phrase, as written (clipped when very long)' }),
  rewrittenSentence: Type.Union([Type.String(), Type.Null()], {
    description: 'The same sentence with the rewrite in place; null with no rewrite',
  }),
  alternatives: Type.Array(LanguageAlternative, {
    description: 'When no rewrite fits: the plain words to choose from, each with the meaning it would carry',
  }),
  explanation: Type.String({ description: 'What was probably meant, for a person' }),
})
export type LanguageFinding = Static<typeof LanguageFinding>

export const LanguageCheckResult = Type.Object({
  findings: Type.Array(LanguageFinding, { description: 'In text order; they never overlap' }),
})
export type LanguageCheckResult = Static<typeof LanguageCheckResult>
