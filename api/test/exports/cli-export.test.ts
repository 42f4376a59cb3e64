import { spawn } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Database, openDatabase, openTestDatabase, schemaVersion } from '@misalign/db'
import { generateOrg, writeOrg } from '@misalign/db/seed'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSql } from '../sql'

/**
 * `pnpm cli export` as operators run it: a child process on the app's variables, over a
 * generated org (an embedded database in a temporary DATA_DIR, or with TEST_DATABASE_URL a
 * fresh database on that server).
 */
const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
let env: NodeJS.ProcessEnv
let folder: string
let dataDir: string | undefined
let serverDatabase: Database | undefined

/** The embedded database is open only between CLI runs: the CLI must be able to take its lock. */
async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  if (serverDatabase) return work(serverDatabase)
  const database = await openDatabase({ kind: 'pglite', dataDir: dataDir as string })
  try {
    return await work(database)
  } finally {
    await database.close()
  }
}

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], { cwd: apiDir, env })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), 50_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
    child.stdin.end()
  })
}

beforeAll(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'misalign-export-'))
  if (process.env.TEST_DATABASE_URL) {
    serverDatabase = await openTestDatabase()
    const url = serverDatabase.raw.kind === 'postgres' ? serverDatabase.raw.pool.options.connectionString : undefined
    env = { ...process.env, DATABASE_URL: url, DEMO: 'off' }
  } else {
    dataDir = path.join(folder, 'pglite')
    await fs.mkdir(dataDir, { recursive: true })
    env = { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, DEMO: 'off' }
  }
  await withDatabase(async (database) => {
    await database.migrate()
    await writeOrg(database, generateOrg({ incidents: 700, seed: 16 }))
  })
}, 120_000)

afterAll(async () => {
  await serverDatabase?.close()
  await fs.rm(folder, { recursive: true, force: true })
})

const tables = {
  teams: 'teams',
  decisions: 'decisions',
  strategies: 'strategies',
  'strategy-gaps': 'strategy_gaps',
  incidents: 'incidents',
  actions: 'actions',
} as const

describe('pnpm cli export --out <dir>', { timeout: 60_000 }, () => {
  it('writes one NDJSON file per register and a manifest whose counts match the database', async () => {
    const out = path.join(folder, 'backup')
    const run = await cli(['export', '--out', out])
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toContain(`Exported to ${out}`)
    const manifest = JSON.parse(await fs.readFile(path.join(out, 'manifest.json'), 'utf8'))
    expect(manifest).toMatchObject({ kind: 'misalignment-tracker-backup', ...{ schemaVersion: schemaVersion().version } })
    expect(manifest.schemaTag).toBe(schemaVersion().tag)
    const counts = await withDatabase(async (database) => {
      const found: Record<string, number> = {}
      for (const [resource, table] of Object.entries(tables)) {
        const [row] = await runSql<{ n: number }>(database, `select count(*)::int as n from ${table}`)
        found[resource] = row?.n ?? -1
      }
      return found
    })
    expect(counts.incidents).toBe(700)
    for (const [resource, count] of Object.entries(counts)) {
      expect(manifest.files[resource], resource).toEqual({ file: `${resource}.ndjson`, count })
      const text = await fs.readFile(path.join(out, `${resource}.ndjson`), 'utf8')
      const rows =
        text === ''
          ? []
          : text
              .trimEnd()
              .split('\n')
              .map((line) => JSON.parse(line) as Record<string, unknown>)
      expect(rows, resource).toHaveLength(count)
      expect(new Set(rows.map((row) => row.id)).size).toBe(count)
    }
    const incidents = (await fs.readFile(path.join(out, 'incidents.ndjson'), 'utf8'))
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l))
    const anonymous = incidents.filter((incident: { anonymous: boolean }) => incident.anonymous)
    expect(anonymous.length).toBeGreaterThan(0)
    expect(anonymous.every((incident: { reporterId: unknown }) => incident.reporterId === null)).toBe(true)
  })

  it('refuses a folder that is not empty, and says what it needs', async () => {
    const out = path.join(folder, 'taken')
    await fs.mkdir(out)
    await fs.writeFile(path.join(out, 'notes.txt'), 'mine')
    const run = await cli(['export', '--out', out])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/is not empty/)
    const missing = await cli(['export'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/--out is required/)
  })
})
