import { openDatabase, queryRows, sql } from '@misalign/db'
import { afterEach, describe, expect, it } from 'vitest'
import { incidentBody } from '../fixtures'
import {
  createMember,
  type FilingOutcome,
  fileOnce,
  fileUntil,
  type Member,
  type OwnPostgres,
  type RunningApi,
  sleep,
  startApi,
  startOwnPostgres,
  startProxy,
} from '../support/outage-harness'

// Runs with the Postgres pass of CI (.ci/run); it starts a Postgres of its own, never touching
// the shared server, so it needs the server binaries that pass has anyway.
const onServer = Boolean(process.env.TEST_DATABASE_URL)
const WRITERS = 8

let postgres: OwnPostgres | undefined
let api: RunningApi | undefined
afterEach(async () => {
  await api?.stop()
  postgres?.destroy()
  api = undefined
  postgres = undefined
})

async function readyWithin(api: RunningApi, ms: number): Promise<number> {
  const started = Date.now()
  while (Date.now() - started < ms) {
    const res = await fetch(`${api.url}/api/ready`, { signal: AbortSignal.timeout(5_000) }).catch(() => undefined)
    if (res?.status === 200) return Date.now() - started
    await sleep(100)
  }
  throw new Error(`/api/ready did not recover within ${ms} ms`)
}

/** Eight writers file until the disruption is over and the API has answered again. */
async function fileThrough(api: RunningApi, member: Member, disrupt: () => Promise<void>): Promise<FilingOutcome[]> {
  let stop = false
  const body = (title: string) => incidentBody(member.teamId, { title })
  const writers = Array.from({ length: WRITERS }, () => fileUntil(api, member, () => stop, body))
  await sleep(1_500)
  await disrupt()
  await readyWithin(api, 15_000)
  await sleep(1_000)
  stop = true
  const outcomes = (await Promise.all(writers)).flat()
  // A client that got no acknowledgement retries with the same key: it must file once.
  for (const outcome of outcomes) if (outcome.incidentId === undefined) await fileOnce(api, member, outcome, body)
  return outcomes
}

async function expectEveryWriteKept(api: RunningApi, databaseUrl: string, outcomes: FilingOutcome[]) {
  expect(api.child.exitCode, api.lines.slice(-20).join('\n')).toBeNull()
  const statuses = outcomes.flatMap((outcome) => outcome.statuses)
  // 201 filed (or replayed), 503 the database was away; never a 500, a hang or a non-problem error.
  expect(new Set(statuses.filter((status) => status !== 201 && status !== 503))).toEqual(new Set())
  expect(statuses).toContain(503)
  expect(outcomes.every((outcome) => outcome.incidentId !== undefined)).toBe(true)
  const database = await openDatabase({ kind: 'postgres', url: databaseUrl, poolSize: 1, statementTimeoutMs: 10_000 })
  try {
    const rows = await queryRows<{ title: string; filings: number }>(
      database.db,
      sql`select title, count(*)::int as filings from incidents group by title`,
    )
    const filings = new Map(rows.map((row) => [row.title, row.filings]))
    for (const outcome of outcomes) expect(filings.get(outcome.title), outcome.title).toBe(1)
    expect(rows).toHaveLength(outcomes.length)
  } finally {
    await database.close()
  }
  expect(api.lines.join('\n')).not.toMatch(/shutting down after an error/)
}

describe.skipIf(!onServer)('when the database goes away under write load', () => {
  it('stays up through an immediate stop and restart, answers 503, and loses or doubles nothing', async () => {
    postgres = await startOwnPostgres()
    api = await startApi({ DATABASE_URL: postgres.url, DATABASE_STATEMENT_TIMEOUT_MS: '5000' })
    const member = await createMember(postgres.url)
    const own = postgres
    const outcomes = await fileThrough(api, member, async () => {
      own.crash()
      await sleep(2_000)
      own.start()
    })
    await expectEveryWriteKept(api, postgres.url, outcomes)
  }, 180_000)

  it('stays up when the network to the database stalls and then resets', async () => {
    postgres = await startOwnPostgres()
    const proxy = await startProxy(postgres.port)
    try {
      const viaProxy = postgres.url.replace(`:${postgres.port}/`, `:${proxy.port}/`)
      // A short statement timeout, so a stalled query gives up (client side: +1 s) quickly.
      api = await startApi({ DATABASE_URL: viaProxy, DATABASE_STATEMENT_TIMEOUT_MS: '2000' })
      const member = await createMember(postgres.url)
      const outcomes = await fileThrough(api, member, async () => {
        proxy.setMode('blackhole')
        await sleep(4_000)
        proxy.setMode('reset')
        await sleep(500)
        proxy.setMode('pass')
      })
      await expectEveryWriteKept(api, postgres.url, outcomes)
    } finally {
      await proxy.close()
    }
  }, 180_000)
})
