import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { type SQL, sql } from 'drizzle-orm'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator'
import { type PgDatabase, type PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import pg from 'pg'
import { ConfigError, type DatabaseConfig } from './config'
import { lockDataDir } from './data-dir-lock'
import * as schema from './schema/index'

export type Schema = typeof schema
/** The one Drizzle interface the app sees, whether PGlite or a Postgres server is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]

/**
 * Runs `work` atomically: inside `db` when it is a transaction already (a service's unit of
 * work), else in a new one. A nested `transaction()` would add a savepoint and its release, two
 * round trips on every filing, to get an atomicity the outer transaction already gives.
 */
export function atomically<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db instanceof PgTransaction ? work(db as Tx) : db.transaction(work)
}

/** The driver under Drizzle, for the few jobs Drizzle does not do (COPY for bulk seeding). */
export type RawClient = { kind: 'postgres'; pool: pg.Pool } | { kind: 'pglite'; client: PGlite }

export interface Database {
  db: Db
  kind: DatabaseConfig['kind']
  raw: RawClient
  migrate(): Promise<void>
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>
  close(): Promise<void>
}

const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url))

export interface OpenOptions {
  /** Called with pool-level errors (a dropped idle connection) so they are logged, not fatal. */
  onPoolError?: (error: Error) => void
}

export async function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Promise<Database> {
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: config.url,
      max: config.poolSize,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      // Bounded query time on both sides: the server cancels, the client stops waiting.
      statement_timeout: config.statementTimeoutMs,
      // A write that waits this long on another's lock answers 409 "try again" instead of
      // queueing (for example a retry racing its own first request on an Idempotency-Key).
      lock_timeout: 2_000,
      query_timeout: config.statementTimeoutMs + 1_000,
      application_name: 'misalignment-tracker',
    })
    // Without a listener a client's error (server restart, dropped socket) crashes the process.
    // The pool listens only while a client is idle; a client checked out by a transaction
    // needs its own listener for as long as it lives. The failed query rejects as well, and
    // that rejection is what the request answers (503).
    pool.on('error', (error) => options.onPoolError?.(error))
    pool.on('connect', (client) => {
      client.on('error', (error) => options.onPoolError?.(error))
    })
    const db = drizzlePg(pool, { schema, casing: 'snake_case' }) as unknown as Db
    return {
      db,
      kind: 'postgres',
      raw: { kind: 'postgres', pool },
      // On a connection of its own without the request timeouts: a migration may build an index
      // or backfill a rollup over millions of rows, which takes longer than any request may.
      migrate: async () => {
        const client = new pg.Client({ connectionString: config.url, application_name: 'misalignment-tracker-migrate' })
        await client.connect()
        try {
          await migratePg(drizzlePg(client, { casing: 'snake_case' }) as never, { migrationsFolder })
        } finally {
          await client.end()
        }
      },
      ping: async () => {
        await pool.query('select 1')
      },
      close: () => pool.end(),
    }
  }

  const dataDir = resolveDataDir(config.dataDir)
  const release = lockDataDir(dataDir)
  let client: PGlite
  try {
    client = await PGlite.create(dataDir)
  } catch (error) {
    release()
    throw error
  }
  return pgliteDatabase(client, release)
}

/**
 * PGlite's WebAssembly file system cannot follow a symlink (it fails with "errno: 44"), so the
 * folder is created and resolved to its real path first; what cannot be made a folder is named.
 */
function resolveDataDir(dataDir: string): string {
  try {
    fs.mkdirSync(dataDir, { recursive: true })
    return fs.realpathSync(dataDir)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error'
    throw new ConfigError([
      `DATA_DIR "${dataDir}" cannot be used as the database folder (${code}): it must be a folder, or a symlink to one, that this user may write`,
    ])
  }
}

/** An in-memory PGlite: for tests, which want a fresh database per file. */
export async function openMemoryDatabase(): Promise<Database> {
  return pgliteDatabase(await PGlite.create(), () => {})
}

function pgliteDatabase(client: PGlite, release: () => void): Database {
  const db = drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Db
  return {
    db,
    kind: 'pglite',
    raw: { kind: 'pglite', client },
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    ping: async () => {
      await client.query('select 1')
    },
    close: async () => {
      try {
        await client.close()
      } finally {
        release()
      }
    },
  }
}

/** Runs raw SQL and returns its rows; node-postgres and PGlite both answer with `{ rows }`. */
export async function queryRows<T>(db: Db | Tx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] }
  return result.rows
}

/**
 * Runs a statement written for node-postgres (`$1` placeholders and a values array) on a
 * Drizzle database or transaction handle: how a library with its own SQL (the job queue)
 * writes inside our transaction.
 */
export async function executeText(
  executor: Db | Tx,
  text: string,
  values: readonly unknown[] = [],
): Promise<{ rows: unknown[] }> {
  const chunks: SQL[] = []
  let last = 0
  for (const match of text.matchAll(/\$(\d+)/g)) {
    chunks.push(sql.raw(text.slice(last, match.index)))
    chunks.push(sql`${sql.param(asDriverValue(values[Number(match[1]) - 1]))}`)
    last = match.index + match[0].length
  }
  chunks.push(sql.raw(text.slice(last)))
  return (await executor.execute(sql.join(chunks, sql.raw('')))) as unknown as { rows: unknown[] }
}

/** What node-postgres does to a value before sending it, done up front so PGlite agrees. */
function asDriverValue(value: unknown): unknown {
  if (value === undefined) return null
  if (value === null || Array.isArray(value) || value instanceof Date || ArrayBuffer.isView(value)) return value
  return typeof value === 'object' ? JSON.stringify(value) : value
}
