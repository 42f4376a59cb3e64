import type { DiscoveryChannel, HarmKind, IncidentStatus, RootCause } from '@misalign/shared'
import type {
  actions,
  clusterMembers,
  clusters,
  decisions,
  incidents,
  memberships,
  priorities,
  retros,
  signals,
  strategies,
  strategyGaps,
  teams,
  users,
} from '../src/index'

/** Rows as Drizzle inserts them, with the id and timestamps always set so output is reproducible. */
type Seeded<T> = T & { id: string; createdAt: Date; updatedAt: Date }

export type TeamSeed = Seeded<typeof teams.$inferInsert>
export type UserSeed = Seeded<typeof users.$inferInsert>
export type MembershipSeed = Seeded<typeof memberships.$inferInsert>
export type DecisionSeed = Seeded<typeof decisions.$inferInsert> & { decidedAt: string }
export type StrategySeed = Seeded<typeof strategies.$inferInsert>
export type PrioritySeed = Seeded<typeof priorities.$inferInsert>
export type GapSeed = Seeded<typeof strategyGaps.$inferInsert>
export type SignalSeed = Seeded<typeof signals.$inferInsert>
export type ClusterSeed = Seeded<typeof clusters.$inferInsert>
export type ClusterMemberSeed = Seeded<typeof clusterMembers.$inferInsert>
export type RetroSeed = Seeded<typeof retros.$inferInsert>
export type ActionSeed = Seeded<typeof actions.$inferInsert>

/** One incident, every column set except the generated ones (weighted_harm, search_text). */
export interface IncidentSeed {
  id: string
  /** MIS-<number>: 1..n in discovery order; the writer moves incident_number_seq past n. */
  number: number
  title: string
  narrative: string
  reportingTeamId: string
  reporterId: string | null
  anonymous: boolean
  restricted: boolean
  status: IncidentStatus
  discoveredAt: string
  discoveryChannel: DiscoveryChannel
  expected: string
  surprise: number
  harmedGoal: string
  harm: number
  harmKinds: HarmKind[]
  engineerDaysLost: number | null
  delayDays: number | null
  decisionId: string | null
  decisionOwnerTeamId: string | null
  gapId: string | null
  missingContext: string
  rootCause: RootCause
  createdAt: Date
  updatedAt: Date
}

// Compile-time proof that an IncidentSeed is a valid Drizzle insert.
const incidentSeedIsInsertable = (seed: IncidentSeed): typeof incidents.$inferInsert => seed
void incidentSeedIsInsertable

/** A recurring decision and the incidents it caused: one true cluster of the evaluation set. */
export interface PlantedCluster {
  label: string
  decisionId: string
  ownerTeamId: string
  reportingTeamIds: string[]
  /** Words its incidents share. */
  keywords: string[]
  rootCause: RootCause
  /** Ascending; incident `number` is index + 1. */
  incidentIndexes: number[]
  incidentIds: string[]
}

/**
 * Incidents that look like a cluster but are not in it: `shared_words` reuse its vocabulary on
 * unrelated decisions and teams; `same_team_pair` come from its owner to its first reporting
 * team about something else.
 */
export interface PlantedDistractors {
  label: string
  kind: 'shared_words' | 'same_team_pair'
  incidentIndexes: number[]
  incidentIds: string[]
}

export interface Planted {
  /** First and last day of the year of incidents (today − 365 … today − 1). */
  period: { from: string; to: string }
  clusters: PlantedCluster[]
  distractors: PlantedDistractors[]
  /** Owner → reporting team pairs hurting each other far above the background rate. */
  hotTeamPairs: { ownerTeamId: string; reportingTeamId: string; ownerSlug: string; reportingSlug: string }[]
  /** Gap G, addressed by strategy S published on `publishedAt` ('YYYY-MM-DD'); G's incidents nearly stop after it. */
  droppingGap: { gapId: string; strategyId: string; publishedAt: string; incidentsBefore: number; incidentsAfter: number }
  /** Volume spikes: two planning seasons and a launch. */
  bursts: { label: string; kind: 'planning' | 'launch'; from: string; to: string }[]
  /** Published strategies past their review date, with stale_strategy incidents in scope after it. */
  staleStrategies: { strategyId: string; gapId: string; reviewBy: string; scopeTeamIds: string[]; incidentCount: number }[]
  /** Two published strategies (and a decision under each) preferring X over Y and Y over X. */
  conflictingPriorities: {
    strategyIds: [string, string]
    decisionIds: [string, string]
    gapId: string
    prefer: string
    over: string
    incidentCount: number
  }
  /** Among background incidents, one root cause rises over the year while another falls. */
  rootCauseTrend: { rising: RootCause; falling: RootCause }
  /** Teams with fewer than 5 members: shown as their parent team when anonymity matters. */
  smallTeamIds: string[]
  demo: { teamId: string; userIds: { admin: string; leader: string; lead: string; member: string } }
}

export interface GenerateOptions {
  incidents: number
  seed: number
  /** 'YYYY-MM-DD': the year of incidents ends the day before. Defaults to `defaultToday`. */
  today?: string
}

export interface GeneratedOrg {
  options: Required<GenerateOptions>
  teams: TeamSeed[]
  users: UserSeed[]
  memberships: MembershipSeed[]
  priorities: PrioritySeed[]
  decisions: DecisionSeed[]
  strategies: StrategySeed[]
  gaps: GapSeed[]
  signals: SignalSeed[]
  clusters: ClusterSeed[]
  clusterMembers: ClusterMemberSeed[]
  retros: RetroSeed[]
  actions: ActionSeed[]
  planted: Planted
  incidentCount: number
  /** Every incident in number order; generated lazily, identical on every call. */
  incidents(): Generator<IncidentSeed>
  /** Incident at a 0-based index (its number − 1), without generating the others. */
  incidentAt(index: number): IncidentSeed
}
