import path from 'node:path'
import { openDatabase, type Repositories, repoRoot } from '@misalign/db'
import type { Services } from '../capabilities/services'
import { wireServices } from '../capabilities/wiring'
import { loadConfig } from '../config'
import { localSecret } from '../lib/local-secret'
import type { Caller } from '../services/caller'
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
    const { deps, services } = wireServices(database, config, (error) =>
      process.stderr.write(`job queue error: ${error.message}\n`),
    )
    await deps.queue.prepare()
    try {
      return await work({ services, caller: cliCaller, repos: deps.repos })
    } finally {
      await deps.queue.stop()
    }
  } finally {
    await database.close()
  }
}
