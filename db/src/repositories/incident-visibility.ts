import { MIN_ANONYMITY_GROUP, type Role, rolesSeeingAllRestricted } from '@misalign/shared'
import { eq, inArray, or, type SQL, sql } from 'drizzle-orm'
import { incidents } from '../schema/index'

/**
 * Who is looking. `reporterKey` is the keyed hash that marks their own anonymous reports
 * (computed by the API from a secret the database never holds).
 */
export interface IncidentViewer {
  userId: string
  role: Role
  teamIds: readonly string[]
  reporterKey: string
}

/**
 * Restricted incidents exist only for the reporting team, leaders, admins and their reporter.
 * Every read of incidents — lists, counts, charts, suggestions — goes through this condition.
 */
export function visibleTo(viewer: IncidentViewer): SQL | undefined {
  if (rolesSeeingAllRestricted.includes(viewer.role)) return undefined
  return or(
    eq(incidents.restricted, false),
    viewer.teamIds.length > 0 ? inArray(incidents.reportingTeamId, [...viewer.teamIds]) : undefined,
    eq(incidents.reporterId, viewer.userId),
    eq(incidents.reporterKey, viewer.reporterKey),
  )
}

/**
 * The team others see on a report: an anonymous report from a team of fewer than
 * MIN_ANONYMITY_GROUP active members shows the parent team instead, so the few people in
 * it cannot be singled out.
 */
export const displayedTeamId = sql<string>`case
  when ${incidents.anonymous} and (
    select count(*) from memberships m join users u on u.id = m.user_id and u.disabled_at is null
    where m.team_id = ${incidents.reportingTeamId}
  ) < ${MIN_ANONYMITY_GROUP}
  then coalesce((select t.parent_team_id from teams t where t.id = ${incidents.reportingTeamId}), ${incidents.reportingTeamId})
  else ${incidents.reportingTeamId} end`

export function isMine(
  row: { reporterId: string | null; reporterKey: string | null },
  viewer: IncidentViewer | undefined,
): boolean {
  if (!viewer) return false
  return row.reporterId === viewer.userId || (row.reporterKey !== null && row.reporterKey === viewer.reporterKey)
}

/** An anonymous report shows others the day it was filed, not the second. */
export const toDay = (instant: Date) => `${instant.toISOString().slice(0, 10)}T00:00:00.000Z`
