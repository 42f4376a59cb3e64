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
        key: 'competing:lower cloud cost > index freshness | data freshness > lower cloud cost',
        kind: 'competing',
        sideA: { prefer: 'lower cloud cost', over: 'index freshness', holders: [{ kind: 'strategy', id: 'cost' }] },
        sideB: { prefer: 'data freshness', over: 'lower cloud cost', holders: [{ kind: 'strategy', id: 'fresh' }] },
        sharedScopeTeamIds: ['seo'],
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
