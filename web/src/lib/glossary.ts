import { WEIGHTED_HARM_EXPLANATION } from '@misalign/shared'

export interface GlossaryEntry {
  /** The anchor on /glossary: `/glossary#weighted-harm`. */
  id: string
  term: string
  /** One or two sentences, in the words of the product's design (shared/DESIGN.md). */
  definition: string
}

/**
 * Every word the product uses with a meaning of its own, in the order a newcomer meets them.
 * The glossary page lists them; `<Term>` links a word on any screen to its entry.
 */
export const glossary = [
  {
    id: 'misalignment',
    term: 'Misalignment',
    definition:
      'What a team feels when it discovers a decision that both surprised it and harmed one of its goals. All three are needed: no discovery, no surprise or no harm means no misalignment.',
  },
  {
    id: 'incident',
    term: 'Incident',
    definition:
      'One felt misalignment, reported by a team. It records the discovery, the surprise and the harm, then traces them to the upstream decision and the missing strategy.',
  },
  {
    id: 'discovery',
    term: 'Discovery',
    definition:
      'When and how the team found out about the decision: in a code review, in planning, in production, from a customer…',
  },
  {
    id: 'surprise',
    term: 'Surprise',
    definition:
      'What the team expected instead, and how surprising the decision was, from 1 (a little unexpected) to 5 (completely blindsided).',
  },
  {
    id: 'harm',
    term: 'Harm',
    definition:
      'Which goal the decision hurt and how badly, from 1 (a small detour) to 5 (a goal is lost), with its kinds (rework, delay, cost…) and, if known, days lost.',
  },
  {
    id: 'weighted-harm',
    term: 'Weighted harm',
    definition: `${WEIGHTED_HARM_EXPLANATION}. Rankings of strategy gaps, decisions and team pairs add it up over their incidents.`,
  },
  {
    id: 'decision',
    term: 'Decision',
    definition: 'The upstream decision that caused incidents. A team owns it; it may carry a tradeoff.',
  },
  {
    id: 'agreement',
    term: 'Agreement',
    definition:
      'A decision without its tradeoff (“we will ship A, not B”). It settles one decision and helps nobody predict the next one.',
  },
  {
    id: 'strategy-bearing',
    term: 'Strategy-bearing',
    definition:
      'A decision that states its tradeoff, so partner teams can generalise from it and decide the next one on their own.',
  },
  {
    id: 'tradeoff',
    term: 'Tradeoff',
    definition:
      '“We prefer X over Y, for goal Z”, with a scope (some teams, or the whole org): the why that makes a decision predictable. X and Y are priorities.',
  },
  {
    id: 'priority',
    term: 'Priority',
    definition:
      'A named thing the org may prefer, with the other words people use for it (“data minimisation” = “privacy by default”). Two tradeoffs conflict when they order the same two priorities oppositely and their scopes overlap.',
  },
  {
    id: 'strategy',
    term: 'Strategy',
    definition:
      'A published statement of priorities: one or more tradeoffs, with a scope, an owner team and a review date. It is revised, never overwritten.',
  },
  {
    id: 'stale-strategy',
    term: 'Stale strategy',
    definition:
      'A published strategy past its review date. Priorities change; a strategy that was not re-shared lets teams predict the wrong thing.',
  },
  {
    id: 'strategy-gap',
    term: 'Strategy gap',
    definition:
      'A missing or stale piece of strategy that incidents point at. Leaders own it from open to acknowledged, to a published strategy, to verified (no new incident for some weeks).',
  },
  {
    id: 'cluster',
    term: 'Cluster',
    definition:
      'A group of related incidents: same decision, same strategy gap, same team pair close in time or similar words. The engine suggests them; facilitators confirm them.',
  },
  {
    id: 'retro',
    term: 'Retro',
    definition: 'A review of a cluster: its timeline, its causes, the tradeoff behind it and the follow-up actions.',
  },
  {
    id: 'action',
    term: 'Action',
    definition: 'A follow-up from a retro, owned by a team, of a kind that is either alignment or anti-misalignment.',
  },
  {
    id: 'alignment-action',
    term: 'Alignment action',
    definition:
      'An action that shares context: share a strategy, state a tradeoff, generalise a decision, make decisions discoverable, schedule a strategy review.',
  },
  {
    id: 'anti-misalignment',
    term: 'Anti-misalignment',
    definition:
      'Clamping down on misalignment by control: more sync meetings, approval gates, hidden decisions, frozen or lockstep decisions. It can lower incident counts while teams stop deciding.',
  },
  {
    id: 'near-miss',
    term: 'Near miss',
    definition: 'A surprise without harm. Noted from the report form and counted apart: it is not a misalignment.',
  },
  {
    id: 'autonomy-win',
    term: 'Autonomy win',
    definition: '“We decided on our own thanks to strategy S”: a team predicting what others want from a published strategy.',
  },
  {
    id: 'discovery-lag',
    term: 'Discovery lag',
    definition: 'Days from the day a decision was taken to the day a team discovered it. Long lags point at hidden decisions.',
  },
  {
    id: 'root-cause',
    term: 'Root cause',
    definition:
      'Why the decision could not be predicted: a missing strategy, a stale strategy, an agreement without a why, a hidden decision, or conflicting priorities (a gap one level up).',
  },
] as const satisfies readonly GlossaryEntry[]

export type GlossaryId = (typeof glossary)[number]['id']

export const glossaryEntry = (id: GlossaryId): GlossaryEntry => glossary.find((entry) => entry.id === id) as GlossaryEntry
