import { MIN_ANONYMITY_GROUP, type Role, rolesSeeingAllRestricted } from '@misalign/shared'
import { eq, inArray, or, type SQL, sql } from 'drizzle-orm'
import { incidents } from '../../schema/index'

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
 * The team an anonymous report from `teamId` is shown as: the parent team when the team has
 * fewer than MIN_ANONYMITY_GROUP active members, so the few people in it cannot be singled out.
 * The one definition of the rule; `teamId` may be a column or a value.
 */
export const shownTeamFor = (teamId: SQL | string) => sql<string>`(select case when (
    select count(*) from memberships m join users u on u.id = m.user_id and u.disabled_at is null
    where m.team_id = shown_team.id
  ) < ${MIN_ANONYMITY_GROUP} then coalesce(shown_team.parent_team_id, shown_team.id) else shown_team.id end
  from teams shown_team where shown_team.id = ${teamId})`

/** The team others see on a report: the reporting team, or for an anonymous one `shownTeamFor` it. */
export const displayedTeamId = sql<string>`case when ${incidents.anonymous}
  then ${shownTeamFor(sql`${incidents.reportingTeamId}`)} else ${incidents.reportingTeamId} end`

export function isMine(
  row: { reporterId: string | null; reporterKey: string | null },
  viewer: IncidentViewer | undefined,
): boolean {
  if (!viewer) return false
  return row.reporterId === viewer.userId || (row.reporterKey !== null && row.reporterKey === viewer.reporterKey)
}

/** An anonymous report shows others the day it was filed, not the second. */
export const toDay = (instant: Date) => `${instant.toISOString().slice(0, 10)}T00:00:00.000Z`
