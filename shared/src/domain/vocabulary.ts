/**
 * The enumerations of DESIGN.md, as `as const` tuples: Postgres enums, TypeBox schemas
 * and the web app's selects are all built from these lists.
 */
export const roles = ['member', 'lead', 'leader', 'admin'] as const
export type Role = (typeof roles)[number]

export const decisionStatuses = ['active', 'superseded', 'reversed'] as const
export type DecisionStatus = (typeof decisionStatuses)[number]

export const strategyStatuses = ['draft', 'published', 'retired'] as const
export type StrategyStatus = (typeof strategyStatuses)[number]

export const gapStatuses = ['open', 'acknowledged', 'published', 'verified', 'wont_fix'] as const
export type GapStatus = (typeof gapStatuses)[number]

export const incidentStatuses = ['open', 'triaged', 'in_retro', 'resolved'] as const
export type IncidentStatus = (typeof incidentStatuses)[number]

export const discoveryChannels = [
  'code_review',
  'design_review',
  'planning',
  'launch',
  'production',
  'customer',
  'chat',
  'meeting',
  'announcement',
  'other',
] as const
export type DiscoveryChannel = (typeof discoveryChannels)[number]

export const harmKinds = ['rework', 'delay', 'customer', 'cost', 'quality', 'morale', 'opportunity'] as const
export type HarmKind = (typeof harmKinds)[number]

export const rootCauses = [
  'missing_strategy',
  'stale_strategy',
  'agreement_without_why',
  'hidden_decision',
  'conflicting_priorities',
  'unknown',
] as const
export type RootCause = (typeof rootCauses)[number]

export const signalKinds = ['near_miss', 'autonomy_win'] as const
export type SignalKind = (typeof signalKinds)[number]

export const clusterStatuses = ['suggested', 'confirmed', 'dismissed'] as const
export type ClusterStatus = (typeof clusterStatuses)[number]

export const clusterMemberSources = ['auto', 'manual'] as const
export type ClusterMemberSource = (typeof clusterMemberSources)[number]

export const retroStatuses = ['planned', 'held', 'closed'] as const
export type RetroStatus = (typeof retroStatuses)[number]

export const actionStatuses = ['open', 'done', 'not_doing'] as const
export type ActionStatus = (typeof actionStatuses)[number]

export const alignmentActionKinds = [
  'share_strategy',
  'state_tradeoff',
  'generalize_decision',
  'make_discoverable',
  'schedule_strategy_review',
] as const
export const antiMisalignmentActionKinds = [
  'add_sync_meeting',
  'add_approval_gate',
  'restrict_visibility',
  'freeze_decisions',
  'require_lockstep',
] as const
export const actionKinds = [...alignmentActionKinds, ...antiMisalignmentActionKinds] as const
export type ActionKind = (typeof actionKinds)[number]

/** "we prefer X over Y, for goal Z": the unit of clarity. */
export interface Tradeoff {
  prefer: string
  over: string
  forGoal: string
}
