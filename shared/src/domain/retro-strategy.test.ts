import { describe, expect, it } from 'vitest'
import { likeliestOwnerTeam, type RetroForStrategy, strategyDraftFromRetro, strategyGapFromRetro } from './retro-strategy'

const tradeoff = { prefer: 'one API version', over: 'long deprecation windows', forGoal: 'a smaller surface' }

function retro(overrides: Partial<RetroForStrategy['retro']> = {}): RetroForStrategy {
  return {
    retro: { title: 'Retro: v1 sunset', summary: 'Nobody knew the date.', tradeoff, ...overrides },
    cluster: { title: 'Recurring: v1 sunset' },
    incidents: [
      { key: 'MIS-1', missingContext: 'The sunset date', decisionOwnerTeamId: 'payments' },
      { key: 'MIS-2', missingContext: '  ', decisionOwnerTeamId: 'payments' },
      { key: 'MIS-3', missingContext: 'Who to ask', decisionOwnerTeamId: 'identity' },
    ],
    teams: [{ id: 'payments' }, { id: 'checkout' }, { id: 'identity' }],
  }
}

describe('strategyDraftFromRetro', () => {
  it('offers nothing until the retro states a tradeoff', () => {
    expect(strategyDraftFromRetro(retro({ tradeoff: null }), { today: '2026-03-01', viewerTeamIds: [] })).toBeNull()
  })

  it('prefills title, context, owner, scope, tradeoff and a review date a quarter away', () => {
    const draft = strategyDraftFromRetro(retro(), { today: '2026-03-01', viewerTeamIds: ['checkout'] })
    expect(draft).toEqual({
      title: 'Prefer one API version over long deprecation windows',
      context:
        'From the retro "Retro: v1 sunset" on "Recurring: v1 sunset".\n\nNobody knew the date.\n\nWhat the incidents said was missing:\n- MIS-1: The sunset date\n- MIS-3: Who to ask',
      ownerTeamId: 'payments',
      scopeTeamIds: ['payments', 'checkout', 'identity'],
      tradeoffs: [tradeoff],
      reviewBy: '2026-05-31',
    })
  })

  it('takes the choices the facilitator made over the defaults', () => {
    const draft = strategyDraftFromRetro(retro(), {
      today: '2026-03-01',
      title: 'API lifecycle',
      ownerTeamId: 'checkout',
      reviewBy: '2026-12-31',
      viewerTeamIds: [],
    })
    expect(draft).toMatchObject({ title: 'API lifecycle', ownerTeamId: 'checkout', reviewBy: '2026-12-31' })
  })

  it("falls back to the facilitator's team when no incident names a decision owner", () => {
    const input = { ...retro(), incidents: [{ key: 'MIS-1', missingContext: '', decisionOwnerTeamId: null }] }
    expect(strategyDraftFromRetro(input, { today: '2026-03-01', viewerTeamIds: ['checkout'] })?.ownerTeamId).toBe('checkout')
  })

  it('keeps a long tradeoff within the title limit', () => {
    const long = { prefer: 'x'.repeat(300), over: 'y', forGoal: 'z' }
    expect(strategyDraftFromRetro(retro({ tradeoff: long }), { today: '2026-03-01', viewerTeamIds: [] })?.title.length).toBe(200)
  })
})

describe('likeliestOwnerTeam', () => {
  it('picks the team whose decisions caused most incidents', () => {
    expect(likeliestOwnerTeam(retro().incidents)).toBe('payments')
    expect(likeliestOwnerTeam([])).toBeNull()
  })
})

describe('strategyGapFromRetro', () => {
  it('names the gap after the cluster and describes it with the missing context', () => {
    const gap = strategyGapFromRetro(retro(), {})
    expect(gap.title).toBe('Missing strategy behind Recurring: v1 sunset')
    expect(gap.description).toContain('- MIS-1: The sunset date')
    expect(strategyGapFromRetro(retro(), { title: 'API lifecycle', description: 'd' })).toEqual({
      title: 'API lifecycle',
      description: 'd',
    })
  })
})
