import { describe, expect, it } from 'vitest'
import { type ActivityNames, checkImpact, describeAuditEntry, describeComment } from './incident-activity'

const names: ActivityNames = {
  team: (id) => ({ t1: 'Payments', t2: 'Checkout' })[id],
  decision: (id) => (id === 'd1' ? 'Drop the v1 API' : undefined),
  gap: (id) => (id === 'g1' ? 'No API lifecycle strategy' : undefined),
  incident: (id) => (id === 'i2' ? 'MIS-2' : undefined),
}

describe('the activity feed in plain words', () => {
  it('says who set the root cause, in the words of the page', () => {
    const words = describeAuditEntry(
      {
        action: 'update',
        actorName: 'Ana',
        changes: { rootCause: { before: 'unknown', after: 'hidden_decision' }, version: { before: 1, after: 2 } },
      },
      names,
    )
    expect(words).toEqual({ summary: 'Ana set the root cause to Hidden decision', details: [] })
  })

  it('lists each change of a many-field edit and keeps the summary short', () => {
    const words = describeAuditEntry(
      {
        action: 'update',
        actorName: 'Ana',
        changes: {
          status: { before: 'open', after: 'triaged' },
          decisionId: { before: null, after: 'd1' },
          decisionOwnerTeamId: { before: null, after: 't1' },
          gapId: { before: null, after: 'g1' },
        },
      },
      names,
    )
    expect(words.summary).toBe('Ana set the status to Triaged, linked the decision “Drop the v1 API” and made 2 more changes')
    expect(words.details).toEqual([
      'set the status to Triaged',
      'linked the decision “Drop the v1 API”',
      'set the decision owner to Payments',
      'linked the strategy gap “No API lifecycle strategy”',
    ])
  })

  it('never names what the reader may not see', () => {
    const hidden = describeAuditEntry(
      { action: 'mark_unrelated', actorName: 'Bo', changes: { unrelatedTo: { after: 'secret' } } },
      names,
    )
    expect(hidden.summary).toBe('Bo marked another incident as not related')
  })

  it('words another team’s impact with its weighted harm', () => {
    const words = describeAuditEntry(
      {
        action: 'impact.add',
        actorName: 'Someone (anonymous)',
        changes: { teamId: { after: 't2' }, harm: { after: 3 }, surprise: { after: 4 } },
      },
      names,
    )
    expect(words.summary).toBe('Someone (anonymous) added that this hurt Checkout too: harm 3 × surprise 4 = 12')
  })

  it('names the teams a comment mentions', () => {
    expect(describeComment('Ana', ['Payments', 'Checkout'])).toBe('Ana commented and mentioned Payments and Checkout')
    expect(describeComment('Ana', [])).toBe('Ana commented')
  })
})

describe('this hurt us too', () => {
  it('needs surprise and harm, as an incident does', () => {
    expect(checkImpact({ surprise: 3, harm: 2 })).toEqual([])
    expect(checkImpact({ surprise: 3, harm: 0 }).map((p) => p.field)).toEqual(['harm'])
    expect(checkImpact({ surprise: 0, harm: 0 }).map((p) => p.field)).toEqual(['surprise', 'harm'])
  })
})
