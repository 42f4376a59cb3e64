import { randomBytes } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import v8 from 'node:v8'
import { runInNewContext } from 'node:vm'
import { openDatabase } from '@misalign/db'
import { generateOrg, writeOrg } from '@misalign/db/seed'
import { Pool } from 'undici'
import { buildApp } from '../../src/app'
import { loadConfig } from '../../src/config'
import { AppLogCapture } from '../lib/app-log'
import { provisionBenchUser } from '../lib/auth'
import { defineSection } from '../lib/section'
import { num, table } from '../lib/table'

/*
 * Streamed exports (ADR 038): generated incidents exported through GET /api/v1/incidents/export
 * over a real socket, as CSV and as NDJSON, while the bench samples this process's memory. The
 * server and the client share the process, so the figures include both; the client only counts
 * bytes. "Flat" means the growth stays near one batch's worth (500 rows) however many rows go out:
 * compare the growth with the bytes streamed, or run BENCH_EXPORT_INCIDENTS=1000000.
 */
const sizes = {
  incidents: { env: 'BENCH_EXPORT_INCIDENTS', full: 20_000, smoke: 200, about: 'incidents seeded, then exported' },
}
const MB = 1024 * 1024
/**
 * Peak heap counts garbage V8 has not collected yet, and V8 lets more of it pile up the more
 * there is to do; what the export keeps alive is the heap right after a full GC.
 */
const LIVE_EVERY_BYTES = 8 * MB

interface FormatRun {
  format: 'csv' | 'ndjson'
  status: number
  ms: number
  bytes: number
  lines: number
  rowsPerSecond: number
  /** Resident set and V8 heap just before the request, after a full GC. */
  rssBeforeMb: number
  heapBeforeMb: number
  peakRssMb: number
  peakHeapMb: number
  /** The most heap still in use right after a full GC, forced every LIVE_EVERY_BYTES received. */
  peakLiveHeapMb: number
}

export interface ExportResult {
  incidents: number
  seedMs: number
  runs: FormatRun[]
  errors: string[]
}

/** A full collection before each measurement, so growth is the export's and not the seed's garbage. */
function collector(): () => void {
  v8.setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as (() => void) | undefined
  return gc ?? (() => {})
}

async function measure(http: Pool, token: string, format: FormatRun['format'], rows: number, gc: () => void): Promise<FormatRun> {
  gc()
  const before = process.memoryUsage()
  let peakRss = before.rss
  let peakHeap = before.heapUsed
  const sample = () => {
    const now = process.memoryUsage()
    peakRss = Math.max(peakRss, now.rss)
    peakHeap = Math.max(peakHeap, now.heapUsed)
  }
  const timer = setInterval(sample, 5)
  const began = performance.now()
  let bytes = 0
  let lines = 0
  let peakLive = before.heapUsed
  let nextLive = LIVE_EVERY_BYTES
  try {
    const res = await http.request({
      method: 'GET',
      path: `/api/v1/incidents/export?format=${format}`,
      headers: { authorization: `Bearer ${token}` },
    })
    for await (const chunk of res.body) {
      const buffer = chunk as Buffer
      bytes += buffer.length
      for (let i = buffer.indexOf(10); i !== -1; i = buffer.indexOf(10, i + 1)) lines += 1
      sample()
      if (bytes >= nextLive) {
        nextLive += LIVE_EVERY_BYTES
        gc()
        peakLive = Math.max(peakLive, process.memoryUsage().heapUsed)
      }
    }
    const ms = performance.now() - began
    return {
      format,
      status: res.statusCode,
      ms,
      bytes,
      lines,
      rowsPerSecond: (rows / ms) * 1000,
      rssBeforeMb: before.rss / MB,
      heapBeforeMb: before.heapUsed / MB,
      peakRssMb: peakRss / MB,
      peakHeapMb: peakHeap / MB,
      peakLiveHeapMb: peakLive / MB,
    }
  } finally {
    clearInterval(timer)
  }
}

async function run(databaseUrl: string, incidents: number): Promise<ExportResult> {
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: '4',
    DEMO: 'off',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: '0',
    REPORTER_KEY_SECRET: randomBytes(36).toString('base64'),
  })
  const database = await openDatabase(config.database)
  const errors: string[] = []
  const runs: FormatRun[] = []
  let seedMs = 0
  try {
    // The generated org is dropped before measuring: only the export should be in the heap.
    seedMs = (await writeOrg(database, generateOrg({ incidents, seed: 38, today: '2026-06-30' }))).ms
    const app = await buildApp({ config, database, logStream: new AppLogCapture() })
    try {
      const origin = await app.listen({ port: 0, host: '127.0.0.1' })
      const { token } = await provisionBenchUser(app)
      const http = new Pool(origin, { connections: 1 })
      const gc = collector()
      try {
        for (const format of ['csv', 'ndjson'] as const) {
          const result = await measure(http, token, format, incidents, gc)
          runs.push(result)
          // NDJSON is one line per incident; CSV adds a header and may quote line breaks inside a cell.
          const expected = format === 'ndjson' ? result.lines === incidents : result.lines >= incidents + 1
          if (result.status !== 200 || !expected) {
            errors.push(`${format}: status ${result.status}, ${result.lines} lines for ${incidents} incidents`)
          }
        }
      } finally {
        await http.close()
      }
    } finally {
      await app.close()
    }
  } finally {
    await database.close()
  }
  return { incidents, seedMs, runs, errors }
}

function report(r: ExportResult): string {
  const lines = [
    `${r.incidents.toLocaleString('en-US')} incidents seeded into Postgres in ${num(r.seedMs / 1000)} s, each exported whole as an admin, one request at a time`,
    'memory: this process (server and client), sampled every 5 ms and on every chunk; "before" is after a full GC;',
    `"live growth": heap in use right after a full GC, forced every ${LIVE_EVERY_BYTES / MB} MB received (flat memory means this stays flat)`,
    '',
    table(
      ['format', 'MB sent', 's', 'rows/s', 'RSS before', 'peak RSS', 'RSS growth', 'heap before', 'heap growth', 'live growth'],
      r.runs.map((run) => [
        run.format,
        num(run.bytes / MB),
        num(run.ms / 1000, 2),
        num(run.rowsPerSecond, 0),
        num(run.rssBeforeMb),
        num(run.peakRssMb),
        num(run.peakRssMb - run.rssBeforeMb),
        num(run.heapBeforeMb),
        num(run.peakHeapMb - run.heapBeforeMb),
        num(run.peakLiveHeapMb - run.heapBeforeMb),
      ]),
    ),
  ]
  for (const error of r.errors) lines.push(`  error: ${error}`)
  return lines.join('\n')
}

export const exportsSection = defineSection({
  name: 'exports',
  title: 'Streamed exports: GET /api/v1/incidents/export as CSV and NDJSON, rows/s and memory (MB)',
  sizes,
  run: (ctx, { incidents }) => run(ctx.databaseUrl, incidents),
  report,
  problems: (r) => r.errors,
})
