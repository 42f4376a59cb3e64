import { describe, expect, it } from 'vitest'
import { findConflicts, normalizePriority, type PriorityHolder } from './conflicts'

const t = (prefer: string, over: string, forGoal = 'a goal') => ({ prefer, over, forGoal })
const holder = (
  id: string,
  tradeoffs: ReturnType<typeof t>[],
  scopeTeamIds: string[] | null = null,
  kind: PriorityHolder['kind'] = 'strategy',
): PriorityHolder => ({ kind, id, tradeoffs, scopeTeamIds })

describe('normalizePriority', () => {
  it('ignores case, punctuation and runs of whitespace', () => {
    expect(normalizePriority('  Checkout-Conversion!! ')).toBe('checkout conversion')
    expect(normalizePriority('checkout   conversion')).toBe('checkout conversion')
    expect(normalizePriority('“Fraud-check” strictness.')).toBe('fraud check strictness')
  })

  it('keeps words and digits apart from what separates them', () => {
    expect(normalizePriority('p95 < 200ms')).toBe('p95 200ms')
  })
})

describe('findConflicts', () => {
  it('finds X over Y against Y over X, with both sides and every holder', () => {
    const conflicts = findConflicts([
      holder('s1', [t('Checkout conversion', 'fraud-check strictness')]),
      holder('d1', [t('checkout conversion', 'Fraud check strictness.')], ['checkout'], 'decision'),
      holder('s2', [t('Fraud-check strictness', 'checkout conversion')]),
      holder('d2', [t('fraud check strictness', 'checkout conversion')], ['fraud'], 'decision'),
    ])
    expect(conflicts).toHaveLength(1)
    const [conflict] = conflicts
    expect(conflict?.kind).toBe('opposite')
    expect(conflict?.sideA.prefer).toBe('Checkout conversion')
    expect(conflict?.sideA.holders.map((h) => h.id)).toEqual(['s1', 'd1'])
    expect(conflict?.sideB.holders.map((h) => h.id)).toEqual(['s2', 'd2'])
    // One side applies to the whole org, so the other's teams are where they meet.
    expect(conflict?.sharedScopeTeamIds).toEqual(['checkout', 'fraud'])
  })

  it('reports each opposite pair once, whichever order the holders come in', () => {
    const a = holder('a', [t('speed', 'safety')])
    const b = holder('b', [t('safety', 'speed')])
    expect(findConflicts([a, b])).toEqual(findConflicts([b, a]))
    expect(findConflicts([a, b])).toHaveLength(1)
  })

  it('finds no conflict between holders that state the same preference', () => {
    expect(findConflicts([holder('a', [t('speed', 'safety')]), holder('b', [t('Speed', 'Safety')])])).toEqual([])
  })

  it('ignores half-written tradeoffs and a preference of a thing over itself', () => {
    expect(findConflicts([holder('a', [t('', 'safety')]), holder('b', [t('safety', '')])])).toEqual([])
    expect(findConflicts([holder('a', [t('speed', 'Speed!')]), holder('b', [t('speed', 'speed')])])).toEqual([])
  })

  it('finds competing goals where one gives up what the other prefers, for teams in both scopes', () => {
    const conflicts = findConflicts([
      holder('cost', [t('lower cloud cost', 'index freshness')], ['search', 'seo']),
      holder('fresh', [t('data freshness', 'lower cloud cost')], ['seo', 'analytics']),
    ])
    expect(conflicts).toEqual([
      {
        key: 'competing:text:lower cloud cost > text:index freshness | text:data freshness > text:lower cloud cost',
        kind: 'competing',
        sideA: {
          prefer: 'lower cloud cost',
          over: 'index freshness',
          preferPriorityId: null,
          overPriorityId: null,
          holders: [{ kind: 'strategy', id: 'cost' }],
        },
        sideB: {
          prefer: 'data freshness',
          over: 'lower cloud cost',
          preferPriorityId: null,
          overPriorityId: null,
          holders: [{ kind: 'strategy', id: 'fresh' }],
        },
        sharedScopeTeamIds: ['seo'],
        isSuggested: false,
      },
    ])
  })

  it('does not call goals competing when the two apply to different teams', () => {
    expect(
      findConflicts([
        holder('cost', [t('lower cloud cost', 'index freshness')], ['search']),
        holder('fresh', [t('data freshness', 'lower cloud cost')], ['analytics']),
      ]),
    ).toEqual([])
  })

  it('treats whole-org holders as meeting every team, and each other everywhere', () => {
    const [conflict] = findConflicts([
      holder('cost', [t('lower cloud cost', 'index freshness')]),
      holder('fresh', [t('data freshness', 'lower cloud cost')]),
    ])
    expect(conflict?.kind).toBe('competing')
    expect(conflict?.sharedScopeTeamIds).toBeNull()
  })

  it('does not set a holder against itself', () => {
    expect(findConflicts([holder('one', [t('a', 'b'), t('c', 'a')])])).toEqual([])
  })

  it('reports an opposite pair as opposite only, not also as competing', () => {
    const conflicts = findConflicts([holder('a', [t('speed', 'safety')]), holder('b', [t('safety', 'speed')])])
    expect(conflicts.map((c) => c.kind)).toEqual(['opposite'])
  })
})

const linked = (preferPriorityId: string, overPriorityId: string, prefer: string, over: string, prioritiesConfirmed = true) => ({
  prefer,
  over,
  forGoal: 'a goal',
  preferPriorityId,
  overPriorityId,
  prioritiesConfirmed,
})

describe('findConflicts by priority', () => {
  it('finds opposite orderings worded differently once both name the same two priorities', () => {
    const conflicts = findConflicts([
      {
        kind: 'strategy',
        id: 'privacy',
        tradeoffs: [linked('P', 'R', 'Privacy by default', 'personalisation')],
        scopeTeamIds: null,
      },
      {
        kind: 'decision',
        id: 'feed',
        tradeoffs: [linked('R', 'P', 'Tailored feeds', 'data minimisation')],
        scopeTeamIds: ['growth'],
      },
    ])
    expect(conflicts).toHaveLength(1)
    expect(conflicts[0]).toMatchObject({
      kind: 'opposite',
      sharedScopeTeamIds: ['growth'],
      isSuggested: false,
      sideA: { preferPriorityId: 'P', overPriorityId: 'R' },
      sideB: { preferPriorityId: 'R', overPriorityId: 'P' },
    })
  })

  it('never flags opposite orderings whose scopes are disjoint', () => {
    expect(
      findConflicts([
        { kind: 'decision', id: 'a', tradeoffs: [linked('P', 'R', 'privacy', 'personalisation')], scopeTeamIds: ['search'] },
        { kind: 'decision', id: 'b', tradeoffs: [linked('R', 'P', 'personalisation', 'privacy')], scopeTeamIds: ['growth'] },
      ]),
    ).toEqual([])
  })

  it('does not take the same words for the same priority when the register says they differ', () => {
    expect(
      findConflicts([
        { kind: 'strategy', id: 'a', tradeoffs: [linked('P1', 'R1', 'speed', 'safety')], scopeTeamIds: null },
        { kind: 'strategy', id: 'b', tradeoffs: [linked('R2', 'P2', 'safety', 'speed')], scopeTeamIds: null },
      ]),
    ).toEqual([])
  })

  it('finds a competing goal by priority: one side gives up what the other prefers', () => {
    const [conflict] = findConflicts([
      {
        kind: 'strategy',
        id: 'cost',
        tradeoffs: [linked('COST', 'FRESH', 'Cheaper infra', 'index freshness')],
        scopeTeamIds: ['seo'],
      },
      {
        kind: 'strategy',
        id: 'perf',
        tradeoffs: [linked('PERF', 'COST', 'Peak performance', 'lower cloud spend')],
        scopeTeamIds: null,
      },
    ])
    expect(conflict).toMatchObject({ kind: 'competing', sharedScopeTeamIds: ['seo'] })
    expect(conflict?.sideA.holders.map((h) => h.id)).toEqual(['cost'])
  })

  it('says a conflict rests on a suggestion while either tradeoff is unconfirmed', () => {
    const [conflict] = findConflicts([
      { kind: 'strategy', id: 'a', tradeoffs: [linked('P', 'R', 'privacy', 'personalisation', false)], scopeTeamIds: null },
      { kind: 'strategy', id: 'b', tradeoffs: [linked('R', 'P', 'personalisation', 'privacy')], scopeTeamIds: null },
    ])
    expect(conflict?.isSuggested).toBe(true)
  })
})
