import { expandScope, findConflicts, type PriorityHolder, type PriorityTradeoff } from '@misalign/shared'
import { describe, expect, it } from 'vitest'
import { priorityDemoStrategies } from './catalog-priorities'
import { generateOrg } from './generate'

const org = generateOrg({ incidents: 300, seed: 42, today: '2026-06-30' })
const strategyId = (title: string) => org.strategies.find((s) => s.title === title)?.id

/** The holders the leadership review reads: published strategies over their teams, active decisions over owner and audience. */
function holders(): PriorityHolder[] {
  const teams = org.teams.map((t) => ({ id: t.id, parentTeamId: t.parentTeamId ?? null }))
  return [
    ...org.strategies
      .filter((s) => s.status === 'published')
      .map((s) => ({
        kind: 'strategy' as const,
        id: s.id,
        tradeoffs: s.tradeoffs as PriorityTradeoff[],
        scopeTeamIds: expandScope(s.scopeTeamIds ?? [], teams),
      })),
    ...org.decisions
      .filter((d) => (d.status ?? 'active') === 'active' && d.tradeoffPrefer && d.tradeoffOver && d.tradeoffForGoal)
      .map((d) => ({
        kind: 'decision' as const,
        id: d.id,
        tradeoffs: [
          {
            prefer: d.tradeoffPrefer ?? '',
            over: d.tradeoffOver ?? '',
            forGoal: d.tradeoffForGoal ?? '',
            preferPriorityId: d.tradeoffPreferPriorityId ?? null,
            overPriorityId: d.tradeoffOverPriorityId ?? null,
            prioritiesConfirmed: d.tradeoffPrioritiesConfirmed ?? false,
          },
        ],
        scopeTeamIds: [...new Set([d.owningTeamId, ...(d.sharedWithTeamIds ?? [])])],
      })),
  ]
}

describe('the demo priorities register', () => {
  it('links every tradeoff to priorities, leaving aliases and new words to confirm', () => {
    const tradeoffs = [
      ...org.strategies.flatMap((s) => s.tradeoffs as PriorityTradeoff[]),
      ...org.decisions
        .filter((d) => d.tradeoffPrefer)
        .map((d) => ({
          preferPriorityId: d.tradeoffPreferPriorityId,
          overPriorityId: d.tradeoffOverPriorityId,
          prioritiesConfirmed: d.tradeoffPrioritiesConfirmed,
        })),
    ]
    const ids = new Set(org.priorities.map((p) => p.id))
    expect(tradeoffs.every((t) => ids.has(t.preferPriorityId ?? '') && ids.has(t.overPriorityId ?? ''))).toBe(true)
    const unconfirmed = tradeoffs.filter((t) => !t.prioritiesConfirmed).length
    expect(unconfirmed).toBeGreaterThan(0)
    expect(unconfirmed).toBeLessThan(tradeoffs.length)
    expect(org.priorities.find((p) => p.name === 'Privacy by default')?.aliases).toContain('data minimisation')
  })

  it('plants conflicts worded differently, and look-alikes that are not conflicts', () => {
    const conflicts = findConflicts(holders())
    const involved = (title: string) => {
      const id = strategyId(title)
      return conflicts.filter((c) => [...c.sideA.holders, ...c.sideB.holders].some((h) => h.id === id))
    }
    const [feeds, search, accessible, onBrand, quiet] = priorityDemoStrategies.map((s) => s.title)
    expect(involved(feeds as string).some((c) => c.kind === 'opposite')).toBe(true)
    expect(involved(search as string).some((c) => c.kind === 'opposite')).toBe(true)
    for (const title of [accessible, onBrand, quiet]) expect(involved(title as string), title).toEqual([])
  })
})
