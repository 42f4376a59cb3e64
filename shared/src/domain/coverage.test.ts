import { describe, expect, it } from 'vitest'
import { coverageByTeam, expandScope } from './coverage'

const teams = [
  { id: 'org', parentTeamId: null },
  { id: 'payments', parentTeamId: 'org' },
  { id: 'checkout', parentTeamId: 'payments' },
  { id: 'billing', parentTeamId: 'payments' },
  { id: 'mobile', parentTeamId: 'org' },
]

describe('expandScope', () => {
  it('reads an empty scope as the whole org', () => {
    expect(expandScope([], teams)).toBeNull()
  })

  it('covers a group and every team nested under it', () => {
    expect(expandScope(['payments'], teams)).toEqual(['billing', 'checkout', 'payments'])
  })

  it('covers a leaf team alone, and names each team once', () => {
    expect(expandScope(['checkout', 'checkout', 'mobile'], teams)).toEqual(['checkout', 'mobile'])
  })
})

describe('coverageByTeam', () => {
  const today = '2026-06-01'
  const strategy = (id: string, coveredTeamIds: string[] | null, reviewBy = '2026-12-31', status = 'published' as const) => ({
    id,
    status,
    reviewBy,
    coveredTeamIds,
  })

  it('marks a team fresh when one strategy written for it is within its review date', () => {
    const [row] = coverageByTeam(['checkout'], [strategy('a', ['checkout']), strategy('b', ['checkout'], '2026-01-01')], today)
    expect(row).toEqual({
      teamId: 'checkout',
      freshStrategyIds: ['a'],
      staleStrategyIds: ['b'],
      orgWideStrategies: 0,
      coverage: 'fresh',
    })
  })

  it('marks a team stale when every strategy written for it is past its review date', () => {
    const [row] = coverageByTeam(['mobile'], [strategy('a', ['mobile'], '2026-05-31')], today)
    expect(row?.coverage).toBe('stale')
  })

  it('marks a team none when no published strategy names it, counting org-wide ones apart', () => {
    const rows = coverageByTeam(
      ['mobile'],
      [
        strategy('a', ['checkout']),
        strategy('org', null),
        { id: 'draft', status: 'draft', reviewBy: '2027-01-01', coveredTeamIds: ['mobile'] },
      ],
      today,
    )
    expect(rows[0]).toMatchObject({ coverage: 'none', freshStrategyIds: [], orgWideStrategies: 1 })
  })

  it('counts a strategy on its review day as fresh', () => {
    expect(coverageByTeam(['mobile'], [strategy('a', ['mobile'], today)], today)[0]?.coverage).toBe('fresh')
  })
})
