import type { Role } from './vocabulary'

/**
 * Who may do what, written once. Read a row as: "a <role> may <action> on <scope>".
 *
 *   none  — never
 *   self  — only what is their own (their own report, their own session)
 *   team  — resources of a team they belong to (the owning, reporting or owner team)
 *   org   — anything in the org
 *
 * Visibility of restricted incidents is a separate rule (`canSeeIncident`): for anyone who
 * may not see one, it does not exist (404, absent from every list, count and chart).
 */
export type Scope = 'none' | 'self' | 'team' | 'org'

// biome-ignore format: the policy reads as a table
export const policy = {
  //                          member    lead      leader   admin
  'incident.read':        row('org',    'org',    'org',   'org'),
  'incident.file':        row('org',    'org',    'org',   'org'),
  'incident.update':      row('self',   'team',   'org',   'org'),
  // Anyone who can see an incident may comment on it and mention teams.
  'incident.comment':     row('org',    'org',    'org',   'org'),
  // Incidents from another system's file, any team's, any reporter's: admins (ADR 041).
  'incident.import':      row('none',   'none',   'none',  'org'),
  // "This hurt us too": a team adds its own harm to an incident; members and leads for their
  // own teams, leaders and admins for any team. Removing one is for whoever added it, leads of
  // its team, leaders and admins.
  'impact.add':           row('team',   'team',   'org',   'org'),
  'impact.remove':        row('self',   'team',   'org',   'org'),
  // The queue of incidents with no decision: a lead's opens on their own teams, but may look wider.
  'triage.read':          row('none',   'org',    'org',   'org'),
  'decision.read':        row('org',    'org',    'org',   'org'),
  // Anyone filing may record the decision that hurt them, whoever owns it.
  'decision.create':      row('org',    'org',    'org',   'org'),
  'decision.update':      row('none',   'team',   'org',   'org'),
  'strategy.read':        row('org',    'org',    'org',   'org'),
  'strategy.write':       row('none',   'team',   'org',   'org'),
  'priority.read':        row('org',    'org',    'org',   'org'),
  // The register is shared by every team: leads, leaders and admins name and merge its words,
  // and confirm which priorities a stated tradeoff picked.
  'priority.write':       row('none',   'org',    'org',   'org'),
  'gap.read':             row('org',    'org',    'org',   'org'),
  'gap.create':           row('none',   'org',    'org',   'org'),
  'gap.update':           row('none',   'none',   'org',   'org'),
  'cluster.read':         row('org',    'org',    'org',   'org'),
  // Facilitators (leads, leaders, admins) confirm, rename, merge and split clusters org-wide.
  'cluster.edit':         row('none',   'org',    'org',   'org'),
  'retro.read':           row('org',    'org',    'org',   'org'),
  // A lead facilitates retros on clusters that touch their team: it reported one of the
  // incidents (as shown to others) or its decision caused one.
  'retro.write':          row('none',   'team',   'org',   'org'),
  'action.read':          row('org',    'org',    'org',   'org'),
  // A lead records and updates actions on such a retro, and actions their team owns.
  'action.write':         row('none',   'team',   'org',   'org'),
  // The leadership review: leads read it (their teams' gaps are on it), leaders and admins act on it.
  'leadership.read':      row('none',   'org',    'org',   'org'),
  // Anyone may see that a decision's tradeoff was asked for: the owning team must see it to answer.
  'tradeoff_request.read':   row('org',  'org',  'org', 'org'),
  'tradeoff_request.create': row('none', 'none', 'org', 'org'),
  'team.read':            row('org',    'org',    'org',   'org'),
  'team.manage':          row('none',   'none',   'none',  'org'),
  'user.manage':          row('none',   'none',   'none',  'org'),
  'token.manage':         row('none',   'none',   'none',  'org'),
  'audit.read':           row('none',   'none',   'none',  'org'),
  // Background jobs whose tries are spent: admins read their errors and send them again.
  'job.manage':           row('none',   'none',   'none',  'org'),
  // Slack's team channels, its test message and the log of what was sent: admins.
  'integration.manage':   row('none',   'none',   'none',  'org'),
  'session.own':          row('self',   'self',   'self',  'self'),
  // The language check reads nothing stored: anyone signed in may run it (integrations too).
  'language.check':       row('org',    'org',    'org',   'org'),
} as const satisfies Record<string, Record<Role, Scope>>

export type Action = keyof typeof policy
export const actions = Object.keys(policy) as Action[]

function row(member: Scope, lead: Scope, leader: Scope, admin: Scope): Record<Role, Scope> {
  return { member, lead, leader, admin }
}

export interface Viewer {
  userId: string
  role: Role
  teamIds: readonly string[]
}

/** What the resource is, as far as permission goes: its team(s) and, for reports, whose it is. */
export interface ResourceOwnership {
  teamIds?: readonly (string | null | undefined)[]
  isOwnedByViewer?: boolean
}

export function scopeOf(viewer: Pick<Viewer, 'role'>, action: Action): Scope {
  return policy[action][viewer.role]
}

/** May the viewer take the action at all (before looking at a particular resource)? */
export function mayAttempt(viewer: Pick<Viewer, 'role'>, action: Action): boolean {
  return scopeOf(viewer, action) !== 'none'
}

/** May the viewer take the action on this resource? A wider scope includes the narrower ones. */
export function can(viewer: Viewer, action: Action, resource: ResourceOwnership = {}): boolean {
  const scope = scopeOf(viewer, action)
  if (scope === 'org') return true
  if (scope === 'none') return false
  if (resource.isOwnedByViewer) return true
  if (scope === 'team') return (resource.teamIds ?? []).some((teamId) => !!teamId && viewer.teamIds.includes(teamId))
  return false
}

/**
 * Handing a resource to another team: the viewer needs the right over the team that owns it
 * now and over the team that will own it, so nobody gives work away to a team they cannot act for.
 */
export function canTransfer(viewer: Viewer, action: Action, fromTeamId: string, toTeamId: string): boolean {
  return can(viewer, action, { teamIds: [fromTeamId] }) && can(viewer, action, { teamIds: [toTeamId] })
}

/**
 * Who may own a retro's action: a team the retro is about (it reported or caused one of the
 * incidents), or a team the viewer may act for. A lead cannot hand work to an uninvolved team.
 */
export function canAssignActionTo(viewer: Viewer, ownerTeamId: string, retroTeamIds: readonly string[]): boolean {
  return retroTeamIds.includes(ownerTeamId) || can(viewer, 'action.write', { teamIds: [ownerTeamId] })
}

/** Restricted incidents: the reporting team's members, leaders and admins only. */
export function canSeeIncident(
  viewer: Viewer,
  incident: { restricted: boolean; reportingTeamId: string; isOwnedByViewer?: boolean },
): boolean {
  if (!incident.restricted) return true
  if (viewer.role === 'leader' || viewer.role === 'admin') return true
  return incident.isOwnedByViewer === true || viewer.teamIds.includes(incident.reportingTeamId)
}

/** Roles that see every restricted incident. */
export const rolesSeeingAllRestricted: readonly Role[] = ['leader', 'admin']

/** Below this many members, a team is shown as its parent on anonymous reports. */
export const MIN_ANONYMITY_GROUP = 5
