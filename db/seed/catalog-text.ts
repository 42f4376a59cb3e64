import type { DiscoveryChannel, HarmKind, RootCause, Tradeoff } from '@misalign/shared'

/**
 * Text templates for background decisions and incidents. Slots are `{name}` and are filled by
 * `fill`; the planted clusters have their own, deliberately repetitive vocabulary in
 * catalog-planted.ts.
 */

export function fill(template: string, slots: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = slots[key]
    return value === undefined ? whole : String(value)
  })
}

/** Words whose case is part of their spelling: "API", "SRE", "iOS", "v1". */
const fixedCase = /^([A-Z][A-Z0-9]|[a-z]+[A-Z]|v\d)/

export function lowerFirst(text: string): string {
  return fixedCase.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1)
}

export function upperFirst(text: string): string {
  return fixedCase.test(text) ? text : text.charAt(0).toUpperCase() + text.slice(1)
}

/** Tradeoffs a decision or strategy can state: prefer X over Y, for goal Z. */
export const tradeoffBank: readonly Tradeoff[] = [
  { prefer: 'reliability', over: 'feature velocity', forGoal: 'fewer Sev-1 incidents this half' },
  { prefer: 'consistency across clients', over: 'per-team freedom', forGoal: 'one predictable integration surface' },
  { prefer: 'lower cloud cost', over: 'peak performance', forGoal: 'cut infrastructure spend 15% this year' },
  { prefer: 'shipping behind flags early', over: 'polished launches', forGoal: 'learn from customers every week' },
  { prefer: 'data freshness', over: 'query cost', forGoal: 'same-day reporting for finance' },
  { prefer: 'security hardening', over: 'developer convenience', forGoal: 'pass the SOC 2 audit' },
  { prefer: 'small batches', over: 'big-bang releases', forGoal: 'a calm release train' },
  { prefer: 'privacy by default', over: 'richer personalisation', forGoal: 'GDPR compliance without exceptions' },
  { prefer: 'a simple platform', over: 'bespoke per-team features', forGoal: 'a platform ten people can run' },
  { prefer: 'battery life', over: 'real-time updates', forGoal: 'keep app ratings above 4.5 stars' },
  { prefer: 'time to market', over: 'long-term architecture', forGoal: 'land the EU launch by summer' },
  { prefer: 'backward compatibility', over: 'API cleanliness', forGoal: 'zero forced client upgrades' },
]

/**
 * Incident titles, as a reporter would write them: what they saw, or the decision referred to
 * as "the decision to …" ({d} is the decision title in lower case, an imperative). Titles that
 * name {owner} are used only when the owning team is known.
 */
export const incidentTitles = {
  withDecision: [
    'The decision to {d} broke our {asset}',
    'Surprised late by the decision to {d}',
    'Rework on the {asset} after the {owner} team decided to {d}',
    '{Asset} slipped: nobody told us about the decision to {d}',
    '{Asset} delayed after the {owner} team decided to {d}',
    'Learned from {channelNoun} that the {owner} team had decided to {d}',
  ],
  withOwner: [
    '{Asset} blocked by a change to the {subject} from the {owner} team',
    'Rework on the {asset} after the {owner} team changed the {subject}',
    'The {owner} team changed the {subject} without telling us',
    'Found out about a change to the {subject} from {channelNoun}',
    'Unannounced change to the {subject} hit our {asset}',
  ],
  withoutOwner: [
    'Unannounced change to the {subject} hit our {asset}',
    'Found out about a change to the {subject} from {channelNoun}',
    '{Asset} broke after an unannounced change to the {subject}',
  ],
} as const

export const channelNouns: Record<DiscoveryChannel, string> = {
  code_review: 'a code review',
  design_review: 'a design review',
  planning: 'quarterly planning',
  launch: 'a launch',
  production: 'a production alert',
  customer: 'a customer complaint',
  chat: 'a chat thread',
  meeting: 'an unrelated meeting',
  announcement: 'a late announcement',
  other: 'a hallway conversation',
}

/** First narrative sentence: how it was discovered. {d} is the decision in lower case. */
export const discoverySentences: Record<DiscoveryChannel, string> = {
  code_review: 'We found out in code review, when a reviewer pointed out that {owner} had decided to {d}.',
  design_review: 'During our design review for the {asset}, someone mentioned that {owner} had decided to {d}.',
  planning: 'While planning {q} we learned that {owner} had decided to {d}.',
  launch: 'On launch day for the {asset} we hit it: {owner} had decided to {d}.',
  production: 'A production alert on the {asset} was how we learned that {owner} had decided to {d}.',
  customer: 'Customers told us before anyone else did: {owner} had decided to {d}.',
  chat: 'We saw it in passing in a chat thread: {owner} had decided to {d}.',
  meeting: 'It came up at the end of an unrelated meeting that {owner} had decided to {d}.',
  announcement: 'The announcement that {owner} would {d} came after our {asset} work was already built on the old behaviour.',
  other: 'We pieced together from several conversations that {owner} had decided to {d}.',
}

export const impactSentences: Record<HarmKind, string> = {
  rework: 'We had to redo about {days} of work on the {asset}.',
  delay: 'It pushed the {asset} back by {delay}.',
  customer: 'Some customers saw errors on the {asset} before we could react.',
  cost: 'We paid for extra capacity and vendor time while we adapted.',
  quality: 'We shipped a workaround on the {asset} that we are not proud of.',
  morale: 'The team felt blindsided; it is not the first time this quarter.',
  opportunity: 'We dropped a planned experiment to absorb the change.',
}

export const closingSentences = [
  'Nobody did anything wrong, but nothing we had would have let us predict this.',
  'Had we known the reasoning, we would have planned for it in the last sprint.',
  'We only need to know about changes like this a few weeks earlier.',
  'We would like to understand what else is coming for the {subject}.',
  'The change itself makes sense; finding out this way did not.',
]

export const expectedByRootCause: Record<RootCause, readonly string[]> = {
  missing_strategy: [
    'We expected the {subject} to stay stable until there was a stated plan for it.',
    'We expected a heads-up before the {subject} changed, with time to adapt.',
  ],
  stale_strategy: [
    'We expected the published strategy for the {subject} to still hold.',
    'We expected that a change of priorities would be re-shared with the teams it applies to.',
  ],
  agreement_without_why: [
    'We expected to know why {owner} chose this, so we could apply the same reasoning to the {asset}.',
    'We expected the agreement to come with its reasons, not only the outcome.',
  ],
  hidden_decision: [
    'We expected a decision like this to be announced where partner teams look, such as the decision log.',
    'We expected to hear about it before it shipped, not after.',
  ],
  conflicting_priorities: ['We expected our stated priority to hold for the partner teams we depend on.'],
  unknown: ['We expected the {subject} to keep working as it did.', 'We expected no change to the {subject} this quarter.'],
}

export const missingContextByRootCause: Record<RootCause, readonly string[]> = {
  missing_strategy: [
    'A stated priority for the {subject}: what matters more to {owner}, and how long the old behaviour is supported.',
    'Any written direction for the {subject} that would have told us this change was likely.',
  ],
  stale_strategy: ['That the priorities behind the {subject} had changed since the strategy was last published.'],
  agreement_without_why: [
    'The reasoning behind the agreement, so we could predict the next change to the {subject}.',
    'Which goal {owner} was optimising for when it agreed to this.',
  ],
  hidden_decision: [
    'The decision itself: it was made inside {owner} and never written down where partner teams look.',
    'A shared record of decisions on the {subject}, with the teams they affect.',
  ],
  conflicting_priorities: ['A tiebreaker between the two stated priorities, decided one level up.'],
  unknown: [
    'Not analysed yet; most likely the plan for the {subject}.',
    'Not analysed yet; the timeline of the change, at least.',
  ],
}

/** Goals are written as people state them ("pass the SOC 2 audit", "no double charges"), so they follow a colon. */
export const tradeoffContext = 'That {owner} prefers {prefer} over {over}, with this goal: {forGoal}.'
