import type { Database, Db, Repositories } from '@misalign/db'
import type { AppConfig } from '../config'
import type { JobQueue } from '../jobs/queue'
import type { EventLog } from './event-log'

/** What every capability service is built from; the same for the API, the CLI and integrations. */
export interface ServiceDeps {
  db: Db
  database: Database
  /** Repositories over the whole database, for reads; writes build theirs on the transaction. */
  repos: Repositories
  events: EventLog
  queue: JobQueue
  config: AppConfig
  /** Injected so rules about "today" (no future discovery dates) can be tested at any date. */
  now: () => Date
}
