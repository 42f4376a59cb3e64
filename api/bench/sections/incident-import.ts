import { randomBytes } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { openDatabase, systemActor } from '@misalign/db'
import type { IncidentImportResult } from '@misalign/shared'
import { Pool } from 'undici'
import { buildApp } from '../../src/app'
import { loadConfig } from '../../src/config'
import { AppLogCapture } from '../lib/app-log'
import { provisionBenchUser } from '../lib/auth'
import { defineSection } from '../lib/section'
import { num, table } from '../lib/table'

/*
 * Incident import (ADR 041): generated incidents as one CSV file, sent to POST
 * /api/v1/incidents/import over a real socket: a dry run, the real run (one transaction, batched
 * multi-row writes with audit entries and outbox events), then the same file again (every row
 * unchanged). The target: 100k rows written in at most 60 s on Postgres.
 */
const sizes = {
  incidents: { env: 'BENCH_IMPORT_INCIDENTS', full: 100_000, smoke: 200, about: 'incident rows in the imported CSV file' },
}
const TARGET_SECONDS = 60
const TEAMS = 12
const channels = ['code_review', 'design_review', 'planning', 'launch', 'production', 'chat'] as const
const kinds = ['rework', 'delay', 'customer', 'cost', 'quality'] as const

interface Run {
  step: 'dry run' | 'import' | 'import again'
  status: number
  ms: number
  counts?: IncidentImportResult['counts']
  /** What the answer said first when it was not what the bench expected. */
  firstProblem?: string
}

export interface IncidentImportBench {
  incidents: number
  megabytes: number
  runs: Run[]
  errors: string[]
}

/** Rows that all pass: quoted narratives with commas and line breaks, as real exports have. */
function generateCsv(rows: number): string {
  const lines = [
    'externalId,title,narrative,reportingTeam,discoveredAt,discoveryChannel,expected,surprise,harmedGoal,harm,harmKinds,status',
  ]
  for (let n = 1; n <= rows; n++) {
    const day = `2025-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`
    lines.push(
      [
        `BENCH-${n}`,
        `Rate limit on the search API halved (batch ${n})`,
        `"We found out when the nightly job failed, again.\nIt had run for ${n % 90} days without trouble."`,
        `team-${n % TEAMS}`,
        day,
        channels[n % channels.length],
        'Notice before a limit changes',
        1 + (n % 5),
        'Ship the reindex on time',
        1 + ((n * 7) % 5),
        `${kinds[n % kinds.length]};${kinds[(n + 2) % kinds.length]}`,
        n % 3 === 0 ? 'triaged' : 'open',
      ].join(','),
    )
  }
  return `${lines.join('\r\n')}\r\n`
}

async function post(http: Pool, token: string, body: Buffer, dryRun: boolean, step: Run['step']): Promise<Run> {
  const began = performance.now()
  const res = await http.request({
    method: 'POST',
    path: `/api/v1/incidents/import?dryRun=${dryRun}`,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    body,
    headersTimeout: 10 * 60_000,
    bodyTimeout: 10 * 60_000,
  })
  const text = await res.body.text()
  const ms = performance.now() - began
  const answer = res.statusCode === 200 ? (JSON.parse(text) as IncidentImportResult) : undefined
  const problem = answer ? answer.problems[0] && JSON.stringify(answer.problems[0]) : text.slice(0, 300)
  return {
    step,
    status: res.statusCode,
    ms,
    ...(answer ? { counts: answer.counts } : {}),
    ...(problem ? { firstProblem: problem } : {}),
  }
}

async function run(databaseUrl: string, incidents: number): Promise<IncidentImportBench> {
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
  const runs: Run[] = []
  const body = Buffer.from(generateCsv(incidents))
  try {
    const app = await buildApp({ config, database, logStream: new AppLogCapture() })
    try {
      for (let n = 0; n < TEAMS; n++) await app.repos.teams.create({ slug: `team-${n}`, name: `Team ${n}` }, systemActor)
      const origin = await app.listen({ port: 0, host: '127.0.0.1' })
      const { token } = await provisionBenchUser(app)
      const http = new Pool(origin, { connections: 1 })
      try {
        runs.push(await post(http, token, body, true, 'dry run'))
        runs.push(await post(http, token, body, false, 'import'))
        runs.push(await post(http, token, body, false, 'import again'))
      } finally {
        await http.close()
      }
    } finally {
      await app.close()
    }
  } finally {
    await database.close()
  }
  const expected: Record<Run['step'], Partial<IncidentImportResult['counts']>> = {
    'dry run': { create: incidents, error: 0 },
    import: { create: incidents, error: 0 },
    'import again': { create: 0, update: 0, unchanged: incidents },
  }
  for (const r of runs) {
    const wanted = expected[r.step]
    const matches = r.counts && Object.entries(wanted).every(([key, value]) => r.counts?.[key as 'create'] === value)
    if (r.status !== 200 || !matches)
      errors.push(`${r.step}: status ${r.status}, counts ${JSON.stringify(r.counts)}, first problem ${r.firstProblem ?? '-'}`)
  }
  return { incidents, megabytes: body.length / 1024 / 1024, runs, errors }
}

function report(r: IncidentImportBench): string {
  const written = r.runs.find((run) => run.step === 'import')
  const seconds = written ? written.ms / 1000 : Number.NaN
  return [
    `${r.incidents.toLocaleString('en-US')} incidents in one CSV file of ${num(r.megabytes)} MB, sent over a socket as an admin`,
    '',
    table(
      ['step', 'status', 's', 'rows/s', 'created', 'updated', 'unchanged'],
      r.runs.map((run) => [
        run.step,
        String(run.status),
        num(run.ms / 1000, 2),
        num((r.incidents / run.ms) * 1000, 0),
        String(run.counts?.create ?? '-'),
        String(run.counts?.update ?? '-'),
        String(run.counts?.unchanged ?? '-'),
      ]),
    ),
    '',
    `import: ${num(seconds, 1)} s for ${r.incidents.toLocaleString('en-US')} rows (target ≤ ${TARGET_SECONDS} s for 100,000 on Postgres)`,
    ...r.errors.map((error) => `  error: ${error}`),
  ].join('\n')
}

export const incidentImportSection = defineSection({
  name: 'incident-import',
  title: 'Incident import: POST /api/v1/incidents/import with a CSV file, dry run, import and re-import (s, rows/s)',
  sizes,
  run: (ctx, { incidents }) => run(ctx.databaseUrl, incidents),
  report,
  problems: (r) => r.errors,
})
