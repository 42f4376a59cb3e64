import {
  actionKinds,
  actionStatuses,
  clusterMemberSources,
  clusterStatuses,
  decisionStatuses,
  discoveryChannels,
  gapStatuses,
  harmKinds,
  incidentStatuses,
  retroStatuses,
  roles,
  rootCauses,
  signalKinds,
  strategyStatuses,
} from '@misalign/shared'
import { pgEnum } from 'drizzle-orm/pg-core'

// The value lists live in shared/ so the API schemas, the web app and Postgres agree.
export const roleEnum = pgEnum('role', roles)
export const decisionStatusEnum = pgEnum('decision_status', decisionStatuses)
export const strategyStatusEnum = pgEnum('strategy_status', strategyStatuses)
export const gapStatusEnum = pgEnum('gap_status', gapStatuses)
export const incidentStatusEnum = pgEnum('incident_status', incidentStatuses)
export const discoveryChannelEnum = pgEnum('discovery_channel', discoveryChannels)
export const harmKindEnum = pgEnum('harm_kind', harmKinds)
export const rootCauseEnum = pgEnum('root_cause', rootCauses)
export const signalKindEnum = pgEnum('signal_kind', signalKinds)
export const clusterStatusEnum = pgEnum('cluster_status', clusterStatuses)
export const clusterMemberSourceEnum = pgEnum('cluster_member_source', clusterMemberSources)
export const retroStatusEnum = pgEnum('retro_status', retroStatuses)
export const actionStatusEnum = pgEnum('action_status', actionStatuses)
export const actionKindEnum = pgEnum('action_kind', actionKinds)
