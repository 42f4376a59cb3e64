import type { Reader } from './tokens'
import {
  ALIGNING,
  CAUSING,
  type Copula,
  conjugate,
  copulaOf,
  doSupport,
  type Form,
  formOf,
  inPlaceOf,
  KEEPING,
  NEEDING,
  REACHING,
} from './verbs'

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

type Rule = (r: Reader, i: number) => Rewrite | null

const ABOUT = new Set(['on', 'about', 'around', 'over', 'upon'])
const ARTICLES = new Set(['a', 'an', 'the'])
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'our', 'their', 'your', 'my', 'his', 'her'])
const SUBJECT_PRONOUNS = new Set(['we', 'they', 'you', 'i', 'he', 'she'])
const POSSESSIVE_OF: Record<string, string> = { we: 'our', they: 'their', you: 'your', i: 'my', he: 'his', she: 'her' }
const MEETINGS = new Set([
  ...['meeting', 'meetings', 'session', 'sessions', 'call', 'calls', 'sync', 'syncs', 'workshop', 'workshops'],
])
const DOCUMENTS = new Set(['doc', 'docs', 'document', 'documents', 'memo', 'memos', 'deck', 'decks', 'email', 'thread'])
const SHARING = new Set(['share', 'shares', 'shared', 'sharing'])
const MODALS = new Set(['will', 'would', 'should', 'must', 'can', 'could', 'might', 'may', "won't", "shouldn't", "can't"])
const QUESTION_COPULAS = new Set(['is', 'are', 'was', 'were', 'am', "isn't", "aren't", "wasn't", "weren't"])
const TEAM_WORDS = new Set(['team', 'teams', "team's", "teams'", 'squad', 'squads', 'org', 'orgs', 'department'])
/** What people are "aligned" or "misaligned" on when they mean these things conflict or are shared. */
const STAKES = new Set([
  ...['incentive', 'incentives', 'priority', 'priorities', 'goal', 'goals', 'objectives', 'okrs', 'interests'],
  ...['expectations', 'roadmaps', 'plans', 'strategies', 'metrics', 'kpis'],
])
/** Things one "serves" (goals) or "fits" (plans) when a writer says work is aligned with them. */
const SERVED = new Set([
  ...['strategy', 'strategies', 'goal', 'goals', 'objective', 'objectives', 'okr', 'okrs', 'priorities'],
  ...['priority', 'vision', 'mission', 'values', 'direction', 'north', 'outcomes', 'growth'],
])
const FITTED = new Set([
  ...['roadmap', 'roadmaps', 'plan', 'plans', 'timeline', 'timelines', 'schedule', 'architecture', 'freeze'],
  ...['deadline', 'deadlines', 'launch', 'release', 'calendar', 'window', 'cadence'],
])
const NOUN_MODIFIERS = new Set([
  ...['cross-team', 'cross-functional', 'cross-org', 'org-wide', 'company-wide', 'organizational'],
  ...['organisational', 'more', 'better', 'full', 'broad', 'broader', 'clear', 'clearer', 'real', 'enough'],
])
const MAX_NOUN_PHRASE = 5

const agree = (form: Form) => conjugate('agree', form)

// Rules look back at most this many words for a clause's start, so a text without stops stays linear.
const MAX_LOOK_BACK = 12

/** Index of the first word of the clause holding `i` (or of the look-back window). */
function clauseStart(r: Reader, i: number): number {
  let k = i
  while (k > 0 && k > i - MAX_LOOK_BACK && r.word(k - 1) !== null) k--
  return k
}

/** A phrase ends at a clause break or where a new clause starts. */
const ENDS_PHRASE = new Set(['but', 'and', 'so', 'yet', 'then', 'until', 'before', 'after', 'when', 'because', 'since'])
const endsPhrase = (word: string | null) => word === null || ENDS_PHRASE.has(word)

/** Adverbs that may sit between a verb and its preposition ("aligned earlier with Support"). */
const ADVERBS = new Set(['earlier', 'later', 'first', 'again', 'early', 'closely', 'properly', 'sooner', 'quickly', 'fully'])

/** Words that name people or teams, as opposed to things. */
const PEOPLE = new Set([
  ...['we', 'they', 'you', 'i', 'he', 'she', 'us', 'them', 'me', 'him', 'everyone', 'everybody', 'nobody'],
  ...['stakeholders', 'leadership', 'management', 'people', 'engineers', 'leads', 'leaders', 'partners'],
])
/** Is the phrase from..to about people (a pronoun, a team, a name, "A and B")? */
function namesPeople(r: Reader, from: number, to: number): boolean {
  for (let k = from; k <= to; k++) {
    const word = r.word(k) ?? ''
    if (PEOPLE.has(word) || TEAM_WORDS.has(word) || word === 'and') return true
    // A capital inside a sentence marks a name; the sentence's first word is capitalised anyway.
    if (r.isCapitalized(k) && !(r.isSentenceStart(k) && DETERMINERS.has(word))) return true
  }
  return false
}

/** "get alignment on X" → "agree on X"; "reaching alignment with Payments" → "agreeing with Payments". */
const reachingAlignment: Rule = (r, i) => {
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
const needingAlignment: Rule = (r, i) => {
  if (r.word(i) !== 'alignment' || formOf(NEEDING, r.word(i - 1)) === undefined) return null
  const next = r.word(i + 1)
  if (next !== 'with' && !(next !== null && ABOUT.has(next))) return null
  const rewrite = `${r.slice(i - 1, i - 1)} to agree${next === 'with' ? '' : ' on'}`
  return { from: i - 1, to: next === 'with' ? i : i + 1, rewrite, meaning: 'You need an agreement: say so.' }
}

/** "sharing alignment on X" → "sharing our decision on X" (the possessive follows the subject). */
const sharingAlignment: Rule = (r, i) => {
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
const missingAlignment: Rule = (r, i) => {
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
const alignmentMeeting: Rule = (r, i) => {
  const isDocument = DOCUMENTS.has(r.word(i + 1) ?? '')
  if (r.word(i) !== 'alignment' || !(MEETINGS.has(r.word(i + 1) ?? '') || isDocument)) return null
  const from = r.word(i - 1) === 'an' ? i - 1 : i
  const article = from < i ? 'a ' : ''
  const meeting = r.slice(i + 1, i + 1)
  const meaning = isDocument ? 'A document records a decision: call it that.' : 'A meeting is for deciding something: say what.'
  if (!isDocument && ABOUT.has(r.word(i + 2) ?? ''))
    return { from, to: i + 2, rewrite: `${article}${meeting} to agree on`, meaning }
  return { from, to: i + 1, rewrite: `${article}decision ${meeting}`, meaning }
}

/** "buy-in and alignment" → "agreement": the two words ask for one thing. */
const buyInAndAlignment: Rule = (r, i) => {
  if (r.word(i) !== 'alignment') return null
  const meaning = 'You are asking people to agree: say so.'
  if (r.word(i - 1) === 'and' && r.word(i - 2) === 'buy-in') return { from: i - 2, to: i, rewrite: 'agreement', meaning }
  if (r.word(i + 1) === 'and' && r.word(i + 2) === 'buy-in') return { from: i, to: i + 2, rewrite: 'agreement', meaning }
  return null
}

/** "alignment between A and B", "alignment on X", "cross-team alignment" → "agreement …". */
const alignmentAsAgreement: Rule = (r, i) => {
  if (r.word(i) !== 'alignment') return null
  const next = r.word(i + 1)
  const meaning = 'You mean an agreement between people: call it that.'
  if (next === 'around' || next === 'over') return { from: i, to: i + 1, rewrite: 'agreement on', meaning }
  if (next === 'on' || next === 'about' || next === 'between' || next === 'among' || next === 'from') {
    return { from: i, to: i, rewrite: 'agreement', meaning }
  }
  // "alignment with Legal": a name after "with" is a party to the agreement, not a goal.
  if (next === 'with' && r.isCapitalized(i + 2)) return { from: i, to: i, rewrite: 'agreement', meaning }
  if (NOUN_MODIFIERS.has(r.word(i - 1) ?? '')) return { from: i, to: i, rewrite: 'agreement', meaning }
  return null
}

/** "Alignments happen in a call nobody attends" → "Decisions happen …": the plural counts decisions. */
const alignmentsAsDecisions: Rule = (r, i) =>
  r.word(i) === 'alignments' ? { from: i, to: i, rewrite: 'decisions', meaning: 'You mean decisions taken together.' } : null

/** "misaligned incentives" → "conflicting incentives"; "aligned goals" → "shared goals". */
const stakesAdjective: Rule = (r, i) => {
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
  if (next === 'with' || next === 'to') {
    if (isMisaligned && !isPeople)
      return { verb: 'conflict', tail: ' with', to: i + 1, meaning: 'These pull against each other.' }
    if (next === 'with' && namesPeople(r, i + 2, i + 3)) {
      const verb = isMisaligned ? 'disagree' : 'agree'
      return { verb, tail: ' with', to: i + 1, meaning: 'You mean two parties agree.' }
    }
    for (let k = i + 2; k < i + 2 + MAX_NOUN_PHRASE && r.word(k) !== null; k++) {
      if (r.word(k) === 'on') break
      const negates = isMisaligned ? ({ negates: true } as const) : {}
      if (FITTED.has(r.word(k) ?? '')) return { verb: 'fit', tail: '', to: i + 1, meaning: 'Work fits a plan.', ...negates }
      if (SERVED.has(r.word(k) ?? '')) return { verb: 'serve', tail: '', to: i + 1, meaning: 'Work serves a goal.', ...negates }
    }
    return null
  }
  if (endsPhrase(next)) {
    if (isMisaligned) return { verb: 'disagree', tail: '', to: i, meaning: 'They disagree: say so.' }
    return { verb: knows ? 'know' : 'agree', tail: '', to: i, meaning: knows ? 'A team knows.' : 'People agree.' }
  }
  return null
}

/** "Is team X aligned on Y?" → "Does team X know about Y?"; "Are we aligned on Y?" → "Do we agree on Y?" */
const alignedQuestion: Rule = (r, i) => {
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

const DEGREE_ADVERBS = new Set(['all', 'fully', 'completely', 'really', 'totally', 'still', 'now'])

// "we're aligned": the subject and the copula are one word.
const CONTRACTED_COPULAS: Record<string, Copula> = {
  "'re": { form: 'base', negated: false, contracted: false },
  "'m": { form: 'base', negated: false, contracted: false },
  "'s": { form: 's', negated: false, contracted: false },
}

/** "the teams are not aligned on Y" → "the teams do not know about Y"; "Everyone was aligned" → "Everyone agreed". */
const alignedStatement: Rule = (r, i) => {
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
  const subjectFrom = clauseStart(r, i)
  if (!found || (at <= subjectFrom && !suffix)) return null
  const subjectTo = suffix ? at : at - 1
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
const agreedTo: Rule = (r, i) => {
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
const keptAligned: Rule = (r, i) => {
  if (r.word(i) !== 'aligned') return null
  let isKept = false
  let isCaused = false
  for (let k = i - 2; k >= i - 4 && r.word(k) !== null; k--) {
    isKept ||= KEEPING.has(r.word(k) ?? '')
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

/**
 * The verb: "align on X" → "agree on X"; "align with Legal" → "agree with Legal"; "align the
 * roadmap with growth" → "make the roadmap serve growth"; "align teams around X" → "get teams to agree on X".
 */
const alignVerb: Rule = (r, i) => {
  const form = formOf(ALIGNING, r.word(i))
  if (form === undefined || r.word(i)?.startsWith('mis')) return null
  const at = ADVERBS.has(r.word(i + 1) ?? '') ? i + 2 : i + 1
  const next = r.word(at)
  if (next !== null && ABOUT.has(next) && at === i + 1) {
    return { from: i, to: i + 1, rewrite: `${agree(form)} on`, meaning: 'You mean agreeing on something.' }
  }
  if ((next !== null && ABOUT.has(next)) || (next === 'with' && namesPeople(r, at + 1, at + 2))) {
    return { from: i, to: i, rewrite: agree(form), meaning: 'You mean agreeing with someone.' }
  }
  if (endsPhrase(next) && SUBJECT_PRONOUNS.has(r.word(i - 1) ?? '')) {
    return { from: i, to: i, rewrite: agree(form), meaning: 'You mean you agreed.' }
  }
  if (endsPhrase(next) || next === 'with' || next === 'to' || at !== i + 1) return null
  // Transitive: "align <thing> with/to <goal>": the thing should serve the goal (or fit the plan).
  for (let k = i + 2; k <= i + 1 + MAX_NOUN_PHRASE && r.word(k) !== null; k++) {
    const preposition = r.word(k) ?? ''
    const object = r.slice(i + 1, k - 1)
    if ((preposition === 'around' || preposition === 'on' || preposition === 'behind') && namesPeople(r, i + 1, k - 1)) {
      const rewrite = `${conjugate('get', form)} ${object} to agree on`
      return { from: i, to: k, rewrite, meaning: 'You mean getting people to agree.' }
    }
    if (preposition !== 'with' && preposition !== 'to') continue
    let verb = 'serve'
    for (let g = k + 1; g <= k + MAX_NOUN_PHRASE && r.word(g) !== null; g++) if (FITTED.has(r.word(g) ?? '')) verb = 'fit'
    const rewrite = `${conjugate('make', form)} ${object} ${verb}`
    return { from: i, to: k, rewrite, meaning: `You mean one thing should ${verb} the other.` }
  }
  return null
}

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
  alignedQuestion,
  alignedStatement,
  alignVerb,
]
