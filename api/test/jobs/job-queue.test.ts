import { type Database, openTestDatabase, queryRows, sql } from '@misalign/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { JobQueue } from '../../src/jobs/queue'

/**
 * The queue outbox consumers run on: once per job across instances, retried with backoff,
 * parked with its error when the tries are spent, tried again when its worker died mid-job.
 * Two JobQueues over one database stand for two API instances.
 */
let database: Database
const errors: Error[] = []
const quick = { pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1 }

beforeAll(async () => {
  database = await openTestDatabase()
  await database.db.execute(sql`create table job_effects (job_id text primary key, instance text not null)`)
})
afterAll(async () => {
  await database?.close()
})

async function waitFor(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

describe('the job queue', () => {
  it('runs each job once when two instances work the same queue', async () => {
    const runs: string[] = []
    const instances = ['one', 'two'].map((name) => {
      const queue = new JobQueue(database, (error) => errors.push(error), quick)
      queue.register<{ n: number }>('effects', async (job) => {
        runs.push(job.id)
        await database.db.execute(sql`insert into job_effects (job_id, instance) values (${job.id}, ${name})`)
      })
      return queue
    })
    // Started one after the other: on PGlite both share one session, as no two servers ever do.
    for (const queue of instances) await queue.start()
    const [first] = instances
    if (!first) throw new Error('no instance')
    for (let n = 0; n < 40; n++) await first.send('effects', { n })
    await first.settled()
    const [row] = await queryRows<{ jobs: number }>(database.db, sql`select count(*)::int as jobs from job_effects`)
    expect(row?.jobs).toBe(40)
    expect(new Set(runs).size).toBe(runs.length)
    await Promise.all(instances.map((queue) => queue.stop()))
  })

  it('parks a job that keeps failing, with its error, and sends it again on request', async () => {
    let fixed = false
    const queue = new JobQueue(database, (error) => errors.push(error), quick)
    queue.register(
      'flaky',
      async () => {
        if (!fixed) throw new Error('the decision register is unreachable')
      },
      { retryLimit: 1, retryDelaySeconds: 1 },
    )
    await queue.start()
    await queue.send('flaky', { incidentId: 'x' })
    await waitFor(async () => (await queue.parked()).length === 1)
    const [parked] = await queue.parked()
    expect(parked).toMatchObject({ queue: 'flaky', error: 'the decision register is unreachable', retryCount: 1 })
    expect(parked?.data).toEqual({ incidentId: 'x' })

    fixed = true
    await queue.retry('flaky', parked?.id ?? '')
    await queue.settled()
    expect(await queue.parked()).toEqual([])
    await queue.stop()
  })

  it('tries a job again when the worker running it died', async () => {
    let attempts = 0
    const stuck = new JobQueue(database, (error) => errors.push(error), quick)
    // The first try never finishes, as if its process had been killed mid-job.
    stuck.register(
      'lost',
      () => {
        attempts++
        return new Promise<void>(() => {})
      },
      { expireInSeconds: 1, retryDelaySeconds: 1 },
    )
    await stuck.start()
    await stuck.send('lost', {})
    await waitFor(async () => attempts === 1)
    // The dead instance's worker no longer polls; a healthy one picks the job up once it expires.
    await (stuck as unknown as { boss: { offWork(name: string): Promise<void> } }).boss.offWork('lost')
    let recovered = 0
    const healthy = new JobQueue(database, (error) => errors.push(error), quick)
    healthy.register(
      'lost',
      async () => {
        recovered++
      },
      { expireInSeconds: 1, retryDelaySeconds: 1 },
    )
    await healthy.start()
    await waitFor(async () => recovered === 1)
    expect(recovered).toBe(1)
    await healthy.stop()
  })

  it('hands a batch queue its waiting jobs together, and splits a failing batch so only the bad job fails', async () => {
    const calls: number[][] = []
    const queue = new JobQueue(database, (error) => errors.push(error), quick)
    queue.registerBatch<{ n: number }>(
      'batched',
      async (jobs) => {
        calls.push(jobs.map((job) => job.data.n))
        if (jobs.some((job) => job.data.n === 3)) throw new Error('incident 3 cannot be placed')
      },
      { batchSize: 10, retryLimit: 0 },
    )
    await queue.start()
    // Queued in one transaction, as a burst of filings commits: the worker's next fetch finds all five.
    await database.db.transaction(async (tx) => {
      for (let n = 1; n <= 5; n++) await queue.sendIn(tx, 'batched', { n })
    })
    await waitFor(async () => (await queue.parked()).length === 1)
    await queue.settled()

    expect(calls[0]?.sort()).toEqual([1, 2, 3, 4, 5])
    // Split: each job alone, so the four good ones complete and only the bad one is parked.
    expect(calls.slice(1).map((call) => call.length)).toEqual([1, 1, 1, 1, 1])
    const [parked] = await queue.parked()
    expect(parked).toMatchObject({ queue: 'batched', error: 'incident 3 cannot be placed', data: { n: 3 } })
    const states = await queryRows<{ state: string; jobs: number }>(
      database.db,
      sql`select state::text, count(*)::int as jobs from pgboss.job where name = 'batched' group by 1 order by 1`,
    )
    expect(states).toEqual([
      { state: 'completed', jobs: 4 },
      { state: 'failed', jobs: 1 },
    ])
    await queue.stop()
  })

  it('runs a periodic task once per period however many instances ask', async () => {
    let runs = 0
    const instances = [1, 2].map(() => {
      const queue = new JobQueue(database, (error) => errors.push(error), quick)
      queue.every('tick', 1, async () => {
        runs++
      })
      return queue
    })
    for (const queue of instances) await queue.start()
    const started = Date.now()
    await new Promise((resolve) => setTimeout(resolve, 3_500))
    for (const queue of instances) await queue.stop()
    const periods = Math.ceil((Date.now() - started) / 1000)
    // Each instance asks every second; two askers without the time slot would run it twice a period.
    expect(runs).toBeGreaterThan(0)
    expect(runs).toBeLessThanOrEqual(periods)
  })
})
