import { describe, expect, it } from 'vitest'
import { actions, can, canAssignActionTo, canSeeIncident, canTransfer, mayAttempt, policy, type Viewer } from './policy'
import { roles } from './vocabulary'

const viewer = (role: Viewer['role'], teamIds: string[] = ['team-a']): Viewer => ({ userId: 'u1', role, teamIds })

describe('the policy table', () => {
  it('has a scope for every role on every action', () => {
    for (const action of actions) for (const role of roles) expect(policy[action][role]).toMatch(/^(none|self|team|org)$/)
  })

  it('lets anyone signed in file an incident', () => {
    for (const role of roles) expect(can(viewer(role), 'incident.file')).toBe(true)
  })

  it('lets only admins manage teams, users and tokens', () => {
    for (const action of ['team.manage', 'user.manage', 'token.manage'] as const) {
      expect(roles.filter((role) => mayAttempt(viewer(role), action))).toEqual(['admin'])
    }
  })

  it("lets a lead change their own team's decisions but not another team's", () => {
    expect(can(viewer('lead'), 'decision.update', { teamIds: ['team-a'] })).toBe(true)
    expect(can(viewer('lead'), 'decision.update', { teamIds: ['team-b'] })).toBe(false)
    expect(can(viewer('leader'), 'decision.update', { teamIds: ['team-b'] })).toBe(true)
    expect(can(viewer('member'), 'decision.update', { teamIds: ['team-a'] })).toBe(false)
  })

  it('lets a member edit their own report and nobody else’s', () => {
    expect(can(viewer('member'), 'incident.update', { teamIds: ['team-a'], isOwnedByViewer: true })).toBe(true)
    expect(can(viewer('member'), 'incident.update', { teamIds: ['team-a'] })).toBe(false)
  })
})

describe('restricted incidents', () => {
  const restricted = { restricted: true, reportingTeamId: 'team-a' }

  it('are seen by the reporting team, leaders and admins', () => {
    expect(canSeeIncident(viewer('member'), restricted)).toBe(true)
    expect(canSeeIncident(viewer('leader', []), restricted)).toBe(true)
    expect(canSeeIncident(viewer('admin', []), restricted)).toBe(true)
  })

  it('are not seen by members or leads of other teams', () => {
    expect(canSeeIncident(viewer('member', ['team-b']), restricted)).toBe(false)
    expect(canSeeIncident(viewer('lead', ['team-b']), restricted)).toBe(false)
  })

  it('are seen by their reporter even after leaving the team', () => {
    expect(canSeeIncident(viewer('member', []), { ...restricted, isOwnedByViewer: true })).toBe(true)
  })
})

describe('the triage queue', () => {
  it('is open to leads, leaders and admins, not to members', () => {
    expect(roles.filter((role) => mayAttempt(viewer(role), 'triage.read'))).toEqual(['lead', 'leader', 'admin'])
  })

  it('links decisions by the rule for editing the incident: a lead only on their own team’s reports', () => {
    expect(can(viewer('lead'), 'incident.update', { teamIds: ['team-a'] })).toBe(true)
    expect(can(viewer('lead'), 'incident.update', { teamIds: ['team-b'] })).toBe(false)
  })
})

describe('handing something to another team', () => {
  it('needs the right over both the old and the new owner', () => {
    expect(canTransfer(viewer('lead', ['team-a']), 'decision.update', 'team-a', 'team-b')).toBe(false)
    expect(canTransfer(viewer('lead', ['team-a', 'team-b']), 'decision.update', 'team-a', 'team-b')).toBe(true)
    expect(canTransfer(viewer('lead', ['team-b']), 'decision.update', 'team-a', 'team-b')).toBe(false)
    expect(canTransfer(viewer('leader', []), 'decision.update', 'team-a', 'team-b')).toBe(true)
    expect(canTransfer(viewer('member', ['team-a', 'team-b']), 'decision.update', 'team-a', 'team-b')).toBe(false)
  })

  it('lets a lead give an action to a team the retro is about, or their own, and no other', () => {
    const lead = viewer('lead', ['team-a'])
    expect(canAssignActionTo(lead, 'team-b', ['team-a', 'team-b'])).toBe(true)
    expect(canAssignActionTo(lead, 'team-a', ['team-c'])).toBe(true)
    expect(canAssignActionTo(lead, 'team-c', ['team-a', 'team-b'])).toBe(false)
    expect(canAssignActionTo(viewer('leader', []), 'team-c', [])).toBe(true)
  })
})
