import { randomBytes } from 'node:crypto'
import { sql } from 'drizzle-orm'
import pg from 'pg'
import { type Database, openDatabase, openMemoryDatabase, queryRows } from '../client'

/**
 * A fresh, migrated database for one test file: an in-memory PGlite by default, or a
 * database of its own on the server at TEST_DATABASE_URL, so parallel files never meet.
 */
export async function openTestDatabase(env: NodeJS.ProcessEnv = process.env): Promise<Database> {
  const serverUrl = env.TEST_DATABASE_URL
  if (!serverUrl) {
    const database = await openMemoryDatabase()
    await database.migrate()
    return database
  }
  const { url, drop } = await createServerDatabase(serverUrl)
  const database = await openDatabase({ kind: 'postgres', url, poolSize: 5, statementTimeoutMs: 30_000 })
  await database.migrate()
  return {
    ...database,
    async close() {
      await database.close()
      await drop()
    },
  }
}

/** An empty database of its own on the server, for tests that start processes against a URL. */
export async function createServerDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `misalign_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  try {
    await admin.query(`create database ${name}`)
  } finally {
    await admin.end()
  }
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const cleanup = new pg.Client({ connectionString: serverUrl })
      await cleanup.connect()
      try {
        await cleanup.query(`drop database if exists ${name} with (force)`)
      } finally {
        await cleanup.end()
      }
    },
  }
}

/** Empties every table and restarts the MIS numbering: each test starts from nothing. */
export async function truncateAll(database: Database): Promise<void> {
  const tables = await queryRows<{ tablename: string }>(
    database.db,
    sql`select tablename from pg_tables where schemaname = 'public'`,
  )
  if (tables.length === 0) return
  const list = tables.map((t) => `"${t.tablename}"`).join(', ')
  // The app's job workers may be reading a table the truncate is locking one by one (a periodic
  // job starts whenever its time comes); Postgres then ends one of the two as a deadlock. The
  // truncate is the one to try again: the job retries on its own.
  for (let attempt = 1; ; attempt++) {
    try {
      await database.db.execute(sql.raw(`truncate ${list} restart identity cascade`))
      break
    } catch (error) {
      if (attempt >= 5 || !isDeadlock(error)) throw error
    }
  }
  await database.db.execute(sql`select setval('incident_number_seq', 1, false)`)
}

const isDeadlock = (error: unknown): boolean => {
  const cause = error instanceof Error && 'cause' in error ? error.cause : error
  return typeof cause === 'object' && cause !== null && 'code' in cause && cause.code === '40P01'
}
