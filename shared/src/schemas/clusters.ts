import { type Static, Type } from 'typebox'
import { clusterSignals } from '../domain/clustering/signals'
import { clusterMemberSources, clusterStatuses, incidentStatuses } from '../domain/vocabulary'
import { DateOnly, DateTime, Nullable, Page, PageQuery, Title, Uuid } from './common'
import { DraftQuery, insightReasons, matchConfidences } from './insight'

const Signals = Type.Array(Type.Enum(clusterSignals), {
  description: 'What joins its members, strongest first: same_decision, same_strategy_gap, same_team_pair, similar_text',
})

/** A cluster in a list: only the members the viewer may see are counted. */
export const ClusterSummary = Type.Object({
  id: Uuid,
  title: Type.String(),
  status: Type.Enum(clusterStatuses),
  size: Type.Integer({ minimum: 0, description: 'Incidents in it that you may see' }),
  weightedHarm: Type.Integer({ minimum: 0, description: 'Sum of harm × surprise over those incidents' }),
  teamsAffected: Type.Integer({ minimum: 0, description: 'Reporting teams among them (as shown to others)' }),
  firstDiscoveredAt: Nullable(DateOnly),
  lastDiscoveredAt: Nullable(DateOnly),
  signals: Signals,
  version: Type.Integer({ minimum: 1 }),
})
export type ClusterSummary = Static<typeof ClusterSummary>

/** Heaviest first (weighted harm, then size); a Page with its total. */
export const ClusterList = Page(ClusterSummary)
export type ClusterList = Static<typeof ClusterList>

export const ClusterListQuery = Type.Object(
  { ...PageQuery, status: Type.Optional(Type.Enum(clusterStatuses)) },
  { additionalProperties: false },
)
export type ClusterListQuery = Static<typeof ClusterListQuery>

/** Confirm or dismiss many suggestions at once: all change, or none does. */
export const ClusterStatusChanges = Type.Object(
  {
    status: Type.Enum(['confirmed', 'dismissed'] as const),
    clusters: Type.Array(
      Type.Object(
        { id: Uuid, version: Type.Integer({ minimum: 1, description: 'The version you saw, as If-Match would carry it' }) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 100 },
    ),
  },
  { additionalProperties: false },
)
export type ClusterStatusChanges = Static<typeof ClusterStatusChanges>

export const ClusterStatusResult = Type.Object({
  items: Type.Array(Type.Object({ id: Uuid, previousStatus: Type.Enum(clusterStatuses), version: Type.Integer({ minimum: 1 }) })),
})
export type ClusterStatusResult = Static<typeof ClusterStatusResult>

export const ClusterMember = Type.Object({
  incidentId: Uuid,
  key: Type.String({ description: 'MIS-<number>' }),
  title: Type.String(),
  status: Type.Enum(incidentStatuses),
  discoveredAt: DateOnly,
  reportingTeamId: Uuid,
  decisionId: Nullable(Uuid),
  decisionOwnerTeamId: Nullable(Uuid),
  gapId: Nullable(Uuid),
  weightedHarm: Type.Integer(),
  source: Type.Enum(clusterMemberSources),
})
export type ClusterMember = Static<typeof ClusterMember>

export const ClusterExplanation = Type.Object({
  signals: Signals,
  decision: Nullable(Type.Object({ id: Uuid, title: Type.String(), count: Type.Integer() })),
  gap: Nullable(Type.Object({ id: Uuid, title: Type.String(), count: Type.Integer() })),
  teamPair: Nullable(
    Type.Object({
      ownerTeamId: Uuid,
      ownerTeamName: Type.String(),
      reportingTeamId: Uuid,
      reportingTeamName: Type.String(),
      count: Type.Integer(),
    }),
  ),
  terms: Type.Array(Type.String(), { description: 'Words many of its members use, the most telling first' }),
  decisionForTheRest: Nullable(
    Type.Object(
      {
        id: Uuid,
        title: Type.String(),
        named: Type.Integer({ description: 'Members you can see that name it' }),
        likely: Type.Integer({ description: 'Members naming no decision whose words point at it' }),
        unnamedIncidentIds: Type.Array(Uuid, { description: 'Members you can see that name no decision' }),
      },
      {
        description:
          'The decision most of the cluster points at, suggested for the members naming none. Link it with POST /api/v1/incidents/decision-links.',
      },
    ),
  ),
})
export type ClusterExplanation = Static<typeof ClusterExplanation>

export const clusterEditKinds = [
  'confirm',
  'rename',
  'dismiss',
  'restore',
  'add_member',
  'remove_member',
  'merge',
  'split',
] as const
export type ClusterEditKind = (typeof clusterEditKinds)[number]

export const ClusterEdit = Type.Object({
  id: Uuid,
  kind: Type.Enum(clusterEditKinds),
  summary: Type.String({ description: 'What changed, in plain words' }),
  actorName: Nullable(Type.String()),
  createdAt: DateTime,
  revertedAt: Nullable(DateTime),
  isRevertible: Type.Boolean(),
})
export type ClusterEdit = Static<typeof ClusterEdit>

export const ClusterDetail = Type.Object({
  ...ClusterSummary.properties,
  members: Type.Array(ClusterMember, { description: 'In discovery order' }),
  explanation: ClusterExplanation,
  edits: Type.Array(ClusterEdit, { description: 'Newest first' }),
})
export type ClusterDetail = Static<typeof ClusterDetail>

export const ClusterChanges = Type.Object(
  {
    title: Type.Optional(Title),
    status: Type.Optional(Type.Enum(clusterStatuses)),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type ClusterChanges = Static<typeof ClusterChanges>

export const ClusterMemberBody = Type.Object({ incidentId: Uuid }, { additionalProperties: false })
export type ClusterMemberBody = Static<typeof ClusterMemberBody>

export const ClusterMemberParams = Type.Object({ id: Uuid, incidentId: Uuid }, { additionalProperties: false })
export type ClusterMemberParams = Static<typeof ClusterMemberParams>

export const ClusterEditParams = Type.Object({ id: Uuid, editId: Uuid }, { additionalProperties: false })
export type ClusterEditParams = Static<typeof ClusterEditParams>

export const ClusterMergeBody = Type.Object(
  { intoClusterId: Type.String({ format: 'uuid', description: 'The cluster that takes in this one' }) },
  { additionalProperties: false },
)
export type ClusterMergeBody = Static<typeof ClusterMergeBody>

export const ClusterSplitBody = Type.Object(
  {
    incidentIds: Type.Array(Uuid, { minItems: 1, maxItems: 500, uniqueItems: true }),
    title: Type.Optional(Title),
  },
  { additionalProperties: false },
)
export type ClusterSplitBody = Static<typeof ClusterSplitBody>

export const RecomputeResult = Type.Object({
  suggested: Type.Integer({ description: 'Suggested clusters after the run' }),
  created: Type.Integer(),
  updated: Type.Integer(),
  removed: Type.Integer(),
  incidents: Type.Integer({ description: 'Incidents the engine looked at' }),
  durationMs: Type.Integer(),
  phases: Type.Object(
    { loadMs: Type.Integer(), engineMs: Type.Integer(), writeMs: Type.Integer() },
    { description: 'Where the time went: reading incidents, the engine, writing clusters' },
  ),
})
export type RecomputeResult = Static<typeof RecomputeResult>

export const SimilarIncidentsQuery = Type.Object(DraftQuery, { additionalProperties: false })
export type SimilarIncidentsQuery = Static<typeof SimilarIncidentsQuery>

export const SimilarIncident = Type.Object({
  id: Uuid,
  key: Type.String(),
  title: Type.String(),
  status: Type.Enum(incidentStatuses),
  discoveredAt: DateOnly,
  score: Type.Number({ description: 'Higher is closer; comparable only within one answer' }),
  confidence: Type.Enum(matchConfidences, {
    description: 'likely: probably the same story; possible: shares something, may be a coincidence',
  }),
  reasons: Type.Array(Type.Enum(insightReasons), { description: 'Why it was offered, strongest first' }),
  terms: Type.Array(Type.String(), { description: 'Words it shares with the text' }),
})
export type SimilarIncident = Static<typeof SimilarIncident>

export const SimilarIncidents = Type.Object({ items: Type.Array(SimilarIncident) })
export type SimilarIncidents = Static<typeof SimilarIncidents>
