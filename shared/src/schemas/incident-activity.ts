import { type Static, Type } from 'typebox'
import { clusterStatuses, harmKinds } from '../domain/vocabulary'
import { DateTime, Nullable, PageQuery, Text, Uuid } from './common'

/*
 * The incident page's own wire shapes: its activity feed, comments that mention teams, and
 * "this hurt us too" — another team's impact on the same incident (docs/decisions/023).
 */

const HarmKinds = Type.Array(Type.Enum(harmKinds), { uniqueItems: true, maxItems: harmKinds.length })

export const ImpactParams = Type.Object(
  {
    id: Type.String({ pattern: '^([0-9a-fA-F-]{36}|MIS-[0-9]{1,9})$', description: 'A uuid or MIS-<number>' }),
    impactId: Uuid,
  },
  { additionalProperties: false },
)
export type ImpactParams = Static<typeof ImpactParams>

export const TeamMention = Type.Object({ teamId: Uuid, teamName: Type.String() })

export const IncidentComment = Type.Object({
  id: Uuid,
  incidentId: Uuid,
  authorId: Nullable(Uuid),
  authorName: Type.String(),
  body: Type.String(),
  mentions: Type.Array(TeamMention, { description: 'The teams the comment calls on' }),
  createdAt: DateTime,
})
export type IncidentComment = Static<typeof IncidentComment>

export const NewIncidentComment = Type.Object(
  {
    body: Text(5_000, { minLength: 1, description: 'The comment, in plain words' }),
    mentionTeamIds: Type.Optional(
      Type.Array(Uuid, { uniqueItems: true, maxItems: 20, description: 'Teams to call on; they are named in the feed' }),
    ),
  },
  { additionalProperties: false },
)
export type NewIncidentComment = Static<typeof NewIncidentComment>

export const activityKinds = ['change', 'comment'] as const
export const ActivityEntry = Type.Object({
  id: Uuid,
  kind: Type.Enum(activityKinds),
  at: DateTime,
  actorName: Type.String({ description: 'Who did it, as others may see it: never an anonymous reporter' }),
  summary: Type.String({ description: 'What happened, in plain words ("Ana set the root cause to Hidden decision")' }),
  details: Type.Array(Type.String(), { description: 'One sentence per changed field, for an entry that changed several' }),
  comment: Nullable(IncidentComment),
})
export type ActivityEntry = Static<typeof ActivityEntry>

export const ActivityQuery = Type.Object({ ...PageQuery }, { additionalProperties: false })
export type ActivityQuery = Static<typeof ActivityQuery>

export const IncidentImpact = Type.Object({
  id: Uuid,
  incidentId: Uuid,
  teamId: Uuid,
  isMine: Type.Boolean({ description: 'You added it (also true for your own anonymous ones)' }),
  anonymous: Type.Boolean(),
  reporterId: Nullable(Uuid),
  surprise: Type.Integer({ minimum: 1, maximum: 5 }),
  harm: Type.Integer({ minimum: 1, maximum: 5 }),
  harmKinds: HarmKinds,
  engineerDaysLost: Nullable(Type.Number()),
  delayDays: Nullable(Type.Integer()),
  note: Type.String(),
  weightedHarm: Type.Integer({ description: 'harm × surprise (1–25)' }),
  createdAt: DateTime,
})
export type IncidentImpact = Static<typeof IncidentImpact>

export const NewIncidentImpact = Type.Object(
  {
    teamId: Uuid,
    surprise: Type.Integer({ minimum: 0, maximum: 5, description: 'How surprising it was to your team, 1–5' }),
    harm: Type.Integer({ minimum: 0, maximum: 5, description: 'How harmful to your team, 1–5; 0 is not an impact' }),
    harmKinds: Type.Optional(HarmKinds),
    engineerDaysLost: Type.Optional(Type.Number({ minimum: 0, maximum: 100_000, multipleOf: 0.1 })),
    delayDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
    note: Type.Optional(Text(2_000, { description: 'How it hurt your team, in a sentence' })),
    anonymous: Type.Optional(
      Type.Boolean({ default: false, description: 'Others see no name, the day only, and a small team as its parent' }),
    ),
  },
  { additionalProperties: false },
)
export type NewIncidentImpact = Static<typeof NewIncidentImpact>

export const IncidentImpacts = Type.Object({
  items: Type.Array(IncidentImpact),
  weightedHarm: Type.Object({
    incident: Type.Integer({ description: "The reporting team's harm × surprise" }),
    impacts: Type.Integer({ description: "The sum of the other teams' harm × surprise" }),
    total: Type.Integer(),
    explanation: Type.String(),
  }),
})
export type IncidentImpacts = Static<typeof IncidentImpacts>

export const IncidentClusterRef = Type.Object({
  id: Uuid,
  title: Type.String(),
  status: Type.Enum(clusterStatuses),
})
export const IncidentClusters = Type.Object({ items: Type.Array(IncidentClusterRef) })
export type IncidentClusters = Static<typeof IncidentClusters>
