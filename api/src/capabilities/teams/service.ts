import { teamRepository } from '@misalign/db'
import { type DomainEvent, fail, type NewTeam, type Page, type Team, type TeamChanges, type TeamQuery } from '@misalign/shared'
import { authorize, type Caller } from '../../services/caller'
import type { ServiceDeps } from '../../services/deps'
import { writeTransaction } from '../../services/unit-of-work'

/** Ids and state only: a team's name is for people, the event is for machines. */
const teamChanged = (team: Team, change: 'created' | 'updated'): DomainEvent => ({
  type: 'team.changed',
  aggregateType: 'team',
  aggregateId: team.id,
  aggregateVersion: team.version,
  payload: { change, slug: team.slug, parentTeamId: team.parentTeamId, archived: team.archivedAt !== null },
})

export function teamService(deps: ServiceDeps) {
  const reads = deps.repos.teams

  return {
    list(caller: Caller, query: TeamQuery): Promise<Page<Team>> {
      authorize(caller, 'team.read')
      return reads.list(query)
    },

    async find(caller: Caller, id: string): Promise<Team> {
      authorize(caller, 'team.read')
      const team = await reads.findById(id)
      if (!team) throw fail.notFound('team', id)
      return team
    },

    async create(caller: Caller, input: NewTeam): Promise<Team> {
      authorize(caller, 'team.manage')
      return writeTransaction(deps, async (tx, events) => {
        const team = await teamRepository(tx).create(input, caller.actor)
        await events.record(teamChanged(team, 'created'))
        return team
      })
    },

    /** Rename, re-nest, archive or restore; nesting must stay a tree. */
    async update(caller: Caller, id: string, expectedVersion: number, changes: TeamChanges): Promise<Team> {
      authorize(caller, 'team.manage')
      return writeTransaction(deps, async (tx, events) => {
        const teams = teamRepository(tx)
        if (changes.parentTeamId && (await teams.isSameOrDescendant(id, changes.parentTeamId))) {
          throw fail.invalidField('parentTeamId', 'A team cannot be nested under itself or one of its own sub-teams')
        }
        const team = await teams.update(id, expectedVersion, changes, caller.actor)
        if (!team) throw fail.notFound('team', id)
        await events.record(teamChanged(team, 'updated'))
        return team
      })
    },
  }
}

export type TeamService = ReturnType<typeof teamService>
