import { randomBytes } from 'node:crypto'
import { type Database, type DatabaseConfig, openDatabase } from '@misalign/db'

/** The node-postgres pool behind a Postgres-backed Database (pg itself is a dependency of db only). */
export type PgPool = Extract<Database['raw'], { kind: 'postgres' }>['pool']

export function pgPoolOf(database: Database): PgPool {
  if (database.raw.kind !== 'postgres') throw new Error('the bench needs a Postgres server, not PGlite')
  return database.raw.pool
}

export function postgresConfig(url: string, poolSize: number): Extract<DatabaseConfig, { kind: 'postgres' }> {
  return { kind: 'postgres', url, poolSize, statementTimeoutMs: 60_000 }
}

/** Runs one statement on the server's admin connection (create/drop database cannot run in a transaction). */
async function onServer<T>(serverUrl: string, run: (pool: PgPool) => Promise<T>): Promise<T> {
  const admin = await openDatabase(postgresConfig(serverUrl, 1))
  try {
    return await run(pgPoolOf(admin))
  } finally {
    await admin.close()
  }
}

export interface BenchDatabase {
  name: string
  /** The bench database's own URL (same server, same credentials). */
  url: string
  /** Drops the database; safe to call more than once. */
  drop(): Promise<void>
}

/**
 * A database of the bench's own on the server at `serverUrl`, so a run never touches real data
 * and leaves nothing behind. Its name is random, so parallel runs do not meet.
 */
export async function createBenchDatabase(serverUrl: string): Promise<BenchDatabase> {
  const name = `misalign_bench_${randomBytes(6).toString('hex')}`
  await onServer(serverUrl, (pool) => pool.query(`create database ${name}`))
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  let dropped = false
  return {
    name,
    url: url.toString(),
    async drop() {
      if (dropped) return
      await onServer(serverUrl, (pool) => pool.query(`drop database if exists ${name} with (force)`))
      dropped = true
    },
  }
}

/** A bench database with every migration applied: the empty state each section starts from. */
export async function createMigratedBenchDatabase(serverUrl: string): Promise<BenchDatabase> {
  const bench = await createBenchDatabase(serverUrl)
  try {
    const database = await openDatabase(postgresConfig(bench.url, 1))
    try {
      await database.migrate()
    } finally {
      await database.close()
    }
    return bench
  } catch (error) {
    await bench.drop()
    throw error
  }
}

export interface ServerFacts {
  version: string
  settings: Record<string, string>
}

/** What the server is and how it commits: numbers mean little without these. */
export function serverFacts(serverUrl: string): Promise<ServerFacts> {
  return onServer(serverUrl, readServerFacts)
}

async function readServerFacts(pool: PgPool): Promise<ServerFacts> {
  const version = await pool.query<{ version: string }>('select version()')
  const names = ['synchronous_commit', 'fsync', 'shared_buffers', 'max_connections']
  const settings = await pool.query<{ name: string; setting: string }>(
    'select name, current_setting(name) as setting from pg_settings where name = any($1)',
    [names],
  )
  return {
    version: version.rows[0]?.version ?? 'unknown',
    settings: Object.fromEntries(settings.rows.map((row) => [row.name, row.setting])),
  }
}
