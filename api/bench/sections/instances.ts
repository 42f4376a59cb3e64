import { randomBytes, randomUUID } from 'node:crypto'
import { createRepositories, type Database, openDatabase, systemActor } from '@misalign/db'
import { API_TOKEN_PREFIX, sha256 } from '../../src/lib/secrets'
import { incidentBody } from '../../test/fixtures'
import { type ApiProcess, startApiProcess } from '../../test/support/api-process'
import { pgPoolOf, postgresConfig } from '../lib/bench-database'
import { HttpClient } from '../lib/http'
import { type LoadResult, runLoad } from '../lib/load'
import { type BenchContext, defineSection } from '../lib/section'
import type { SizeSpec } from '../lib/settings'
import { type LatencySummary, summarise } from '../lib/stats'
import { num, table } from '../lib/table'
import { insertLoad } from './insert-costs'
import { rawRow } from './write-path'

const TEAM_COUNT = 4
/** Filing through one process should reach half a raw insert (goal 0.7); placement p95 ≤ 2 s. */
const TARGET_RATIO = 0.5
const TARGET_PLACEMENT_P95_MS = 2_000

interface Phase {
  processes: number
  load: LoadResult
  /** Commit (job created) to placement done (job completed), per incident filed in the phase. */
  placement: LatencySummary & { count: number }
}

export interface InstancesResult {
  raw: LoadResult
  phases: Phase[]
  ratio: number
  incidents: number
  filedEvents: number
  placementJobs: number
}

async function provision(database: Database): Promise<{ token: string; teamIds: string[]; userId: string }> {
  const repos = createRepositories(database.db)
  const teamIds: string[] = []
  for (let i = 1; i <= TEAM_COUNT; i++)
    teamIds.push((await repos.teams.create({ slug: `bench-${i}`, name: `Bench ${i}` }, systemActor)).id)
  const user = await repos.users.create(
    { email: 'bench@bench.example', displayName: 'Benchmark', role: 'admin', teamIds },
    systemActor,
  )
  const token = `${API_TOKEN_PREFIX}${randomBytes(24).toString('base64url')}`
  await repos.sessions.createToken(
    { userId: user.id, label: 'bench', tokenHash: sha256(token), prefix: token.slice(0, 10) },
    systemActor,
  )
  return { token, teamIds, userId: user.id }
}

/** Waits for every placement job to finish, then reads commit-to-placement delays since `since`. */
async function placementDelays(database: Database, since: Date, signal: AbortSignal): Promise<Phase['placement']> {
  const pool = pgPoolOf(database)
  const deadline = Date.now() + 120_000
  for (;;) {
    const { rows } = await pool.query<{ pending: number }>(
      `select count(*)::int as pending from pgboss.job where name = 'cluster-placement' and state < 'completed'`,
    )
    if ((rows[0]?.pending ?? 0) === 0 || Date.now() > deadline || signal.aborted) break
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const { rows } = await pool.query<{ ms: number }>(
    `select extract(epoch from (completed_on - created_on)) * 1000 as ms from pgboss.job
      where name = 'cluster-placement' and state = 'completed' and created_on >= $1
     union all
     select extract(epoch from (completed_on - created_on)) * 1000 from pgboss.archive
      where name = 'cluster-placement' and state = 'completed' and created_on >= $1`,
    [since],
  )
  const samples = rows.map((row) => Number(row.ms)).sort((a, b) => a - b)
  return { ...summarise(samples), count: samples.length }
}

async function filingPhase(ctx: BenchContext, processes: ApiProcess[], token: string, teamIds: string[], database: Database) {
  const clients = processes.map((api) => new HttpClient(api.url, Math.ceil(ctx.concurrency / processes.length), token))
  const bodies = teamIds.map((id) => incidentBody(id, { title: 'Billing cutover moved without telling the mobile team' }))
  const since = new Date()
  try {
    const load = await runLoad({
      ...ctx,
      op: async (worker) => {
        const client = clients[worker % clients.length] as HttpClient
        const res = await client.post('/api/v1/incidents', bodies[worker % bodies.length], { 'idempotency-key': randomUUID() })
        return res.status === 201 ? undefined : { error: `HTTP ${res.status}: ${res.body.slice(0, 500)}` }
      },
    })
    return { processes: processes.length, load, placement: await placementDelays(database, since, ctx.signal) }
  } finally {
    await Promise.all(clients.map((client) => client.close()))
  }
}

async function run(ctx: BenchContext): Promise<InstancesResult> {
  const database = await openDatabase(postgresConfig(ctx.databaseUrl, 4))
  const started: ApiProcess[] = []
  try {
    await database.migrate()
    const { token, teamIds, userId } = await provision(database)
    const env = {
      DATABASE_URL: ctx.databaseUrl,
      DATABASE_POOL_SIZE: String(ctx.concurrency),
      REPORTER_KEY_SECRET: randomBytes(36).toString('base64'),
      FILING_LIMIT_PER_MINUTE: String(1_000_000_000),
    }
    started.push(await startApiProcess(env))
    const one = await filingPhase(ctx, started, token, teamIds, database)
    // The second starts after the first migrated and created the queue's schema.
    started.push(await startApiProcess(env))
    const two = await filingPhase(ctx, started, token, teamIds, database)
    await Promise.all(started.map((api) => api.stop()))
    started.length = 0

    const counts = await pgPoolOf(database).query<{ incidents: number; events: number; jobs: number }>(
      `select (select count(*)::int from incidents) as incidents,
              (select count(*)::int from outbox_events where type = 'incident.filed') as events,
              (select count(*)::int from pgboss.job where name = 'cluster-placement')
                + (select count(*)::int from pgboss.archive where name = 'cluster-placement') as jobs`,
    )
    const row = counts.rows[0]
    // The same single-row INSERT the write-path section measures (it empties incidents first).
    const raw = await insertLoad(
      ctx,
      pgPoolOf(database),
      'incidents',
      teamIds.map((id) => rawRow(incidentBody(id), userId)),
    )
    return {
      raw,
      phases: [one, two],
      ratio: raw.perSecond > 0 ? one.load.perSecond / raw.perSecond : Number.NaN,
      incidents: row?.incidents ?? 0,
      filedEvents: row?.events ?? 0,
      placementJobs: row?.jobs ?? 0,
    }
  } finally {
    await Promise.all(started.map((api) => api.stop()))
    await database.close()
  }
}

function report(r: InstancesResult, ctx: BenchContext): string {
  const [one, two] = r.phases
  const cell = (phase: Phase | undefined, pick: (phase: Phase) => string) => (phase ? pick(phase) : 'n/a')
  const rows = [
    ['filings per s', cell(one, (p) => num(p.load.perSecond)), cell(two, (p) => num(p.load.perSecond)), num(r.raw.perSecond)],
    [
      'vs raw insert',
      cell(one, (p) => `${num(p.load.perSecond / r.raw.perSecond, 2)}×`),
      cell(two, (p) => `${num(p.load.perSecond / r.raw.perSecond, 2)}×`),
      '1.00×',
    ],
    [
      'filing p95 (ms)',
      cell(one, (p) => num(p.load.latency.p95, 1)),
      cell(two, (p) => num(p.load.latency.p95, 1)),
      num(r.raw.latency.p95, 2),
    ],
    ['placement p50 (ms)', cell(one, (p) => num(p.placement.p50, 0)), cell(two, (p) => num(p.placement.p50, 0)), ''],
    ['placement p95 (ms)', cell(one, (p) => num(p.placement.p95, 0)), cell(two, (p) => num(p.placement.p95, 0)), ''],
    ['errors', cell(one, (p) => num(p.load.errors, 0)), cell(two, (p) => num(p.load.errors, 0)), num(r.raw.errors, 0)],
  ]
  const p95 = Math.max(one?.placement.p95 ?? 0, two?.placement.p95 ?? 0)
  const lines = [
    `${ctx.concurrency} workers over real sockets to separate server processes (src/server.ts), pool ${ctx.concurrency} each`,
    '',
    table(['', 'API, 1 process', 'API, 2 processes', 'raw INSERT'], rows),
    '',
    `  one process / raw: ${num(r.ratio, 2)}×   target ≥ ${num(TARGET_RATIO, 2)}× (goal 0.7×)   ${r.ratio >= TARGET_RATIO ? 'PASS' : 'FAIL'}`,
    `  placement p95 under load: ${num(p95, 0)} ms   target ≤ ${TARGET_PLACEMENT_P95_MS} ms   ${p95 <= TARGET_PLACEMENT_P95_MS ? 'PASS' : 'FAIL'}`,
    `  filed ${r.incidents}, incident.filed events ${r.filedEvents}, placement jobs ${r.placementJobs}`,
  ]
  for (const phase of r.phases)
    if (phase.load.firstError) lines.push(`  first error (${phase.processes}): ${phase.load.firstError}`)
  return lines.join('\n')
}

function problems(r: InstancesResult): string[] {
  const found: string[] = []
  for (const phase of r.phases) {
    if (phase.load.errors > 0)
      found.push(`${phase.load.errors} filing(s) failed with ${phase.processes} process(es); first: ${phase.load.firstError}`)
  }
  if (r.filedEvents !== r.incidents) found.push(`${r.incidents} incidents filed but ${r.filedEvents} incident.filed events`)
  if (r.placementJobs !== r.filedEvents) found.push(`${r.filedEvents} events but ${r.placementJobs} placement jobs`)
  return found
}

export const instances = defineSection<InstancesResult, SizeSpec>({
  name: 'instances',
  title: 'Filing through one and two API processes on one Postgres, and commit-to-placement delay',
  sizes: {},
  run,
  report,
  problems,
})
