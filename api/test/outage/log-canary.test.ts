import { randomBytes } from 'node:crypto'
import { openDatabase } from '@misalign/db'
import { afterEach, describe, expect, it } from 'vitest'
import { incidentBody } from '../fixtures'
import {
  createMember,
  type Member,
  type OwnPostgres,
  type RunningApi,
  sleep,
  startApi,
  startOwnPostgres,
} from '../support/outage-harness'

// Runs with the Postgres pass of CI (.ci/run), on a Postgres of its own.
const onServer = Boolean(process.env.TEST_DATABASE_URL)

let postgres: OwnPostgres | undefined
const apis: RunningApi[] = []
afterEach(async () => {
  for (const api of apis.splice(0)) await api.stop()
  postgres?.destroy()
  postgres = undefined
})

/** A report whose every free-text field is a canary that must never reach a log. */
function canaryReport(member: Member, kind: string, canaries: string[], extra: Record<string, unknown>) {
  const canary = (field: string) => {
    const value = `canary-${kind}-${field}-${randomBytes(6).toString('hex')}`
    canaries.push(value)
    return value
  }
  return incidentBody(member.teamId, {
    title: canary('title'),
    narrative: canary('narrative'),
    expected: canary('expected'),
    harmedGoal: canary('goal'),
    missingContext: canary('context'),
    ...extra,
  })
}

async function file(api: RunningApi, member: Member, body: object) {
  const res = await fetch(`${api.url}/api/v1/incidents`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${member.token}`,
      'content-type': 'application/json',
      'idempotency-key': randomBytes(8).toString('hex'),
    },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  })
  return { status: res.status, body: (await res.json()) as { detail?: string; id?: string } }
}

async function connect(url: string) {
  const database = await openDatabase(
    { kind: 'postgres', url, poolSize: 1, statementTimeoutMs: 60_000 },
    { onPoolError: () => {} },
  )
  if (database.raw.kind !== 'postgres') throw new Error('expected Postgres')
  const client = await database.raw.pool.connect()
  return {
    query: async <T>(text: string) => (await client.query(text)) as unknown as { rows: T[] },
    end: async () => {
      client.release()
      await database.close()
    },
  }
}

/** Holds an exclusive lock on incidents, so every filing waits on it. */
async function lockIncidents(url: string) {
  const client = await connect(url)
  await client.query('begin')
  await client.query('lock table incidents in access exclusive mode')
  return {
    terminateApiConnections: () =>
      client.query(
        `select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'misalignment-tracker' and pid <> pg_backend_pid()`,
      ),
    release: async () => {
      await client.query('rollback')
      await client.end()
    },
  }
}

describe.skipIf(!onServer)('logs, when filing fails in the database', () => {
  it('never carry a report, a reporter key, a token, its hash or any query parameter', async () => {
    postgres = await startOwnPostgres()
    const canaries: string[] = []

    // A: statement timeout (1 s) below the lock timeout (2 s), and a dropped connection.
    const a = await startApi({ DATABASE_URL: postgres.url, DATABASE_STATEMENT_TIMEOUT_MS: '1000' })
    apis.push(a)
    const member = await createMember(postgres.url)
    const filed = await file(a, member, canaryReport(member, 'filed', canaries, { anonymous: true }))
    expect(filed.status).toBe(201)

    let lock = await lockIncidents(postgres.url)
    const timedOut = [
      await file(a, member, canaryReport(member, 'anonymous', canaries, { anonymous: true })),
      await file(a, member, canaryReport(member, 'restricted', canaries, { restricted: true })),
    ]
    for (const res of timedOut) expect(res.status).toBe(503)
    const dropping = file(a, member, canaryReport(member, 'dropped', canaries, { anonymous: true, restricted: true }))
    await sleep(300)
    await lock.terminateApiConnections()
    expect((await dropping).status).toBe(503)
    await lock.release()

    // The database away entirely: every request's token lookup fails.
    postgres.crash()
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${a.url}/api/v1/incidents`, { headers: { authorization: `Bearer ${member.token}` } })
      expect(res.status).toBe(503)
    }
    postgres.start()

    // B: the default statement timeout, so the 2 s lock timeout fires, on an Idempotency-Key.
    const b = await startApi({ DATABASE_URL: postgres.url })
    apis.push(b)
    lock = await lockIncidents(postgres.url)
    const busy = await file(b, member, canaryReport(member, 'locked', canaries, { anonymous: true }))
    await lock.release()
    expect(busy.status).toBe(409)
    expect(busy.body.detail).toMatch(/busy/)
    expect(busy.body.detail).not.toMatch(/Idempotency-Key/)

    const check = await connect(postgres.url)
    const { rows } = await check.query<{ reporter_key: string }>('select reporter_key from incidents where anonymous')
    await check.end()
    const reporterKey = rows[0]?.reporter_key
    expect(reporterKey).toEqual(expect.any(String))

    const log = [...a.lines, ...b.lines].join('\n')
    // The failures did reach the log, so its silence about values means something.
    expect(log).toMatch(/"code":"57014"/)
    expect(log).toMatch(/"code":"57P01"|Connection terminated|terminating connection/)
    expect(log).toMatch(/ECONNREFUSED|database-unavailable|Connection terminated/)
    for (const secret of [...canaries, reporterKey as string, member.token, member.tokenHash, member.userId, member.email]) {
      expect(log.includes(secret), `the log carries ${secret}`).toBe(false)
    }
    expect(log).not.toMatch(/params:/)
  }, 180_000)
})
