import { createRepositories, type Database } from '@misalign/db'
import type { AppConfig } from '../config'
import { JobQueue } from '../jobs/queue'
import type { ServiceDeps } from '../services/deps'
import { EventLog } from '../services/event-log'
import { registerConsumers } from './consumers'
import { createServices, type Services } from './services'

/**
 * Every way in builds the same services the same way: one job queue, the outbox consumers
 * registered on it, and the services over the database. The API and the CLI both start here.
 */
export function wireServices(
  database: Database,
  config: AppConfig,
  onQueueError: (error: Error) => void,
): { deps: ServiceDeps; services: Services } {
  const queue = new JobQueue(database, onQueueError)
  const deps: ServiceDeps = {
    db: database.db,
    database,
    repos: createRepositories(database.db),
    events: new EventLog(queue),
    queue,
    config,
    now: () => new Date(),
  }
  registerConsumers(deps)
  return { deps, services: createServices(deps) }
}
