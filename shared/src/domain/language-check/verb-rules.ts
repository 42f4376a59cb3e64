// Rules for the verb and the participle: "align", "aligned", "misaligned".
import type { Rule } from './rewrites'
import type { Reader } from './tokens'
import { ALIGNING, BECOMING, CAUSING, type Copula, conjugate, copulaOf, doSupport, formOf, inPlaceOf, KEEPING } from './verbs'
import {
  ABOUT,
  ADVERBS,
  agree,
  clauseStart,
  DECIDED,
  DETERMINERS,
  endsPhrase,
  FITTED,
  FOLLOWED,
  MAX_NOUN_PHRASE,
  MODALS,
  namesPeople,
  QUESTION_COPULAS,
  RELATIVES,
  SERVED,
  STAKES,
  SUBJECT_PRONOUNS,
  TEAM_WORDS,
} from './words'

/** "misaligned incentives" → "conflicting incentives"; "aligned goals" → "shared goals". */
export const stakesAdjective: Rule = (r, i) => {
  const word = r.word(i)
  if ((word !== 'aligned' && word !== 'misaligned') || !STAKES.has(r.word(i + 1) ?? '')) return null
  if (word === 'misaligned') return { from: i, to: i, rewrite: 'conflicting', meaning: 'These pull against each other.' }
  return { from: i, to: i, rewrite: 'shared', meaning: 'These are held in common.' }
}

const PARTIES = new Set(['and', 'we', 'you', 'everyone', "we're", "you're"])

interface Verdict {
  verb: string
  /** Words after the verb, replacing the jargon word's preposition when `to` covers it. */
  tail: string
  to: number
  /** The verb says the opposite of the jargon word ("misaligned with the goals" → "does not serve"). */
  negates?: true
  meaning: string
}

/**
 * What "X is aligned …" says, from what follows "aligned" and who X is: people agree on a
 * decision, a team knows about someone else's, work serves a goal or fits a plan.
 */
function verdictOnAligned(r: Reader, i: number, subjectFrom: number, subjectTo: number): Verdict | null {
  const isMisaligned = r.word(i) === 'misaligned'
  const next = r.word(i + 1)
  let isTeam = false
  let isParties = false
  for (let k = subjectFrom; k <= subjectTo; k++) {
    isTeam ||= TEAM_WORDS.has(r.word(k) ?? '')
    isParties ||= PARTIES.has(r.word(k) ?? '')
  }
  const knows = isTeam && !isParties && !isMisaligned
  const isPeople = namesPeople(r, subjectFrom, subjectTo)
  if (next !== null && ABOUT.has(next)) {
    if (isMisaligned) return { verb: 'disagree', tail: ' on', to: i + 1, meaning: 'They disagree: say so.' }
    if (knows) return { verb: 'know', tail: ' about', to: i + 1, meaning: 'You are asking what a team knows.' }
    return { verb: 'agree', tail: ' on', to: i + 1, meaning: 'You mean people agree: say so.' }
  }
  if (next === 'between' || next === 'among') {
    const verb = isMisaligned ? 'differ' : 'agree'
    return { verb, tail: ` ${next}`, to: i + 1, meaning: isMisaligned ? 'They differ: say so.' : 'They agree.' }
  }
  if (next === 'with' || next === 'to') {
    // "with Platform" names a party; "with Platform's" names something of theirs.
    if (next === 'with' && namesPeople(r, i + 2, i + 3) && !r.word(i + 2)?.endsWith("'s")) {
      const verb = isMisaligned ? 'disagree' : 'agree'
      return { verb, tail: ' with', to: i + 1, meaning: 'You mean two parties agree.' }
    }
    if (isMisaligned && !isPeople)
      return { verb: 'conflict', tail: ' with', to: i + 1, meaning: 'These pull against each other.' }
    const knowsAbout: Verdict = { verb: 'know', tail: ' about', to: i + 1, meaning: 'You mean they know about it.' }
    const negates = isMisaligned ? ({ negates: true } as const) : {}
    for (let k = i + 2; k < i + 2 + MAX_NOUN_PHRASE && r.word(k) !== null; k++) {
      const object = r.word(k) ?? ''
      if (object === 'on') break
      if (DECIDED.has(object) && !isMisaligned) return knowsAbout
      if (FOLLOWED.has(object)) return { verb: 'follow', tail: '', to: i + 1, meaning: 'Work follows a rule.', ...negates }
      // People are not "fitted" to a plan: a team aligned with a plan knows about it.
      if (FITTED.has(object) && isPeople && !isMisaligned) return knowsAbout
      if (FITTED.has(object)) return { verb: 'fit', tail: '', to: i + 1, meaning: 'Work fits a plan.', ...negates }
      if (SERVED.has(object) && isPeople)
        return { verb: 'support', tail: '', to: i + 1, meaning: 'People support a goal.', ...negates }
      if (SERVED.has(object)) return { verb: 'serve', tail: '', to: i + 1, meaning: 'Work serves a goal.', ...negates }
    }
    return isPeople && !isMisaligned && next === 'with' ? knowsAbout : null
  }
  if (endsPhrase(next)) {
    if (isMisaligned) return { verb: 'disagree', tail: '', to: i, meaning: 'They disagree: say so.' }
    // With nothing after it, "the teams are aligned" says they agree with each other.
    const agreeAmongThemselves = isParties || hasPlural(r, subjectFrom, subjectTo, TEAM_WORDS)
    const verb = knows && !agreeAmongThemselves ? 'know' : 'agree'
    return { verb, tail: '', to: i, meaning: verb === 'know' ? 'A team knows.' : 'People agree.' }
  }
  return null
}

/** "How aligned are the teams on X?" → "How well do the teams know X?" */
export const howAligned: Rule = (r, i) => {
  if (r.word(i) !== 'aligned' || r.word(i - 1) !== 'how') return null
  const copula = copulaOf(r.word(i + 1))
  if (!copula || copula.negated) return null
  for (let k = i + 2; k <= i + 1 + MAX_NOUN_PHRASE && r.word(k) !== null; k++) {
    if (!ABOUT.has(r.word(k) ?? '')) continue
    const rewrite = `well ${doSupport(copula)} ${r.slice(i + 2, k - 1)} know`
    return { from: i, to: k, rewrite, meaning: 'You are asking how well they know it.' }
  }
  return null
}

/** Whether the words from..to hold a plural of one of `words` ("teams"). */
function hasPlural(r: Reader, from: number, to: number, words: Set<string>): boolean {
  for (let k = from; k <= to; k++) {
    const word = r.word(k) ?? ''
    if (word.endsWith('s') && words.has(word)) return true
  }
  return false
}

/** The subject ending at `to`: at most four words, or the noun a "that / which / who" refers to. */
function subjectBefore(r: Reader, to: number): number {
  const limit = Math.max(clauseStart(r, to), to - 3)
  for (let k = to; k >= limit; k--) if (RELATIVES.has(r.word(k) ?? '')) return Math.max(k - 1, 0)
  return limit
}

/** "Is team X aligned on Y?" → "Does team X know about Y?"; "Are we aligned on Y?" → "Do we agree on Y?" */
export const alignedQuestion: Rule = (r, i) => {
  const word = r.word(i)
  if (word !== 'aligned' && word !== 'misaligned') return null
  const start = clauseStart(r, i)
  const copula = copulaOf(r.word(start))
  if (!copula || !QUESTION_COPULAS.has(r.word(start) ?? '') || start >= i - 1 || i - start > 7) return null
  const verdict = verdictOnAligned(r, i, start + 1, i - 1)
  if (!verdict) return null
  const asked = verdict.negates ? { ...copula, negated: !copula.negated } : copula
  const rewrite = `${doSupport(asked)} ${r.slice(start + 1, i - 1)} ${verdict.verb}${verdict.tail}`
  return { from: start, to: verdict.to, rewrite, meaning: verdict.meaning }
}

const DEGREE_ADVERBS = new Set([
  ...['all', 'fully', 'completely', 'really', 'totally', 'still', 'now', 'never', 'finally', 'always', 'already'],
])

// "we're aligned": the subject and the copula are one word.
const AUXILIARIES = new Set(['do', 'does', 'did', 'have', 'has', 'had', 'been'])

const CONTRACTED_COPULAS: Record<string, Copula> = {
  "'re": { form: 'base', negated: false, contracted: false },
  "'m": { form: 'base', negated: false, contracted: false },
  "'s": { form: 's', negated: false, contracted: false },
}

/** "the teams are not aligned on Y" → "the teams do not know about Y"; "Everyone was aligned" → "Everyone agreed". */
export const alignedStatement: Rule = (r, i) => {
  const word = r.word(i)
  if (word !== 'aligned' && word !== 'misaligned') return null
  let at = i - 1
  let adverb = ''
  if (DEGREE_ADVERBS.has(r.word(at) ?? '')) {
    adverb = `${r.slice(at, at)} `
    at--
  }
  let negated = false
  if (r.word(at) === 'not') {
    negated = true
    at--
  }
  const atWord = r.word(at) ?? ''
  const suffix = /[a-z]('re|'m|'s)$/.exec(atWord)?.[1]
  const found = copulaOf(atWord) ?? (suffix ? CONTRACTED_COPULAS[suffix] : undefined)
  if (!found || (at <= clauseStart(r, i) && !suffix)) return null
  const subjectTo = suffix ? at : at - 1
  const subjectFrom = subjectBefore(r, subjectTo)
  // A thing "was aligned with" people is a decision agreed with them: keep the passive.
  const isPassive =
    atWord === 'been' || (!namesPeople(r, subjectFrom, subjectTo) && r.word(i + 1) === 'with' && namesPeople(r, i + 2, i + 3))
  if (isPassive && word === 'aligned') return { from: i, to: i, rewrite: 'agreed', meaning: 'You mean it was agreed with them.' }
  const verdict = verdictOnAligned(r, i, subjectFrom, subjectTo)
  if (!verdict) return null
  const isAfterModal = atWord === 'be' && (MODALS.has(r.word(at - 1) ?? '') || r.word(at - 1) === 'to')
  if (atWord === 'be' && !isAfterModal) return null
  const copula: Copula = { ...found, negated: (negated !== found.negated) !== (verdict.negates === true) }
  if (copula.negated && !found.negated) copula.contracted = false
  const verb = `${adverb}${inPlaceOf(copula, verdict.verb, isAfterModal)}${verdict.tail}`
  if (suffix) {
    const subject = r.slice(at, at).slice(0, -suffix.length)
    return { from: at, to: verdict.to, rewrite: `${subject} ${verb}`, meaning: verdict.meaning }
  }
  return { from: at, to: verdict.to, rewrite: verb, meaning: verdict.meaning }
}

const AGREED_PREPOSITIONS = new Set(['on', 'to', 'upon', 'around'])

/** "the spec we aligned on" → "the spec we agreed to" (DESIGN.md's own example). */
export const agreedTo: Rule = (r, i) => {
  if (r.word(i) !== 'aligned' || !AGREED_PREPOSITIONS.has(r.word(i + 1) ?? '')) return null
  let j = i - 1
  if (r.word(j) === 'all') j--
  if (!SUBJECT_PRONOUNS.has(r.word(j) ?? '')) return null
  j--
  if (r.word(j) === 'that' || r.word(j) === 'which') j--
  // j is the last word of the noun; its determiner sits at most four words before.
  if (r.word(j) === null || DETERMINERS.has(r.word(j) ?? '')) return null
  for (let k = j - 1; k >= 0 && k >= j - 4 && r.word(k) !== null; k--) {
    if (DETERMINERS.has(r.word(k) ?? '')) {
      return { from: i, to: i + 1, rewrite: 'agreed to', meaning: 'You mean an agreement you reached.' }
    }
  }
  return null
}

/** "keep everyone aligned on X" → "keep everyone informed about X"; "get everyone aligned on X" → "get everyone to agree on X". */
export const keptAligned: Rule = (r, i) => {
  if (r.word(i) !== 'aligned') return null
  let isKept = false
  let isCaused = false
  for (let k = i - 2; k >= i - 4 && r.word(k) !== null; k--) {
    // "keep everyone aligned", not "keep things aligned" (that is about consistency, not people).
    isKept ||= KEEPING.has(r.word(k) ?? '') && namesPeople(r, k + 1, i - 1)
    // "get everyone aligned", not "make sure we're aligned": people between the verb and "aligned".
    isCaused ||= CAUSING.has(r.word(k) ?? '') && namesPeople(r, k + 1, i - 1) && !/'(re|s|m)$/.test(r.word(i - 1) ?? '')
  }
  isKept ||= KEEPING.has(r.word(i - 1) ?? '')
  const about = ABOUT.has(r.word(i + 1) ?? '')
  if (isKept) {
    const meaning = 'You mean people are kept informed.'
    return about ? { from: i, to: i + 1, rewrite: 'informed about', meaning } : { from: i, to: i, rewrite: 'informed', meaning }
  }
  if (!isCaused) return null
  const meaning = 'You mean getting people to agree.'
  return about ? { from: i, to: i + 1, rewrite: 'to agree on', meaning } : { from: i, to: i, rewrite: 'to agree', meaning }
}

/** "Billing never got aligned on X" → "Billing never agreed on X": "got" adds nothing. */
export const gotAligned: Rule = (r, i) => {
  const form = formOf(BECOMING, r.word(i - 1))
  if (r.word(i) !== 'aligned' || form === undefined) return null
  const about = ABOUT.has(r.word(i + 1) ?? '')
  const meaning = 'You mean they agreed.'
  return { from: i - 1, to: about ? i + 1 : i, rewrite: `${agree(form)}${about ? ' on' : ''}`, meaning }
}

/**
 * The verb: "align on X" → "agree on X"; "align with Legal" → "agree with Legal"; "align the
 * roadmap with growth" → "make the roadmap serve growth"; "align teams around X" → "get teams to agree on X".
 */
export const alignVerb: Rule = (r, i) => {
  const form = formOf(ALIGNING, r.word(i))
  if (form === undefined || r.word(i)?.startsWith('mis')) return null
  const at = ADVERBS.has(r.word(i + 1) ?? '') ? i + 2 : i + 1
  const next = r.word(at)
  if (next !== null && ABOUT.has(next) && at === i + 1) {
    return { from: i, to: i + 1, rewrite: `${agree(form)} on`, meaning: 'You mean agreeing on something.' }
  }
  if ((next !== null && ABOUT.has(next)) || (next === 'with' && namesPeople(r, at + 1, at + 3))) {
    return { from: i, to: i, rewrite: agree(form), meaning: 'You mean agreeing with someone.' }
  }
  if (endsPhrase(next) && SUBJECT_PRONOUNS.has(r.word(i - 1) ?? '')) {
    return { from: i, to: i, rewrite: agree(form), meaning: 'You mean you agreed.' }
  }
  if (endsPhrase(next) || next === 'with' || next === 'to' || at !== i + 1) return null
  // Transitive: "align <thing> with/to <goal>": the thing should serve the goal (or fit the plan).
  // A verb right after is no object ("how aligned are the teams").
  if (copulaOf(next) || AUXILIARIES.has(next ?? '') || SUBJECT_PRONOUNS.has(next ?? '')) return null
  for (let k = i + 2; k <= i + 1 + MAX_NOUN_PHRASE && r.word(k) !== null; k++) {
    const preposition = r.word(k) ?? ''
    const object = r.slice(i + 1, k - 1)
    if ((preposition === 'around' || preposition === 'on' || preposition === 'behind') && namesPeople(r, i + 1, k - 1)) {
      const rewrite = `${conjugate('get', form)} ${object} to agree on`
      return { from: i, to: k, rewrite, meaning: 'You mean getting people to agree.' }
    }
    if (preposition !== 'with' && preposition !== 'to') continue
    // "aligned the pricing change with Support": a thing agreed with people.
    if (preposition === 'with' && namesPeople(r, k + 1, k + 3) && !namesPeople(r, i + 1, k - 1)) {
      return { from: i, to: i, rewrite: agree(form), meaning: 'You mean it was agreed with them.' }
    }
    let verb = 'serve'
    for (let g = k + 1; g <= k + MAX_NOUN_PHRASE && r.word(g) !== null; g++) {
      if (FITTED.has(r.word(g) ?? '')) verb = 'fit'
      if (FOLLOWED.has(r.word(g) ?? '')) verb = 'follow'
    }
    const rewrite = `${conjugate('make', form)} ${object} ${verb}`
    return { from: i, to: k, rewrite, meaning: `You mean one thing should ${verb} the other.` }
  }
  return null
}
