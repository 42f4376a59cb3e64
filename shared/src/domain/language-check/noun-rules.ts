// Rules for the noun: "alignment" and "alignments".
import type { Rule } from './rewrites'
import { formOf, NEEDING, REACHING } from './verbs'
import { ABOUT, ARTICLES, agree, clauseStart, DOCUMENTS, MEETINGS, NOUN_MODIFIERS, POSSESSIVE_OF, SHARING } from './words'

/** "get alignment on X" → "agree on X"; "reaching alignment with Payments" → "agreeing with Payments". */
export const reachingAlignment: Rule = (r, i) => {
  if (!r.word(i)?.startsWith('alignment')) return null
  const verbAt = r.word(i - 1) === 'more' || r.word(i - 1) === 'some' || r.word(i - 1) === 'any' ? i - 2 : i - 1
  const form = formOf(REACHING, r.word(verbAt))
  if (form === undefined) return null
  const next = r.word(i + 1)
  const meaning = 'You are talking about agreeing on something: say that.'
  if (next !== null && ABOUT.has(next)) return { from: verbAt, to: i + 1, rewrite: `${agree(form)} on`, meaning }
  if (next === 'with' || next === null) return { from: verbAt, to: i, rewrite: agree(form), meaning }
  return null
}

/** "need alignment with Payments on X" → "need to agree with Payments on X". */
export const needingAlignment: Rule = (r, i) => {
  if (r.word(i) !== 'alignment' || formOf(NEEDING, r.word(i - 1)) === undefined) return null
  const next = r.word(i + 1)
  if (next !== 'with' && !(next !== null && ABOUT.has(next))) return null
  const rewrite = `${r.slice(i - 1, i - 1)} to agree${next === 'with' ? '' : ' on'}`
  return { from: i - 1, to: next === 'with' ? i : i + 1, rewrite, meaning: 'You need an agreement: say so.' }
}

/** "sharing alignment on X" → "sharing our decision on X" (the possessive follows the subject). */
export const sharingAlignment: Rule = (r, i) => {
  if (r.word(i) !== 'alignment' || !SHARING.has(r.word(i - 1) ?? '') || !ABOUT.has(r.word(i + 1) ?? '')) return null
  let possessive = 'our'
  for (let k = i - 2; k >= clauseStart(r, i); k--) {
    const found = POSSESSIVE_OF[r.word(k) ?? '']
    if (found) {
      possessive = found
      break
    }
  }
  const rewrite = `${r.slice(i - 1, i - 1)} ${possessive} decision on`
  return { from: i - 1, to: i + 1, rewrite, meaning: 'What is shared is a decision: name it.' }
}

/** "a lack of alignment around X", "no alignment on X" → "no shared decision on X". */
export const missingAlignment: Rule = (r, i) => {
  if (r.word(i) !== 'alignment') return null
  let from: number
  if (r.word(i - 1) === 'of' && r.word(i - 2) === 'lack') from = ARTICLES.has(r.word(i - 3) ?? '') ? i - 3 : i - 2
  else if (r.word(i - 1) === 'no') from = i - 1
  else if (r.word(i - 1) === 'without') from = i
  else return null
  const none = r.word(i - 1) === 'without' ? 'a shared decision' : 'no shared decision'
  const next = r.word(i + 1)
  const meaning = 'What is missing is a decision both sides know: say that.'
  if (next === 'between' || next === 'among') {
    return { from, to: i, rewrite: none.replace('shared decision', 'agreement'), meaning }
  }
  if (next !== null && ABOUT.has(next)) return { from, to: i + 1, rewrite: `${none} on`, meaning }
  if (next === null) return { from, to: i, rewrite: none, meaning }
  return null
}

/** "an alignment meeting on X" → "a meeting to agree on X"; with no object, "a decision meeting". */
export const alignmentMeeting: Rule = (r, i) => {
  const isDocument = DOCUMENTS.has(r.word(i + 1) ?? '')
  if (r.word(i) !== 'alignment' || !(MEETINGS.has(r.word(i + 1) ?? '') || isDocument)) return null
  const from = r.word(i - 1) === 'an' ? i - 1 : i
  const article = from < i ? 'a ' : ''
  const meeting = r.slice(i + 1, i + 1)
  if (isDocument) {
    const meaning = 'A document records a decision: call it that.'
    return { from, to: i + 1, rewrite: `${article}decision ${meeting}`, meaning }
  }
  const meaning = 'A meeting is for deciding something: say what, or just call it a meeting.'
  if (ABOUT.has(r.word(i + 2) ?? '')) return { from, to: i + 2, rewrite: `${article}${meeting} to agree on`, meaning }
  return { from, to: i + 1, rewrite: `${article}${meeting}`, meaning }
}

/** "buy-in and alignment" → "agreement": the two words ask for one thing. */
export const buyInAndAlignment: Rule = (r, i) => {
  if (r.word(i) !== 'alignment') return null
  const meaning = 'You are asking people to agree: say so.'
  if (r.word(i - 1) === 'and' && r.word(i - 2) === 'buy-in') return { from: i - 2, to: i, rewrite: 'agreement', meaning }
  if (r.word(i + 1) === 'and' && r.word(i + 2) === 'buy-in') return { from: i, to: i + 2, rewrite: 'agreement', meaning }
  return null
}

/** "alignment between A and B", "alignment on X", "cross-team alignment" → "agreement …". */
export const alignmentAsAgreement: Rule = (r, i) => {
  if (r.word(i) !== 'alignment') return null
  const next = r.word(i + 1)
  const meaning = 'You mean an agreement between people: call it that.'
  if (next === 'around' || next === 'over') return { from: i, to: i + 1, rewrite: 'agreement on', meaning }
  if (next === 'on' || next === 'about' || next === 'between' || next === 'among' || next === 'from' || next === 'across') {
    return { from: i, to: i, rewrite: 'agreement', meaning }
  }
  // "alignment with Legal": a name after "with" is a party to the agreement, not a goal.
  if (next === 'with' && r.isCapitalized(i + 2)) return { from: i, to: i, rewrite: 'agreement', meaning }
  if (NOUN_MODIFIERS.has(r.word(i - 1) ?? '')) return { from: i, to: i, rewrite: 'agreement', meaning }
  return null
}

/** "Alignments happen in a call nobody attends" → "Decisions happen …": the plural counts decisions. */
export const alignmentsAsDecisions: Rule = (r, i) =>
  r.word(i) === 'alignments' ? { from: i, to: i, rewrite: 'decisions', meaning: 'You mean decisions taken together.' } : null
