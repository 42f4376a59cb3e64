import path from 'node:path'
import { createRepositories, openDatabase, type Repositories, repoRoot } from '@misalign/db'
import { registerConsumers } from '../capabilities/consumers'
import { createServices, type Services } from '../capabilities/services'
import { loadConfig } from '../config'
import { JobQueue } from '../jobs/queue'
import { localSecret } from '../lib/local-secret'
import type { Caller } from '../services/caller'
import type { ServiceDeps } from '../services/deps'
import { EventLog } from '../services/event-log'
import { cliCaller } from './caller'

/** What a command works with: the app's own services, the CLI's caller, and repositories for lookups. */
export interface CliSession {
  services: Services
  caller: Caller
  repos: Repositories
}

/**
 * Opens the database the app would open (the same variables, read the same way), migrates,
 * builds the same services over it and runs `work`, then closes. Consumers are registered so
 * an event recorded here queues the jobs it would queue from the API; the app's workers run them.
 */
export async function withServices<T>(work: (session: CliSession) => Promise<T>): Promise<T> {
  const config = loadConfig(process.env, {
    reporterKeySecret: () => localSecret(path.join(repoRoot, '.data'), 'reporter-key'),
  })
  const database = await openDatabase(config.database)
  try {
    await database.migrate()
    const repos = createRepositories(database.db)
    const queue = new JobQueue(database, (error) => process.stderr.write(`job queue error: ${error.message}\n`))
    const deps: ServiceDeps = {
      db: database.db,
      database,
      repos,
      events: new EventLog(queue),
      queue,
      config,
      now: () => new Date(),
    }
    registerConsumers(deps)
    return await work({ services: createServices(deps), caller: cliCaller, repos })
  } finally {
    await database.close()
  }
}
