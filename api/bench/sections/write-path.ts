import { randomBytes, randomUUID } from 'node:crypto'
import { type Database, openDatabase } from '@misalign/db'
import { buildApp } from '../../src/app'
import { type AppConfig, loadConfig } from '../../src/config'
import { incidentBody } from '../../test/fixtures'
import { AppLogCapture } from '../lib/app-log'
import { provisionBenchUser } from '../lib/auth'
import { type PgPool, pgPoolOf, postgresConfig } from '../lib/bench-database'
import { HttpClient } from '../lib/http'
import { type LoadResult, runLoad } from '../lib/load'
import { type BenchContext, defineSection } from '../lib/section'
import type { SizeSpec } from '../lib/settings'
import { num, table } from '../lib/table'
import { type InsertCosts, insertCostProblems, measureInsertCosts, reportInsertCosts } from './insert-costs'

/** The API should manage at least half the throughput of a bare INSERT. */
const TARGET_RATIO = 0.5
const TEAM_COUNT = 4

export interface WritePathResult {
  api: LoadResult
  /** Single-row INSERTs into incidents as migrated (the same as `inserts.incidents`). */
  raw: LoadResult
  /** Bare table vs. incidents, and what each index, the search vector and the triggers cost. */
  inserts: InsertCosts
  /** API req/s over raw inserts/s. */
  ratio: number
  target: number
  pass: boolean
  poolSize: number
  /** Rows the API phase wrote (warm-up included): all three should match the 201s. */
  apiRows: { incidents: number; auditEntries: number; idempotencyKeys: number }
  /** Warnings and errors the app logged during the API phase. */
  appLog: { count: number; first: string | undefined }
}

type Body = ReturnType<typeof incidentBody>

/** The columns and values the API writes when `reporterId` files `body` (the rest are defaults). */
export function rawRow(body: Body, reporterId: string): [column: string, value: unknown][] {
  return [
    ['title', body.title],
    ['narrative', body.narrative],
    ['reporting_team_id', body.reportingTeamId],
    ['reporter_id', reporterId],
    ['anonymous', false],
    ['restricted', false],
    ['discovered_at', body.discoveredAt],
    ['discovery_channel', body.discoveryChannel],
    ['expected', body.expected],
    ['surprise', body.surprise],
    ['harmed_goal', body.harmedGoal],
    ['harm', body.harm],
    ['harm_kinds', body.harmKinds],
    ['engineer_days_lost', null],
    ['delay_days', null],
    ['decision_id', null],
    ['decision_owner_team_id', null],
    ['gap_id', null],
    ['missing_context', body.missingContext],
    ['root_cause', 'unknown'],
  ]
}

/**
 * Through the app's own config reader, so new settings get their defaults. Variables it does
 * not know are ignored: REPORTER_KEY_SECRET and FILING_LIMIT_PER_MINUTE are for the
 * authentication work (a per-minute filing limit would turn a benchmark into 429s).
 */
function appConfig(databaseUrl: string, poolSize: number): AppConfig {
  return loadConfig({
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: String(poolSize),
    DEMO: 'off',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: '0',
    REPORTER_KEY_SECRET: randomBytes(36).toString('base64'),
    FILING_LIMIT_PER_MINUTE: String(1_000_000_000),
  })
}

/**
 * The API's filing rate: POST /api/v1/incidents over a real socket, each request with its own
 * Idempotency-Key, from one app process. Extend here to measure more processes (the rate with 1
 * and 2 processes): `run` and `report` take whatever this returns.
 */
async function measureApiFilingRate(
  ctx: BenchContext,
  config: AppConfig,
  database: Database,
  appLog: AppLogCapture,
): Promise<{ load: LoadResult; teamIds: string[]; reporterId: string }> {
  const app = await buildApp({ config, database, logStream: appLog })
  let client: HttpClient | undefined
  try {
    const origin = await app.listen({ port: 0, host: '127.0.0.1' })
    const { userId, token } = await provisionBenchUser(app)
    client = new HttpClient(origin, ctx.concurrency, token)
    const http = client
    const teamIds: string[] = []
    for (let i = 1; i <= TEAM_COUNT; i++) {
      const res = await http.post('/api/v1/teams', { slug: `bench-team-${i}`, name: `Bench team ${i}` })
      if (res.status !== 201) throw new Error(`creating a team failed: ${res.status} ${res.body}`)
      teamIds.push((JSON.parse(res.body) as { id: string }).id)
    }
    const bodies = teamIds.map((id) => incidentBody(id))
    const load = await runLoad({
      ...ctx,
      op: async (worker) => {
        const body = bodies[worker % bodies.length] as Body
        const res = await http.post('/api/v1/incidents', body, { 'idempotency-key': randomUUID() })
        return res.status === 201 ? undefined : { error: `HTTP ${res.status}: ${res.body.slice(0, 1000)}` }
      },
    })
    return { load, teamIds, reporterId: userId }
  } finally {
    await client?.close()
    await app.close()
  }
}

async function countRows(pool: PgPool): Promise<WritePathResult['apiRows']> {
  const { rows } = await pool.query<{ incidents: string; audit: string; keys: string }>(
    `select (select count(*) from incidents) as incidents,
            (select count(*) from audit_log where entity_type = 'incident') as audit,
            (select count(*) from idempotency_keys) as keys`,
  )
  const row = rows[0]
  return { incidents: Number(row?.incidents), auditEntries: Number(row?.audit), idempotencyKeys: Number(row?.keys) }
}

async function run(ctx: BenchContext): Promise<WritePathResult> {
  // The app's pool is as large as the concurrency (DATABASE_POOL_SIZE), like the raw side's.
  const config = appConfig(ctx.databaseUrl, ctx.concurrency)
  const appDatabase = await openDatabase(config.database)
  let api: LoadResult
  let teamIds: string[]
  let reporterId: string
  const appLog = new AppLogCapture()
  try {
    ;({ load: api, teamIds, reporterId } = await measureApiFilingRate(ctx, config, appDatabase, appLog))
  } finally {
    await appDatabase.close()
  }

  const rawDatabase = await openDatabase(postgresConfig(ctx.databaseUrl, 1))
  let apiRows: WritePathResult['apiRows']
  try {
    apiRows = await countRows(pgPoolOf(rawDatabase))
  } finally {
    await rawDatabase.close()
  }
  // After Ctrl-C this returns at once: runLoad starts no work once the signal is aborted.
  const inserts = await measureInsertCosts(
    ctx,
    teamIds.map((id) => rawRow(incidentBody(id), reporterId)),
  )
  const raw = inserts.incidents
  const ratio = raw.perSecond > 0 ? api.perSecond / raw.perSecond : Number.NaN
  return {
    api,
    raw,
    inserts,
    ratio,
    target: TARGET_RATIO,
    pass: ratio >= TARGET_RATIO,
    poolSize: ctx.concurrency,
    apiRows,
    appLog: { count: appLog.count, first: appLog.first },
  }
}

function report(r: WritePathResult, ctx: BenchContext): string {
  const rows = [
    ['throughput (per s)', num(r.api.perSecond), num(r.raw.perSecond)],
    ['latency p50 (ms)', num(r.api.latency.p50, 2), num(r.raw.latency.p50, 2)],
    ['latency p95 (ms)', num(r.api.latency.p95, 2), num(r.raw.latency.p95, 2)],
    ['latency p99 (ms)', num(r.api.latency.p99, 2), num(r.raw.latency.p99, 2)],
    ['latency max (ms)', num(r.api.latency.max, 2), num(r.raw.latency.max, 2)],
    ['succeeded', num(r.api.ok, 0), num(r.raw.ok, 0)],
    ['errors', num(r.api.errors, 0), num(r.raw.errors, 0)],
    ['measured (s)', num(r.api.seconds, 2), num(r.raw.seconds, 2)],
  ]
  const verdict = !Number.isFinite(r.ratio) ? '(no verdict)' : r.pass ? 'PASS' : 'FAIL'
  const lines = [
    `${ctx.concurrency} workers, pg pool ${r.poolSize} on both sides, ${num(ctx.warmupMs / 1000)} s warm-up + ${num(ctx.durationMs / 1000)} s each`,
    '',
    table(['', 'API POST /incidents', 'raw INSERT'], rows),
    '',
    `  ratio API / raw: ${Number.isFinite(r.ratio) ? `${num(r.ratio, 2)}×` : 'n/a'}   target ≥ ${num(r.target, 2)}×   ${verdict}`,
    `  API rows written (incl. warm-up): ${r.apiRows.incidents} incidents, ${r.apiRows.auditEntries} audit entries, ${r.apiRows.idempotencyKeys} idempotency keys`,
  ]
  if (r.api.firstError) lines.push(`  first API error: ${r.api.firstError}`)
  if (r.raw.firstError) lines.push(`  first raw error: ${r.raw.firstError}`)
  lines.push('', reportInsertCosts(r.inserts))
  if (r.appLog.count > 0) lines.push(`  the app logged ${r.appLog.count} warning/error line(s); first: ${r.appLog.first}`)
  if (r.api.aborted || r.raw.aborted) lines.push('  (interrupted: figures cover only part of the run)')
  return lines.join('\n')
}

/** Broken, not slow: failed requests, or a filing whose audit entry or idempotency key is missing. */
function problems(r: WritePathResult): string[] {
  const found: string[] = []
  if (r.api.errors > 0) found.push(`${r.api.errors} API request(s) failed; first: ${r.api.firstError}`)
  found.push(...insertCostProblems(r.inserts))
  const { incidents, auditEntries, idempotencyKeys } = r.apiRows
  // Every worker finishes the filing it started, so even a 0.2 s run writes some rows;
  // how many of them fall inside the measured window is timing, and is not checked.
  if (incidents === 0 && !r.api.aborted) found.push('the API filed no incident at all')
  if (auditEntries !== incidents || idempotencyKeys !== incidents) {
    found.push(`rows do not add up: ${incidents} incidents, ${auditEntries} audit entries, ${idempotencyKeys} idempotency keys`)
  }
  return found
}

export const writePath = defineSection<WritePathResult, SizeSpec>({
  name: 'write-path',
  title:
    'Write path: POST /api/v1/incidents (incident + audit + idempotency key, one transaction) vs. raw INSERT, and what a raw INSERT costs',
  // Its size is time: BENCH_DURATION_S, BENCH_WARMUP_S and BENCH_CONCURRENCY.
  sizes: {},
  run,
  report,
  problems,
})
