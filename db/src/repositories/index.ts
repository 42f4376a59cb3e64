import type { Db } from '../client'
import { incidentRepository } from './incident-repository'
import { teamRepository } from './team-repository'

export * from './audit-repository'
export * from './cursor'
export * from './errors'
export * from './incident-repository'
export * from './team-repository'

/** Every repository over one database handle: the API decorates itself with this. */
export function createRepositories(db: Db) {
  return {
    teams: teamRepository(db),
    incidents: incidentRepository(db),
  }
}
export type Repositories = ReturnType<typeof createRepositories>
