import type { Db, Tx } from '@misalign/db'
import type { DomainEvent } from '@misalign/shared'
import type { JobQueue } from '../jobs/queue'
import type { EventLog } from './event-log'

export interface WriteDeps {
  db: Db
  events: EventLog
  queue: JobQueue
}

export interface Recorder {
  record(event: DomainEvent): Promise<void>
  /** Many events in a few statements (imports); the same as recording each in turn. */
  recordAll(events: readonly DomainEvent[]): Promise<void>
}

/**
 * One transaction for a service's writes and the events they raise. Consumers are woken only
 * after the commit, so a worker never looks for a job its writer has not committed yet.
 */
export async function writeTransaction<T>(deps: WriteDeps, work: (tx: Tx, events: Recorder) => Promise<T>): Promise<T> {
  const toWake = new Set<string>()
  const result = await deps.db.transaction(async (tx) =>
    work(tx, {
      record: async (event) => {
        for (const queue of await deps.events.record(tx, event)) toWake.add(queue)
      },
      recordAll: async (events) => {
        for (const queue of await deps.events.recordAll(tx, events)) toWake.add(queue)
      },
    }),
  )
  for (const queue of toWake) deps.queue.wake(queue)
  return result
}
