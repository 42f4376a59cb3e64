import type { DomainEventType } from '@misalign/shared'
import { type QueryClient, type QueryKey, useQueryClient } from '@tanstack/react-query'
import {
  actionKeys,
  analyticsKeys,
  clusterKeys,
  decisionKeys,
  gapKeys,
  incidentKeys,
  insightKeys,
  integrationKeys,
  issueLinkKeys,
  leadershipKeys,
  priorityKeys,
  retroKeys,
  strategyKeys,
  teamKeys,
  triageKeys,
  webhookKeys,
} from './query-keys'

/*
 * What each write makes stale, in one table (ADR 022). A write is named by the domain event the
 * API records for it in the outbox (incident.filed, decision.updated, gap.transitioned, …); the
 * few writes the outbox does not name yet use the same noun.verb form. Each entry lists query-key
 * prefixes: every cached query under one is marked stale, the ones on screen refetch at once and
 * the rest when a screen next uses them, so no page waits out its stale time after a write.
 */

/** A new or changed incident moves every count, ranking and list built from incidents. */
const incidentFacts = [
  incidentKeys.lists(),
  analyticsKeys.all,
  gapKeys.lists(),
  triageKeys.all,
  insightKeys.all,
  clusterKeys.all,
  leadershipKeys.all,
] as const satisfies readonly QueryKey[]

/** A decision's title, tradeoff or date shows on the dashboard, the review and the pickers. */
const decisionFacts = [
  decisionKeys.all,
  analyticsKeys.all,
  leadershipKeys.all,
  insightKeys.decisionSuggestions(),
  priorityKeys.tradeoffsToConfirm(),
] as const satisfies readonly QueryKey[]

/** A gap's state and what is attached to it reorder the ranking and move incidents between gaps. */
const gapFacts = [gapKeys.all, incidentKeys.lists(), analyticsKeys.all, leadershipKeys.all] as const satisfies readonly QueryKey[]

const strategyFacts = [
  strategyKeys.all,
  leadershipKeys.all,
  priorityKeys.tradeoffsToConfirm(),
] as const satisfies readonly QueryKey[]

/** A retro's workspace holds its actions, and closing one resolves its incidents. */
const retroFacts = [retroKeys.all, actionKeys.all, incidentKeys.all, analyticsKeys.all] as const satisfies readonly QueryKey[]

/** An action's status or due date also moves it in or out of triage's overdue actions. */
const actionFacts = [
  actionKeys.all,
  retroKeys.all,
  analyticsKeys.all,
  triageKeys.overdueActionLists(),
] as const satisfies readonly QueryKey[]

const clusterFacts = [clusterKeys.all, retroKeys.all] as const satisfies readonly QueryKey[]

export const invalidationMap = {
  'incident.filed': incidentFacts,
  /** The edited incident's own page is set from the API's answer, so only what is built from it goes stale. */
  'incident.updated': incidentFacts,
  /** Decisions linked to incidents in one request (triage, an incident page): the incidents themselves changed too. */
  'incident.decision-linked': [...incidentFacts, incidentKeys.details()],
  /** "Not related" teaches the insight engine; the lists on screen stay as they are. */
  'incident.marked-unrelated': [insightKeys.similar()],
  'incident.unmarked-unrelated': [insightKeys.similar()],
  'incident.commented': [incidentKeys.activities()],
  /** Another team's harm counts in the gap ranking and the review (ADR 023), and shows in the feed. */
  'incident.impact-added': [incidentKeys.activities(), incidentKeys.impactLists(), gapKeys.all, leadershipKeys.all],
  'incident.impact-removed': [incidentKeys.activities(), incidentKeys.impactLists(), gapKeys.all, leadershipKeys.all],
  'decision.created': decisionFacts,
  'decision.updated': [...decisionFacts, incidentKeys.lists()],
  'gap.created': gapFacts,
  'gap.updated': gapFacts,
  'gap.transitioned': gapFacts,
  /** Attaching or detaching incidents or a decision: the gap's incidents and the ranking change. */
  'gap.attached': gapFacts,
  'gap.detached': gapFacts,
  'strategy.created': strategyFacts,
  'strategy.updated': strategyFacts,
  'strategy.published': strategyFacts,
  'strategy.retired': strategyFacts,
  'strategy.revised': strategyFacts,
  'retro.created': retroFacts,
  'retro.updated': retroFacts,
  'retro.closed': retroFacts,
  /** A retro publishing a strategy draft or opening a gap from its cluster. */
  'retro.published': [...retroFacts, ...strategyFacts, ...gapFacts],
  'action.created': actionFacts,
  'action.updated': actionFacts,
  'cluster.updated': clusterFacts,
  'cluster.confirmed': clusterFacts,
  'cluster.dismissed': clusterFacts,
  'cluster.edited': clusterFacts,
  'clusters.recomputed': clusterFacts,
  'priority.created': [priorityKeys.all],
  'priority.updated': [priorityKeys.all, decisionKeys.details(), strategyKeys.details(), leadershipKeys.all],
  /** A confirmed tradeoff changes its decision or strategy (version and priorities). */
  'tradeoff.confirmed': [priorityKeys.all, decisionKeys.all, strategyKeys.all, leadershipKeys.all],
  'tradeoff-request.created': [leadershipKeys.agreementOnly(), leadershipKeys.tradeoffRequests()],
  /** A near miss or an autonomy win: counted in the leadership review, apart from incidents. */
  'signal.noted': [leadershipKeys.all],
  'team.created': [teamKeys.all],
  'team.updated': [teamKeys.all, analyticsKeys.all, leadershipKeys.all],
  /** A team channel set or removed, or a test message sent: the status and the delivery log. */
  'integration.changed': [integrationKeys.all],
  /** An endpoint registered, changed or removed, a test sent or a delivery tried again. */
  'webhook.changed': [webhookKeys.all],
  /** A link to a tracker issue added or removed: the links, and the incident's feed that audits it. */
  'issue-link.changed': [issueLinkKeys.all, incidentKeys.activities()],
} as const satisfies Record<string, readonly QueryKey[]>

export type WriteEvent = keyof typeof invalidationMap

/** Every event the API records has its entry here; a new one fails the type check until it does. */
type MissingEvents = Exclude<DomainEventType, WriteEvent | 'team.changed' | 'user.changed' | 'token.created' | 'token.revoked'>
const everyDomainEventCovered: MissingEvents extends never ? true : MissingEvents = true
void everyDomainEventCovered

/** The key prefixes a write makes stale. */
export const staleAfter = (event: WriteEvent): readonly QueryKey[] => invalidationMap[event]

/**
 * Marks stale everything the write touched. Every mutation's `onSuccess` calls this (return its
 * promise to keep the mutation pending until the screen has refetched, or `void` it not to wait).
 */
export async function invalidateAfter(client: QueryClient, event: WriteEvent): Promise<void> {
  await Promise.all(staleAfter(event).map((queryKey) => client.invalidateQueries({ queryKey })))
}

export function useInvalidateAfter(): (event: WriteEvent) => Promise<void> {
  const client = useQueryClient()
  return (event) => invalidateAfter(client, event)
}
