import type { NewTeam, Team, TeamChanges } from '@misalign/shared'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api'
import { invalidateAfter } from '../../../lib/invalidation'

/** The list itself is reference data (lib/reference-data); this feature only writes. */
export function useSaveTeam(team: Team | null) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: NewTeam | TeamChanges) =>
      team ? api.patch<Team>(`/teams/${team.id}`, body, { ifMatch: team.version }) : api.post<Team>('/teams', body),
    onSuccess: () => invalidateAfter(client, team ? 'team.updated' : 'team.created'),
  })
}
