/**
 * Where strategy exists, where it went stale, and where there is none: the leadership coverage
 * map and every "incidents in a strategy's scope" number use these rules. Pure: callers pass
 * the teams and `today`.
 */
import { isStale } from './strategy-staleness'
import type { StrategyStatus } from './vocabulary'

export interface TeamNode {
  id: string
  parentTeamId: string | null
}

/**
 * The teams a scope covers: the named teams and every team nested under them (a strategy for a
 * group applies to its teams). Null for an empty scope, which means the whole org.
 */
export function expandScope(scopeTeamIds: readonly string[], teams: readonly TeamNode[]): string[] | null {
  if (scopeTeamIds.length === 0) return null
  const children = new Map<string, string[]>()
  for (const team of teams) {
    if (!team.parentTeamId) continue
    children.set(team.parentTeamId, [...(children.get(team.parentTeamId) ?? []), team.id])
  }
  const covered = new Set<string>()
  const queue = [...scopeTeamIds]
  while (queue.length > 0) {
    const id = queue.shift() as string
    if (covered.has(id)) continue
    covered.add(id)
    queue.push(...(children.get(id) ?? []))
  }
  return [...covered].sort()
}

export type CoverageClass = 'fresh' | 'stale' | 'none'

interface ScopedStrategy {
  id: string
  status: StrategyStatus
  reviewBy: string
  /** Expanded scope (see expandScope); null = whole org. */
  coveredTeamIds: readonly string[] | null
}

export interface TeamCoverage {
  teamId: string
  /** Published strategies written for this team (or a group it is in), within their review date. */
  freshStrategyIds: string[]
  /** The same, past their review date. */
  staleStrategyIds: string[]
  /** Published strategies for the whole org: they apply to every team, so they say nothing about where strategy is missing. */
  orgWideStrategies: number
  coverage: CoverageClass
}

/**
 * For each team, the published strategies written for it. A team is covered `fresh` when at
 * least one of them is within its review date, `stale` when all of them are past it, and `none`
 * when no strategy names it (or a group it is in) at all: org-wide strategies are counted apart,
 * since they would mark every team covered and hide exactly the gaps this map is for.
 */
export function coverageByTeam(teamIds: readonly string[], strategies: readonly ScopedStrategy[], today: string): TeamCoverage[] {
  const published = strategies.filter((s) => s.status === 'published')
  const orgWide = published.filter((s) => s.coveredTeamIds === null).length
  return teamIds.map((teamId) => {
    const applying = published.filter((s) => s.coveredTeamIds?.includes(teamId))
    const stale = applying.filter((s) => isStale(s, today))
    const fresh = applying.filter((s) => !isStale(s, today))
    return {
      teamId,
      freshStrategyIds: fresh.map((s) => s.id),
      staleStrategyIds: stale.map((s) => s.id),
      orgWideStrategies: orgWide,
      coverage: fresh.length > 0 ? 'fresh' : stale.length > 0 ? 'stale' : 'none',
    }
  })
}
