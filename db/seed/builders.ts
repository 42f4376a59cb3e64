import { randomUUID } from 'node:crypto'
import type { DiscoveryChannel, HarmKind, RootCause } from '@misalign/shared'
import type { decisions, incidents, memberships, signals, strategies, strategyGaps, teams, users } from '../src/index'

/**
 * Small valid rows for tests: every required column set, anything overridable. Readable
 * fields (slugs, emails, titles) count up per process so a test can tell rows apart; ids are
 * random so files that share a database never collide. Dates are fixed: a decision is taken
 * on 2026-01-15 and incidents are discovered on 2026-02-01, so the pair is valid together.
 */

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert']
type WithId<T> = T & { id: string }

let counter = 0
const next = () => ++counter

export function buildTeam(overrides: Partial<Insert<typeof teams>> = {}): WithId<Insert<typeof teams>> {
  const n = next()
  return { slug: `team-${n}`, name: `Team ${n}`, parentTeamId: null, ...overrides, id: overrides.id ?? randomUUID() }
}

export function buildUser(overrides: Partial<Insert<typeof users>> = {}): WithId<Insert<typeof users>> {
  const n = next()
  return {
    email: `user${n}@example.com`,
    displayName: `Test User ${n}`,
    role: 'member',
    passwordHash: null,
    ...overrides,
    id: overrides.id ?? randomUUID(),
  }
}

export function buildMembership(
  userId: string,
  teamId: string,
  overrides: Partial<Insert<typeof memberships>> = {},
): WithId<Insert<typeof memberships>> {
  return { userId, teamId, ...overrides, id: overrides.id ?? randomUUID() }
}

export function buildDecision(
  owningTeamId: string,
  overrides: Partial<Insert<typeof decisions>> = {},
): WithId<Insert<typeof decisions>> {
  const n = next()
  return {
    title: `Move the widget service to Kafka (${n})`,
    summary: 'Synchronous calls to the widget service are replaced by events.',
    owningTeamId,
    decidedAt: '2026-01-15',
    status: 'active',
    sharedWithTeamIds: [],
    tradeoffPrefer: null,
    tradeoffOver: null,
    tradeoffForGoal: null,
    ...overrides,
    id: overrides.id ?? randomUUID(),
  }
}

export function buildStrategy(
  ownerTeamId: string,
  overrides: Partial<Insert<typeof strategies>> = {},
): WithId<Insert<typeof strategies>> {
  const n = next()
  return {
    title: `Reliability before features (${n})`,
    context: 'Two outages came from rushed launches.',
    ownerTeamId,
    scopeTeamIds: [],
    tradeoffs: [{ prefer: 'reliability', over: 'feature velocity', forGoal: 'fewer Sev-1 incidents' }],
    status: 'published',
    publishedAt: new Date('2026-01-10T10:00:00Z'),
    reviewBy: '2026-12-31',
    ...overrides,
    id: overrides.id ?? randomUUID(),
  }
}

export function buildGap(overrides: Partial<Insert<typeof strategyGaps>> = {}): WithId<Insert<typeof strategyGaps>> {
  const n = next()
  return {
    title: `No policy for breaking API changes (${n})`,
    description: 'Callers find out when their code breaks.',
    status: 'open',
    ...overrides,
    id: overrides.id ?? randomUUID(),
  }
}

export function buildSignal(teamId: string, overrides: Partial<Insert<typeof signals>> = {}): WithId<Insert<typeof signals>> {
  return {
    kind: 'near_miss',
    teamId,
    note: 'Caught a planned change in design review.',
    occurredAt: '2026-02-01',
    ...overrides,
    id: overrides.id ?? randomUUID(),
  }
}

/** `number` is left to incident_number_seq, as the API leaves it. */
export function buildIncident(
  refs: { reportingTeamId: string },
  overrides: Partial<Insert<typeof incidents>> = {},
): WithId<Insert<typeof incidents>> {
  const n = next()
  return {
    title: `Checkout broke after the widget change (${n})`,
    narrative: 'We found out in code review that the widget service had moved to events.',
    reportingTeamId: refs.reportingTeamId,
    reporterId: null,
    anonymous: false,
    restricted: false,
    status: 'open',
    discoveredAt: '2026-02-01',
    discoveryChannel: 'code_review',
    expected: 'A heads-up before the widget service changed.',
    surprise: 4,
    harmedGoal: 'Ship one-page checkout by end of Q3',
    harm: 3,
    harmKinds: ['rework', 'delay'],
    engineerDaysLost: 3,
    delayDays: 5,
    decisionId: null,
    decisionOwnerTeamId: null,
    gapId: null,
    missingContext: 'Why the widget team moved to events, and when.',
    rootCause: 'unknown',
    ...overrides,
    id: overrides.id ?? randomUUID(),
  }
}

/** The JSON body of POST /api/v1/incidents. */
export interface NewIncidentBody {
  title: string
  narrative: string
  reportingTeamId: string
  discoveredAt: string
  discoveryChannel: DiscoveryChannel
  expected: string
  surprise: number
  harmedGoal: string
  harm: number
  harmKinds: HarmKind[]
  missingContext: string
  engineerDaysLost?: number
  delayDays?: number
  decisionId?: string
  decisionOwnerTeamId?: string
  gapId?: string
  rootCause?: RootCause
  anonymous?: boolean
  restricted?: boolean
}

export function newIncidentBody(reportingTeamId: string, overrides: Partial<NewIncidentBody> = {}): NewIncidentBody {
  const n = next()
  return {
    title: `Checkout broke after the widget change (${n})`,
    narrative: 'We found out in code review that the widget service had moved to events.',
    reportingTeamId,
    discoveredAt: '2026-02-01',
    discoveryChannel: 'code_review',
    expected: 'A heads-up before the widget service changed.',
    surprise: 4,
    harmedGoal: 'Ship one-page checkout by end of Q3',
    harm: 3,
    harmKinds: ['rework'],
    missingContext: 'Why the widget team moved to events, and when.',
    ...overrides,
  }
}
