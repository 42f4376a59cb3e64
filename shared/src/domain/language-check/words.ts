// The small vocabularies and look-arounds the rewrite rules share.
import type { Reader } from './tokens'
import { conjugate, type Form } from './verbs'

export const ABOUT = new Set(['on', 'about', 'around', 'over', 'upon'])
export const ARTICLES = new Set(['a', 'an', 'the'])
export const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'our',
  'their',
  'your',
  'my',
  'his',
  'her',
])
export const SUBJECT_PRONOUNS = new Set(['we', 'they', 'you', 'i', 'he', 'she'])
export const POSSESSIVE_OF: Record<string, string> = { we: 'our', they: 'their', you: 'your', i: 'my', he: 'his', she: 'her' }
export const MEETINGS = new Set([
  ...['meeting', 'meetings', 'session', 'sessions', 'call', 'calls', 'sync', 'syncs', 'workshop', 'workshops'],
])
export const DOCUMENTS = new Set(['doc', 'docs', 'document', 'documents', 'memo', 'memos', 'deck', 'decks', 'email', 'thread'])
export const SHARING = new Set(['share', 'shares', 'shared', 'sharing'])
export const MODALS = new Set(['will', 'would', 'should', 'must', 'can', 'could', 'might', 'may', "won't", "shouldn't", "can't"])
export const QUESTION_COPULAS = new Set(['is', 'are', 'was', 'were', 'am', "isn't", "aren't", "wasn't", "weren't"])
export const TEAM_WORDS = new Set(['team', 'teams', "team's", "teams'", 'squad', 'squads', 'org', 'orgs', 'department'])
/** What people are "aligned" or "misaligned" on when they mean these things conflict or are shared. */
export const STAKES = new Set([
  ...['incentive', 'incentives', 'priority', 'priorities', 'goal', 'goals', 'objectives', 'okrs', 'interests'],
  ...['expectations', 'roadmaps', 'plans', 'strategies', 'metrics', 'kpis'],
])
/** Things one "serves" (goals) or "fits" (plans) when a writer says work is aligned with them. */
export const SERVED = new Set([
  ...['strategy', 'strategies', 'goal', 'goals', 'objective', 'objectives', 'okr', 'okrs', 'priorities'],
  ...['priority', 'vision', 'mission', 'values', 'direction', 'north', 'outcomes', 'growth'],
])
export const FITTED = new Set([
  ...['roadmap', 'roadmaps', 'plan', 'plans', 'timeline', 'timelines', 'schedule', 'architecture', 'freeze'],
  ...['deadline', 'deadlines', 'launch', 'release', 'calendar', 'window', 'cadence'],
])
/** What one "follows" when work is aligned to it: rules, not goals. */
export const FOLLOWED = new Set([
  ...['guidance', 'guideline', 'guidelines', 'regulation', 'regulations', 'law', 'laws', 'standard', 'standards'],
  ...['policy', 'policies', 'rule', 'rules', 'spec', 'specification', 'requirements', 'convention', 'conventions'],
])
/** Decisions someone else made: being "aligned with" them means knowing about them. */
export const DECIDED = new Set([
  ...['change', 'changes', 'decision', 'decisions', 'update', 'updates', 'announcement', 'announcements'],
  ...['deprecation', 'migration', 'reorg', 'rollout', 'cutover'],
])
export const NOUN_MODIFIERS = new Set([
  ...['cross-team', 'cross-functional', 'cross-org', 'org-wide', 'company-wide', 'organizational'],
  ...['organisational', 'more', 'better', 'full', 'broad', 'broader', 'clear', 'clearer', 'real', 'enough'],
])
export const MAX_NOUN_PHRASE = 5

export const agree = (form: Form) => conjugate('agree', form)

// Rules look back at most this many words for a clause's start, so a text without stops stays linear.
export const MAX_LOOK_BACK = 12

/** Index of the first word of the clause holding `i` (or of the look-back window). */
export function clauseStart(r: Reader, i: number): number {
  let k = i
  while (k > 0 && k > i - MAX_LOOK_BACK && r.word(k - 1) !== null) k--
  return k
}

/** A phrase ends at a clause break or where a new clause starts. */
export const ENDS_PHRASE = new Set(['but', 'and', 'so', 'yet', 'then', 'until', 'before', 'after', 'when', 'because', 'since'])
export const endsPhrase = (word: string | null) => word === null || ENDS_PHRASE.has(word)

/** Adverbs that may sit between a verb and its preposition ("aligned earlier with Support"). */
export const ADVERBS = new Set([
  'earlier',
  'later',
  'first',
  'again',
  'early',
  'closely',
  'properly',
  'sooner',
  'quickly',
  'fully',
])

/** Words that name people or teams, as opposed to things. */
export const RELATIVES = new Set(['that', 'which', 'who'])

export const PEOPLE = new Set([
  ...['we', 'they', 'you', 'i', 'he', 'she', 'us', 'them', 'me', 'him', 'everyone', 'everybody', 'nobody'],
  ...['stakeholders', 'leadership', 'management', 'people', 'engineers', 'leads', 'leaders', 'partners'],
])
const THINGS = new Set([...STAKES, ...SERVED, ...FITTED, ...FOLLOWED, ...DECIDED, 'features', 'work', 'expectations'])

/** Is the phrase from..to about people (a pronoun, a team, a name, "A and B")? */
export function namesPeople(r: Reader, from: number, to: number): boolean {
  for (let k = from; k <= to; k++) {
    const word = r.word(k) ?? ''
    if (PEOPLE.has(word) || TEAM_WORDS.has(word) || word === 'and') return true
    // A capital marks a name ("Payments", not "OKRs"); the sentence's first word is capitalised
    // anyway, so there it counts only when it is not a determiner or a thing we know.
    if (!r.isName(k)) continue
    if (!r.isSentenceStart(k) || !(DETERMINERS.has(word) || THINGS.has(word))) return true
  }
  return false
}
