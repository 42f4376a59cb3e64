import { appendEvent, appendEvents, type Db } from '@misalign/db'
import type { DomainEvent, DomainEventType } from '@misalign/shared'
import type { JobContext, JobQueue, QueueOptions } from '../jobs/queue'

/** What an outbox consumer's job carries: enough to act without reading the outbox back. */
export interface EventJob {
  eventId: string
  seq: number
  type: DomainEventType
  aggregateId: string
  aggregateVersion: number
  payload: Record<string, unknown>
}

interface Subscription {
  queue: string
  types: ReadonlySet<DomainEventType>
}

/**
 * The transactional outbox (ADR 019). A service records each event inside its write
 * transaction; the event row and one job per interested consumer commit with the change, or
 * not at all. Consumers are pg-boss queues, so each runs once per event across every instance,
 * with retries and a parking place for the ones that keep failing.
 */
export class EventLog {
  private readonly subscriptions: Subscription[] = []

  constructor(private readonly queue: JobQueue) {}

  /** A consumer: `handle` runs once per recorded event of these types, on some instance. */
  subscribe(
    queue: string,
    types: readonly DomainEventType[],
    handle: (job: JobContext<EventJob>) => Promise<void>,
    options?: QueueOptions,
  ): void {
    this.subscriptions.push({ queue, types: new Set(types) })
    this.queue.register<EventJob>(queue, handle, options)
  }

  /** A consumer that takes its events a batch at a time (see JobQueue.registerBatch). */
  subscribeBatch(
    queue: string,
    types: readonly DomainEventType[],
    handle: (jobs: JobContext<EventJob>[]) => Promise<void>,
    options: QueueOptions & { batchSize: number },
  ): void {
    this.subscriptions.push({ queue, types: new Set(types) })
    this.queue.registerBatch<EventJob>(queue, handle, options)
  }

  /** Appends the event and queues its consumers' jobs; returns the queues to wake after commit. */
  async record(tx: Db, event: DomainEvent): Promise<string[]> {
    const job = jobOf(await appendEvent(tx, event), event)
    const queues: string[] = []
    for (const subscription of this.subscriptions) {
      if (!subscription.types.has(event.type)) continue
      await this.queue.sendIn(tx, subscription.queue, job)
      queues.push(subscription.queue)
    }
    return queues
  }

  /**
   * Many events at once, as `record` would write them one by one: one insert for the events and
   * one per interested queue for the jobs, so an import of 100k rows stays a few hundred statements.
   */
  async recordAll(tx: Db, events: readonly DomainEvent[]): Promise<string[]> {
    const rows = await appendEvents(tx, events)
    const queues: string[] = []
    for (const subscription of this.subscriptions) {
      const jobs: EventJob[] = []
      rows.forEach((row, index) => {
        const event = events[index]
        if (event && subscription.types.has(event.type)) jobs.push(jobOf(row, event))
      })
      if (jobs.length === 0) continue
      await this.queue.sendManyIn(tx, subscription.queue, jobs)
      queues.push(subscription.queue)
    }
    return queues
  }
}

const jobOf = (row: { id: string; seq: number }, event: DomainEvent): EventJob => ({
  eventId: row.id,
  seq: row.seq,
  type: event.type,
  aggregateId: event.aggregateId,
  aggregateVersion: event.aggregateVersion,
  payload: event.payload,
})
