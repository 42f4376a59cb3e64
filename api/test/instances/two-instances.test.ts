import { createHash, randomBytes } from 'node:crypto'
import { createRepositories, createServerDatabase, type Database, openDatabase, queryRows, sql, systemActor } from '@misalign/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { incidentBody } from '../fixtures'
import { type ApiProcess, startApiProcess } from '../support/api-process'

/**
 * Two API processes on one Postgres, as behind a load balancer: concurrent filings, edits,
 * placements and recomputes through both lose nothing, do nothing twice, and both answer the
 * same. Only on a Postgres server: the embedded database belongs to one process by design.
 */
const serverUrl = process.env.TEST_DATABASE_URL
const secret = `two-instances-${randomBytes(24).toString('hex')}`

type Instance = ApiProcess

let database: Database
let dropDatabase: () => Promise<void> = async () => {}
let token: string
let teamId: string
const instances: Instance[] = []

function startInstance(url: string): Promise<Instance> {
  return startApiProcess({ DATABASE_URL: url, REPORTER_KEY_SECRET: secret, FILING_LIMIT_PER_MINUTE: '10000' })
}

async function call(instance: Instance, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${instance.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  })
  const text = await res.text()
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} }
}

/** Runs the calls with at most `width` in flight, keeping their order in the answer. */
async function inParallel<T>(calls: (() => Promise<T>)[], width: number): Promise<T[]> {
  const results: T[] = new Array(calls.length)
  let next = 0
  const lane = async () => {
    for (let index = next++; index < calls.length; index = next++) results[index] = await (calls[index] as () => Promise<T>)()
  }
  await Promise.all(Array.from({ length: width }, lane))
  return results
}

async function pendingPlacements(): Promise<number> {
  const [row] = await queryRows<{ pending: number }>(
    database.db,
    sql`select count(*)::int as pending from pgboss.job where name = 'cluster-placement' and state < 'completed'`,
  )
  return row?.pending ?? 0
}

describe.skipIf(!serverUrl)('two API instances on one Postgres', () => {
  beforeAll(async () => {
    const created = await createServerDatabase(serverUrl ?? '')
    dropDatabase = created.drop
    const url = created.url
    database = await openDatabase({ kind: 'postgres', url, poolSize: 4, statementTimeoutMs: 30_000 })
    await database.migrate()
    const repos = createRepositories(database.db)
    const team = await repos.teams.create({ slug: 'platform', name: 'Platform' }, systemActor)
    teamId = team.id
    const user = await repos.users.create(
      { email: 'admin@two.example', displayName: 'Admin', role: 'admin', teamIds: [team.id] },
      systemActor,
    )
    token = `mt_${randomBytes(24).toString('base64url')}`
    const tokenHash = createHash('sha256').update(token).digest('base64url')
    await repos.sessions.createToken({ userId: user.id, label: 'test', tokenHash, prefix: token.slice(0, 10) }, systemActor)
    // One at a time: both would otherwise race to create the queue's schema on first start.
    instances.push(await startInstance(url))
    instances.push(await startInstance(url))
  }, 180_000)

  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()))
    await database?.close()
    await dropDatabase()
  })

  it('files, edits, places and recomputes through both without losing or doubling anything', async () => {
    const [one, two] = instances
    if (!one || !two) throw new Error('instances did not start')

    // 60 filings spread over both, 16 at a time, 10 of them sent to both at once with the same
    // Idempotency-Key (a client retrying through the load balancer).
    const plain = Array.from(
      { length: 50 },
      (_, n) => () =>
        call(
          n % 2 ? one : two,
          'POST',
          '/api/v1/incidents',
          incidentBody(teamId, { title: `Report ${n} on the billing cutover` }),
        ),
    )
    const retried = Array.from({ length: 10 }, (_, n) => {
      const body = incidentBody(teamId, { title: `Retried report ${n}` })
      const headers = { 'idempotency-key': `retry-${n}` }
      return [
        () => call(one, 'POST', '/api/v1/incidents', body, headers),
        () => call(two, 'POST', '/api/v1/incidents', body, headers),
      ]
    }).flat()
    const filed = await inParallel([...plain, ...retried], 16)
    const refused = filed.filter((res) => res.status !== 201 && res.status !== 409)
    expect(refused, 'every filing is created, replayed, or told its twin is still in flight').toEqual([])
    const ids = new Set(filed.filter((res) => res.status === 201).map((res) => res.body.id as string))
    expect(ids.size).toBe(60)

    const [stored] = await queryRows<{ incidents: number; events: number }>(
      database.db,
      sql`select (select count(*)::int from incidents) as incidents,
                 (select count(*)::int from outbox_events where type = 'incident.filed') as events`,
    )
    expect(stored).toEqual({ incidents: 60, events: 60 })

    // The same edit of the same version through both: one wins, the other is told to reload.
    const target = [...ids][0] as string
    const edits = await Promise.all(
      [one, two].map((instance, n) =>
        call(
          instance,
          'PATCH',
          `/api/v1/incidents/${target}`,
          { rootCause: n ? 'conflicting_priorities' : 'hidden_decision' },
          { 'if-match': '"1"' },
        ),
      ),
    )
    expect(edits.map((res) => res.status).sort()).toEqual([200, 412])

    // Every filing is placed exactly once, by whichever instance took its job.
    const deadline = Date.now() + 60_000
    while ((await pendingPlacements()) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200))
    const jobs = await queryRows<{ incident: string; runs: number; state: string }>(
      database.db,
      sql`select data->>'aggregateId' as incident, count(*)::int as runs, min(state::text) as state
            from pgboss.job where name = 'cluster-placement' group by 1`,
    )
    expect(jobs).toHaveLength(60)
    expect(jobs.every((job) => job.runs === 1 && job.state === 'completed')).toBe(true)

    // Two recomputes at once are serialised, and both instances then tell the same story.
    const recomputes = await Promise.all([one, two].map((instance) => call(instance, 'POST', '/api/v1/clusters/recompute')))
    expect(recomputes.map((res) => res.status)).toEqual([200, 200])
    const [fromOne, fromTwo] = await Promise.all(
      [one, two].map(async (instance) => [
        (await call(instance, 'GET', '/api/v1/incidents?limit=200')).body,
        (await call(instance, 'GET', '/api/v1/clusters')).body,
      ]),
    )
    expect(fromOne).toEqual(fromTwo)
    const [membership] = await queryRows<{ doubled: number }>(
      database.db,
      sql`select count(*)::int as doubled from (
            select cluster_id, incident_id from cluster_members group by 1, 2 having count(*) > 1) twice`,
    )
    expect(membership?.doubled).toBe(0)
  }, 240_000)
})
