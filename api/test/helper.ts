import { type Database, openTestDatabase, truncateAll } from '@misalign/db'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, beforeEach } from 'vitest'
import { buildApp } from '../src/app'
import type { AppConfig } from '../src/config'

export interface TestContext {
  app: FastifyInstance
  database: Database
  /** Every log line the app wrote during this file, as parsed JSON. */
  logs: Record<string, unknown>[]
}

export function testConfig(database: Database): AppConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    database: database.kind === 'postgres' ? { kind: 'postgres', url: 'test', poolSize: 5, statementTimeoutMs: 30_000 } : { kind: 'pglite', dataDir: ':memory:' },
    demo: false,
    logLevel: 'info',
    webDist: undefined,
  }
}

/** Builds the real app once per file on a fresh database, and empties it before each test. */
export function useTestApp(): TestContext {
  const ctx = { logs: [] } as unknown as TestContext
  beforeAll(async () => {
    ctx.database = await openTestDatabase()
    ctx.app = await buildApp({
      config: testConfig(ctx.database),
      database: ctx.database,
      logStream: { write: (line: string) => void ctx.logs.push(JSON.parse(line) as Record<string, unknown>) },
    })
    await ctx.app.ready()
  })
  beforeEach(async () => {
    await truncateAll(ctx.database)
    ctx.logs.length = 0
  })
  afterAll(async () => {
    await ctx.app?.close()
    await ctx.database?.close()
  })
  return ctx
}
