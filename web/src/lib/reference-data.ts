import type { Page, Team } from '@misalign/shared'
import { queryOptions, useQuery } from '@tanstack/react-query'
import { api, toQuery } from './api'
import { teamKeys } from './query-keys'

/**
 * The team list is reference data every screen needs (names, pickers), so it lives here rather
 * than in one feature. Archived teams are included: old incidents still name them.
 */
async function fetchAllTeams(): Promise<Team[]> {
  const teams: Team[] = []
  let cursor: string | null = null
  do {
    const page: Page<Team> = await api.get<Page<Team>>(`/teams${toQuery({ limit: 200, includeArchived: true, cursor })}`)
    teams.push(...page.items)
    cursor = page.nextCursor
  } while (cursor)
  return teams
}

export const teamsOptions = () => queryOptions({ queryKey: teamKeys.everyTeam(), queryFn: fetchAllTeams, staleTime: 5 * 60_000 })
export const useTeams = () => useQuery(teamsOptions())

/** A name for a team id, with a fallback that still says something while teams load. */
export function useTeamName(): (id: string | null | undefined) => string {
  const { data } = useTeams()
  return (id) => {
    if (!id) return 'Unknown team'
    return data?.find((t) => t.id === id)?.name ?? 'a team'
  }
}

/** Teams a picker should offer: not archived, by name. */
export const activeTeams = (teams: readonly Team[] | undefined): Team[] =>
  (teams ?? []).filter((t) => !t.archivedAt).sort((a, b) => a.name.localeCompare(b.name))
