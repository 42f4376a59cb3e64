import type { DiscoveryChannel, HarmKind } from '@misalign/shared'

/**
 * A labelled evaluation set for the insight engine (similar incidents, decision suggestions,
 * clusters, gap ranking). Written by people, never generated: each hidden decision is told by
 * several teams in their own words — what they saw, not what was decided — so the engine is
 * measured on discovery, not on matching ids or template words.
 *
 * The labels (`truthDecision`, `truthGap`) are read by the bench only to score; they are never
 * given to the engine. `namesDecision` says whether the reporter linked the decision at filing
 * (about two thirds do); the others file with no decision and sometimes a suspected owner team.
 */
export interface StorySet {
  name: string
  /** One paragraph: who wrote it, what kind of org it imagines, what traps it holds. */
  description: string
  teams: StoryTeam[]
  /** The decision register as the deciding teams wrote it (their words, not the reporters'). */
  decisions: StoryDecision[]
  gaps: StoryGap[]
  stories: Story[]
}

export interface StoryTeam {
  /** Short kebab-case id used in this file, e.g. `payments`. */
  slug: string
  name: string
  parentSlug?: string
}

export interface StoryDecision {
  /** Short kebab-case id used in this file, e.g. `payments-v1-sunset`. */
  key: string
  title: string
  summary: string
  owningTeam: string
  /** ISO date, before the discoveries of its stories. */
  decidedAt: string
  tradeoff?: { prefer: string; over: string; forGoal: string }
  /** Teams it was announced to (slugs). */
  sharedWithTeams?: string[]
}

export interface StoryGap {
  key: string
  title: string
  /** What context was missing, in a leader's words. */
  description: string
  /** The decisions behind the gap; their incidents count towards it. */
  decisionKeys: string[]
}

export interface Story {
  /** Unique in the set, e.g. `sunset-3`. */
  key: string
  /** The decision this report is really about; null for a singleton (no hidden decision in the register). */
  truthDecision: string | null
  /** True: the reporter linked `truthDecision` at filing. False: the report names no decision. */
  namesDecision: boolean
  /** Owning team the reporter suspects (sets `decisionOwnerTeamId`), or null when they do not know. */
  suspectedOwnerTeam: string | null
  /** Set on a look-alike: which decision's stories it imitates (shares words, not the cause). */
  trapFor?: string
  reportingTeam: string
  /** ISO date. */
  discoveredAt: string
  discoveryChannel: DiscoveryChannel
  title: string
  narrative: string
  expected: string
  harmedGoal: string
  missingContext: string
  surprise: 1 | 2 | 3 | 4 | 5
  harm: 1 | 2 | 3 | 4 | 5
  harmKinds: HarmKind[]
  engineerDaysLost?: number
  /** For real public write-ups: where the story comes from. */
  source?: string
}
