import { type Database, type Db, executeText } from '@misalign/db'
import PgBoss from 'pg-boss'

/** What a job handler gets: the data it was queued with, and how many tries came before. */
export interface JobContext<T> {
  id: string
  data: T
  retryCount: number
}

export interface QueueOptions {
  /** Tries after the first; the wait doubles each time (retryBackoff). */
  retryLimit?: number
  retryDelaySeconds?: number
  /** A job still active after this long is taken to be lost with its worker and tried again. */
  expireInSeconds?: number
  batchSize?: number
  /**
   * Jobs of this queue run side by side, up to this many per instance, each settled on its
   * own: a slow job holds one place, never the queue (webhook deliveries to slow endpoints).
   */
  concurrency?: number
  /** 'singleton': one job of this queue runs at a time across every instance. */
  policy?: 'standard' | 'singleton'
}

export interface ParkedJob {
  id: string
  queue: string
  data: unknown
  error: string
  retryCount: number
  failedAt: string | null
}

const SCHEMA = 'pgboss'
/** Where a job goes once its tries are spent: kept, counted and shown to admins. */
export const PARKED_QUEUE = 'parked'

/**
 * The job queue every outbox consumer and background task runs on: pg-boss over the app's own
 * database (ADR 020). On a Postgres server it shares the app's pool; on the embedded database
 * the same pg-boss code runs over PGlite, so one code path serves both. Jobs are queued inside
 * the writer's transaction (`sendIn`), so a job exists exactly when its change committed.
 */
export class JobQueue {
  private readonly boss: PgBoss
  /** Each queue's worker loop, and how to cut its wait between polls short. */
  private readonly loops: Promise<void>[] = []
  private readonly wakers = new Map<string, () => void>()
  private readonly queues = new Map<string, QueueOptions>()
  /** Every handler takes a batch; one registered per job is called with batches of one. */
  private readonly handlers = new Map<string, { handle: (jobs: JobContext<unknown>[]) => Promise<void>; batched: boolean }>()
  /** Periodic queues and their period in seconds, asked for by a timer per instance. */
  private readonly periodic = new Map<string, number>()
  private readonly timers: NodeJS.Timeout[] = []
  private started = false
  private prepared = false
  /** pg-boss statements running now (its maintenance too): stopping waits for them, or they meet a closed pool. */
  private inFlight = 0

  private readonly pollingIntervalSeconds: number

  constructor(
    private readonly database: Database,
    private readonly onError: (error: Error) => void,
    timing: { pollingIntervalSeconds?: number; maintenanceIntervalSeconds?: number } = {},
  ) {
    this.pollingIntervalSeconds = timing.pollingIntervalSeconds ?? 2
    this.boss = new PgBoss({
      db: { executeSql: (text, values) => this.tracked(() => executeRaw(database, text, values)) },
      schema: SCHEMA,
      supervise: true,
      schedule: false,
      migrate: true,
      // Maintenance is what notices a job whose worker died (it expires and is tried again).
      maintenanceIntervalSeconds: timing.maintenanceIntervalSeconds ?? 30,
      // Completed jobs are history nobody reads: the outbox keeps what happened.
      deleteAfterDays: 2,
      archiveCompletedAfterSeconds: 60 * 60,
      // Parked jobs stay for admins to read until they retry or delete them.
      archiveFailedAfterSeconds: 30 * 24 * 60 * 60,
    })
    this.boss.on('error', (error) => this.onError(error))
  }

  /** Declares a queue and its handler; workers start with `start()`. */
  register<T extends object>(name: string, handler: (job: JobContext<T>) => Promise<void>, options: QueueOptions = {}): void {
    this.queues.set(name, options)
    const one = handler as (job: JobContext<unknown>) => Promise<void>
    this.handlers.set(name, {
      batched: false,
      handle: async (jobs) => {
        for (const job of jobs) await one(job)
      },
    })
  }

  /**
   * Declares a queue whose handler takes up to `batchSize` jobs at once (work that is cheaper
   * together, like placing a burst of filings). A batch that fails is split: each job is then
   * tried alone, so one bad job never holds back or retries the others.
   */
  registerBatch<T extends object>(
    name: string,
    handler: (jobs: JobContext<T>[]) => Promise<void>,
    options: QueueOptions & { batchSize: number },
  ): void {
    this.queues.set(name, options)
    this.handlers.set(name, { batched: true, handle: handler as (jobs: JobContext<unknown>[]) => Promise<void> })
  }

  /**
   * A task to run every `seconds` on one instance, whichever asks first: every instance asks,
   * and pg-boss keeps one job per time slot (singletonSeconds), so N instances do not run it N times.
   */
  every(name: string, seconds: number, handler: () => Promise<void>, options: QueueOptions = {}): void {
    this.periodic.set(name, seconds)
    this.register(name, handler, { retryLimit: 1, ...options })
  }

  get queueNames(): string[] {
    return [...this.queues.keys()]
  }

  async start(): Promise<void> {
    if (this.started) return
    await this.prepare()
    this.started = true
    for (const [name, options] of this.queues) {
      const handler = this.handlers.get(name)
      if (!handler) continue
      const concurrency = options.concurrency ?? 1
      this.loops.push(concurrency > 1 ? this.poolLoop(name, handler.handle, concurrency) : this.workLoop(name, handler, options))
    }
    for (const [name, seconds] of this.periodic) {
      const timer = setInterval(() => {
        this.boss.send(name, {}, { singletonKey: name, singletonSeconds: seconds }).catch((error: Error) => this.onError(error))
      }, seconds * 1000)
      timer.unref()
      this.timers.push(timer)
    }
  }

  /**
   * The queue's tables and queues, without workers: enough to queue jobs. The CLI records events
   * on a database the app may never have started on; the app's workers run what it queues.
   */
  async prepare(): Promise<void> {
    if (this.prepared) return
    await this.boss.start()
    this.prepared = true
    await this.boss.createQueue(PARKED_QUEUE, { name: PARKED_QUEUE, retentionDays: 30 })
    for (const [name, options] of this.queues) {
      const queue = {
        name,
        retryLimit: options.retryLimit ?? 5,
        retryDelay: options.retryDelaySeconds ?? 2,
        retryBackoff: true,
        expireInSeconds: options.expireInSeconds ?? 5 * 60,
        deadLetter: PARKED_QUEUE,
        policy: options.policy ?? 'standard',
      }
      // createQueue does nothing for a queue that exists; updateQueue keeps its settings current.
      await this.boss.createQueue(name, queue)
      await this.boss.updateQueue(name, queue)
    }
  }

  /** Queues a job in the caller's transaction: it commits or rolls back with the change. */
  async sendIn(executor: Db, name: string, data: object, options: { singletonKey?: string } = {}): Promise<void> {
    await this.boss.send(name, data, { ...options, db: { executeSql: (text, values) => executeText(executor, text, values) } })
  }

  /** Many jobs of one queue in one statement of the caller's transaction (pg-boss's insert): for imports. */
  async sendManyIn(executor: Db, name: string, data: readonly object[]): Promise<void> {
    if (data.length === 0) return
    await this.boss.insert(
      data.map((item) => ({ name, data: item })),
      { db: { executeSql: (text, values) => executeText(executor, text, values) } },
    )
  }

  /** Queues a job now, outside any transaction. */
  async send(name: string, data: object, options: { singletonKey?: string; startAfterSeconds?: number } = {}): Promise<void> {
    const { startAfterSeconds, ...rest } = options
    await this.boss.send(name, data, startAfterSeconds ? { ...rest, startAfter: startAfterSeconds } : rest)
  }

  /** Asks this process's worker to look now rather than at its next poll (after a commit). */
  wake(name: string): void {
    this.wakers.get(name)?.()
  }

  /**
   * Our own loop over pg-boss's fetch, complete and fail rather than its `work`: pg-boss 10
   * neither awaits nor catches the complete/fail of a job, so with the database gone that
   * rejection went unhandled and took the process down. Here a failed complete or fail is
   * logged; the job stays active, expires and is tried again.
   */
  private async workLoop(
    name: string,
    handler: { handle: (jobs: JobContext<unknown>[]) => Promise<void>; batched: boolean },
    options: QueueOptions,
  ) {
    while (this.started) {
      let jobs: JobContext<unknown>[] = []
      try {
        const fetched = await this.boss.fetch(name, { batchSize: options.batchSize ?? 1, includeMetadata: true })
        jobs = fetched.map((job) => ({ id: job.id, data: job.data, retryCount: job.retryCount }))
      } catch (error) {
        this.onError(error as Error)
      }
      const together = handler.batched && jobs.length > 1 && (await this.settle(name, jobs, handler.handle))
      // Each job settled on its own otherwise: a bad job never retries good ones.
      if (!together) for (const job of jobs) await this.settle(name, [job], handler.handle, true)
      if (jobs.length === 0 && this.started) await this.nap(name)
    }
  }

  /** Keeps up to `concurrency` jobs running, fetching more as each one ends rather than when all have. */
  private async poolLoop(name: string, handle: (jobs: JobContext<unknown>[]) => Promise<void>, concurrency: number) {
    const running = new Set<Promise<void>>()
    while (this.started) {
      let jobs: JobContext<unknown>[] = []
      try {
        const fetched = await this.boss.fetch(name, { batchSize: concurrency - running.size, includeMetadata: true })
        jobs = fetched.map((job) => ({ id: job.id, data: job.data, retryCount: job.retryCount }))
      } catch (error) {
        this.onError(error as Error)
      }
      for (const job of jobs) {
        const run: Promise<void> = this.settle(name, [job], handle, true).then(() => {
          running.delete(run)
          this.wake(name)
        })
        running.add(run)
      }
      // Full, or nothing waiting: sleep until a job ends (it wakes us) or the next poll.
      if ((jobs.length === 0 || running.size >= concurrency) && this.started) await this.nap(name)
    }
    await Promise.all(running)
  }

  /** Runs the jobs; completes them all when it succeeds. A failure fails them only when `failOnError`. */
  private async settle(
    name: string,
    jobs: JobContext<unknown>[],
    handle: (jobs: JobContext<unknown>[]) => Promise<void>,
    failOnError = false,
  ): Promise<boolean> {
    const ids = jobs.map((job) => job.id)
    try {
      await handle(jobs)
    } catch (error) {
      if (!failOnError) return false
      const message = error instanceof Error ? error.message : String(error)
      for (const id of ids) await this.boss.fail(name, id, { message }).catch((failed: Error) => this.onError(failed))
      return false
    }
    await this.boss.complete(name, ids).catch((error: Error) => this.onError(error))
    return true
  }

  private nap(name: string): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.pollingIntervalSeconds * 1000)
      function done() {
        clearTimeout(timer)
        resolve()
      }
      this.wakers.set(name, done)
    })
  }

  /** Resolves when no job of ours is waiting or running (tests; a drain before shutdown). */
  async settled(timeoutMs = 20_000): Promise<void> {
    const names = this.queueNames
    const deadline = Date.now() + timeoutMs
    for (;;) {
      for (const name of names) this.wake(name)
      const [row] = await executeRaw(
        this.database,
        `select count(*)::int as pending from ${SCHEMA}.job where name = any($1::text[]) and state < 'completed'`,
        [names],
      ).then((result) => result.rows as { pending: number }[])
      if (!row || row.pending === 0) return
      if (Date.now() > deadline) throw new Error(`${row.pending} jobs still pending after ${timeoutMs} ms`)
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
  }

  /** Jobs whose tries are spent, newest first, with the error they last failed with. */
  async parked(limit = 50): Promise<ParkedJob[]> {
    const result = await executeRaw(
      this.database,
      `select id, name, data, output, retry_count, completed_on from ${SCHEMA}.job
        where name = any($1::text[]) and state = 'failed'
        order by completed_on desc nulls last limit $2`,
      [this.queueNames, limit],
    )
    return (result.rows as Record<string, unknown>[]).map((row) => ({
      id: String(row.id),
      queue: String(row.name),
      data: row.data,
      error: errorText(row.output),
      retryCount: Number(row.retry_count),
      failedAt: row.completed_on ? new Date(String(row.completed_on)).toISOString() : null,
    }))
  }

  /** Sends a failed job back to be tried again from the start. */
  async retry(name: string, id: string): Promise<void> {
    await this.boss.retry(name, id)
  }

  async stop(): Promise<void> {
    if (!this.prepared) return
    this.prepared = false
    this.started = false
    for (const timer of this.timers.splice(0)) clearInterval(timer)
    // Each loop ends after the job in its hands; a job cut off by a crash instead expires and
    // is tried again.
    for (const wake of this.wakers.values()) wake()
    // Bounded: a handler that hangs must not hold the shutdown (its job expires and is retried).
    await Promise.race([Promise.all(this.loops.splice(0)), new Promise((resolve) => setTimeout(resolve, 10_000).unref())])
    await this.boss.stop({ graceful: true, wait: true, close: false, timeout: 10_000 })
    // pg-boss stops its timers without waiting for a statement already sent; wait for it here.
    const deadline = Date.now() + 10_000
    while (this.inFlight > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10))
  }

  private async tracked<T>(run: () => Promise<T>): Promise<T> {
    this.inFlight++
    try {
      return await run()
    } finally {
      this.inFlight--
    }
  }
}

function errorText(output: unknown): string {
  if (output && typeof output === 'object' && 'message' in output) return String((output as { message: unknown }).message)
  return output === null || output === undefined ? 'unknown error' : JSON.stringify(output).slice(0, 500)
}

/** pg-boss speaks `text, values`; both drivers take that shape, PGlite wants `exec` for scripts. */
async function executeRaw(database: Database, text: string, values: unknown[] = []): Promise<{ rows: unknown[] }> {
  const { raw } = database
  if (raw.kind === 'postgres') return raw.pool.query(text, values)
  if (values.length === 0) {
    try {
      const results = await raw.client.exec(text)
      return { rows: results.at(-1)?.rows ?? [] }
    } catch (error) {
      // A failed script leaves its BEGIN open on PGlite's one session, and every later statement
      // of the app would fail with it; close it here as a server would by ending the connection.
      await raw.client.exec('rollback').catch(() => {})
      throw error
    }
  }
  return raw.client.query(text, values)
}
