import type { ActionKind, ActionStatus, RetroStatus } from '@misalign/shared'
import type { Calendar } from './calendar'
import { clusterTopics } from './catalog-planted'
import { actionTexts, antiMisalignmentReasons, retroSummaries } from './catalog-strategy'
import { upperFirst } from './catalog-text'
import { formatDay, timestampOn } from './dates'
import type { DecisionBook } from './org-decisions'
import { type People, teamId } from './org-people'
import { clusterWindowDays, type RolePlan } from './plan'
import { at, type Rng } from './prng'
import type { ActionSeed, ClusterMemberSeed, ClusterSeed, RetroSeed } from './types'

/**
 * A few planted clusters already went through the retro workflow, so the demo shows every
 * stage: a closed retro with done actions, a held one with open actions, a planned one, an
 * engine suggestion nobody has looked at, and a suggestion that was dismissed (it only shared words).
 */

export interface RetroBook {
  clusters: ClusterSeed[]
  clusterMembers: ClusterMemberSeed[]
  retros: RetroSeed[]
  actions: ActionSeed[]
  /** Per planted cluster, the status of its retro (null: none). Decides its incidents' status. */
  retroStatusByCluster: (RetroStatus | null)[]
}

const stages: readonly ({ cluster: 'confirmed' | 'suggested'; retro: RetroStatus | null } | undefined)[] = [
  { cluster: 'confirmed', retro: 'closed' },
  { cluster: 'confirmed', retro: 'held' },
  { cluster: 'confirmed', retro: 'planned' },
  { cluster: 'suggested', retro: null },
]

const actionPlans: Partial<Record<RetroStatus, readonly [ActionKind, ActionStatus][]>> = {
  closed: [
    ['share_strategy', 'done'],
    ['make_discoverable', 'done'],
    ['add_sync_meeting', 'done'],
    ['state_tradeoff', 'not_doing'],
  ],
  held: [
    ['state_tradeoff', 'open'],
    ['add_approval_gate', 'open'],
    ['schedule_strategy_review', 'open'],
  ],
}

const antiKinds: readonly ActionKind[] = [
  'add_sync_meeting',
  'add_approval_gate',
  'restrict_visibility',
  'freeze_decisions',
  'require_lockstep',
]

export function buildRetros(
  rng: Rng,
  people: People,
  calendar: Calendar,
  plan: RolePlan,
  decisions: DecisionBook,
  idOf: (index: number) => string,
): RetroBook {
  const book: RetroBook = {
    clusters: [],
    clusterMembers: [],
    retros: [],
    actions: [],
    retroStatusByCluster: clusterTopics.map(() => null),
  }
  const today = calendar.todayDay

  const addCluster = (
    title: string,
    status: ClusterSeed['status'],
    day: number,
    explanation: Record<string, unknown>,
    indexes: readonly number[],
    manual: number,
  ) => {
    const createdAt = timestampOn(Math.min(today - 1, day), 6 * 60)
    const cluster: ClusterSeed = { id: rng.uuid(), title, status, explanation, createdAt, updatedAt: createdAt }
    book.clusters.push(cluster)
    indexes.forEach((index, i) => {
      const source = i >= indexes.length - manual ? 'manual' : 'auto'
      book.clusterMembers.push({
        id: rng.uuid(),
        clusterId: cluster.id,
        incidentId: idOf(index),
        source,
        createdAt,
        updatedAt: createdAt,
      })
    })
    return cluster
  }

  clusterTopics.forEach((topic, k) => {
    const stage = stages[k]
    const indexes = plan.clusters[k] ?? []
    if (!stage || indexes.length === 0) return
    const decision = at(decisions.clusterDecisions, k)
    const suggestedDay = calendar.startDay + topic.decidedOffset + clusterWindowDays + 1
    const cluster = addCluster(
      `Recurring: ${decision.title}`,
      stage.cluster,
      suggestedDay,
      { decisionId: decision.id, ownerTeamId: decision.ownerId, terms: topic.keywords, reportingTeams: topic.reporters },
      indexes,
      stage.cluster === 'confirmed' ? Math.min(2, indexes.length) : 0,
    )
    if (!stage.retro) return
    book.retroStatusByCluster[k] = stage.retro
    const heldDay = stage.retro === 'planned' ? today + 7 : Math.min(today - 1, suggestedDay + rng.int(4, 10))
    const createdAt = timestampOn(Math.min(today - 1, suggestedDay + 2), 9 * 60)
    const retro: RetroSeed = {
      id: rng.uuid(),
      clusterId: cluster.id,
      title: `Retro: ${upperFirst(topic.label)}`,
      // A planned retro's heldAt is when it is scheduled.
      heldAt: timestampOn(heldDay, 14 * 60),
      summary: stage.retro === 'planned' ? '' : at(retroSummaries, k % retroSummaries.length),
      status: stage.retro,
      createdAt,
      updatedAt: stage.retro === 'planned' ? createdAt : timestampOn(Math.min(today - 1, heldDay + 1), 9 * 60),
    }
    book.retros.push(retro)
    for (const [kind, status] of actionPlans[stage.retro] ?? []) {
      const owners = [topic.owner, ...topic.reporters]
      const actionCreated = timestampOn(Math.min(today - 1, heldDay), 16 * 60)
      book.actions.push({
        id: rng.uuid(),
        retroId: retro.id,
        description: actionTexts[kind],
        ownerTeamId: teamId(people, kind === 'share_strategy' || kind === 'state_tradeoff' ? topic.owner : rng.pick(owners)),
        dueAt: formatDay(heldDay + rng.int(14, 45)),
        status,
        kind,
        reason: antiKinds.includes(kind) ? rng.pick(antiMisalignmentReasons) : null,
        createdAt: actionCreated,
        updatedAt: actionCreated,
      })
    }
  })

  // The engine's mistake: incidents that only share words with the first cluster, dismissed by a facilitator.
  const lookalikes = plan.sharedWords[0] ?? []
  const first = at(clusterTopics, 0)
  if (lookalikes.length >= 2) {
    addCluster(
      `Possibly related: ${first.keywords.slice(0, 2).join(', ')}`,
      'dismissed',
      today - rng.int(10, 40),
      { terms: first.keywords.slice(0, 2), note: 'Shared words only; different decisions and teams.' },
      lookalikes,
      0,
    )
  }
  return book
}
