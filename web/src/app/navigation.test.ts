import { describe, expect, it } from 'vitest'
import { homePathFor, navigationFor } from './navigation'

const labelsFor = (role: 'member' | 'lead' | 'leader' | 'admin') =>
  navigationFor({ role }).map((group) => `${group.label}: ${group.links.map((link) => link.label).join(', ')}`)

describe('the navigation a role sees', () => {
  it('gives a member no triage, no leadership review and no admin group', () => {
    expect(labelsFor('member')).toEqual([
      'Work: My reports, Incidents, Clusters, Retros, Actions',
      'Understand: Dashboard, Strategy gaps, Glossary',
      'Registers: Decisions, Strategies, Priorities, Teams',
    ])
  })

  it('gives a lead triage and the leadership review', () => {
    expect(labelsFor('lead')).toEqual([
      'Work: My reports, Incidents, Triage, Clusters, Retros, Actions',
      'Understand: Dashboard, Strategy gaps, Leadership, Glossary',
      'Registers: Decisions, Strategies, Priorities, Teams',
    ])
  })

  it('moves Teams under Admin for the people who manage them, beside the integrations', () => {
    expect(labelsFor('admin').slice(2)).toEqual([
      'Registers: Decisions, Strategies, Priorities',
      'Admin: Teams, Integrations, Webhooks, Import incidents',
    ])
  })
})

describe('the home page of a role', () => {
  it('sends members to their reports, leads to triage and leaders and admins to the review', () => {
    expect(homePathFor({ role: 'member' })).toBe('/my-reports')
    expect(homePathFor({ role: 'lead' })).toBe('/triage')
    expect(homePathFor({ role: 'leader' })).toBe('/leadership')
    expect(homePathFor({ role: 'admin' })).toBe('/leadership')
  })
})
