import { type Action, mayAttempt, type Role } from '@misalign/shared'

export interface NavLinkSpec {
  to: string
  label: string
  /** Shown only to roles that may attempt this action (the policy table decides, not the shell). */
  action?: Action
  /** Hidden from roles that may attempt this action: they find the screen under another group. */
  unless?: Action
}

export interface NavGroup {
  label: string
  links: NavLinkSpec[]
}

/**
 * The navigation, grouped by what people come to do: work on reports, understand where
 * misalignment comes from, keep the registers, administer. "Report" is not here: the shell
 * keeps it one click away as a button at every width.
 */
export const navGroups: NavGroup[] = [
  {
    label: 'Work',
    links: [
      { to: '/my-reports', label: 'My reports' },
      { to: '/incidents', label: 'Incidents' },
      { to: '/triage', label: 'Triage', action: 'triage.read' },
      { to: '/clusters', label: 'Clusters' },
      { to: '/retros', label: 'Retros' },
      { to: '/actions', label: 'Actions' },
    ],
  },
  {
    label: 'Understand',
    links: [
      { to: '/dashboard', label: 'Dashboard' },
      { to: '/strategy-gaps', label: 'Strategy gaps' },
      { to: '/leadership', label: 'Leadership', action: 'leadership.read' },
      { to: '/glossary', label: 'Glossary' },
    ],
  },
  {
    label: 'Registers',
    links: [
      { to: '/decisions', label: 'Decisions' },
      { to: '/strategies', label: 'Strategies' },
      { to: '/priorities', label: 'Priorities' },
      // Everyone may read the teams; only admins manage them, and find them under Admin.
      { to: '/teams', label: 'Teams', unless: 'team.manage' },
    ],
  },
  {
    label: 'Admin',
    links: [
      { to: '/teams', label: 'Teams', action: 'team.manage' },
      { to: '/admin/integrations', label: 'Integrations', action: 'integration.manage' },
      { to: '/admin/webhooks', label: 'Webhooks', action: 'integration.manage' },
      { to: '/admin/import', label: 'Import incidents', action: 'incident.import' },
    ],
  },
]

/** The groups a role sees: links it may not use are left out, and so are groups left empty. */
export function navigationFor(user: { role: Role }): NavGroup[] {
  return navGroups
    .map((group) => ({
      ...group,
      links: group.links.filter(
        (link) => (!link.action || mayAttempt(user, link.action)) && !(link.unless && mayAttempt(user, link.unless)),
      ),
    }))
    .filter((group) => group.links.length > 0)
}

/**
 * Where "/" takes each role: a member to what became of their reports, a lead to the triage
 * inbox, a leader to the leadership review, and an admin (who acts on the same review) there too.
 */
const homePaths: Record<Role, string> = {
  member: '/my-reports',
  lead: '/triage',
  leader: '/leadership',
  admin: '/leadership',
}

export const homePathFor = (user: { role: Role }): string => homePaths[user.role]
