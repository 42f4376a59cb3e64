import { createHash, randomBytes } from 'node:crypto'
import { type Database, openTestDatabase, systemActor, truncateAll } from '@misalign/db'
import type { Role } from '@misalign/shared'
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, beforeEach } from 'vitest'
import { buildApp } from '../src/app'
import type { AppConfig } from '../src/config'

/** Every role in the home team; `outsider` and `outsideLead` belong to the away team. */
export type ActorName = Role | 'outsider' | 'outsideLead'

export interface TestActor {
  id: string
  email: string
  displayName: string
  role: Role
  token: string
  teamId: string
}

type Inject = (options: InjectOptions) => Promise<LightMyRequestResponse>

export interface TestContext {
  app: FastifyInstance
  database: Database
  /** Every log line the app wrote since the test began, as parsed JSON. */
  logs: Record<string, unknown>[]
  /** Signed-in users of every role in `home` team, and a member and a lead of `away` team. */
  actors: Record<ActorName, TestActor>
  teams: { home: string; away: string; org: string }
  /** A request as the admin (the default) or as another actor, with their API token. */
  inject: Inject
  as(actor: ActorName): { inject: Inject }
}

export function testConfig(database: Database, overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    database:
      database.kind === 'postgres'
        ? { kind: 'postgres', url: 'test', poolSize: 5, statementTimeoutMs: 30_000 }
        : { kind: 'pglite', dataDir: ':memory:' },
    demo: false,
    logLevel: 'info',
    webDist: undefined,
    reporterKeySecret: 'test-reporter-key-secret-that-is-long-enough-0123456789',
    limits: { signInPerAccount: 10, signInPerAddress: 100, filingPerMinute: 1_000 },
    oidc: undefined,
    trustProxy: false,
    keepAliveTimeoutMs: 5_000,
    slack: undefined,
    // Test receivers listen on 127.0.0.1; the SSRF test turns this off.
    webhookAllowPrivate: true,
    ...overrides,
  }
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url')

/** Users and tokens straight through the repositories: fast, and no password hashing. */
async function createActors(app: FastifyInstance) {
  const org = await app.repos.teams.create({ slug: 'org', name: 'The Org' }, systemActor)
  const home = await app.repos.teams.create({ slug: 'home', name: 'Home Team', parentTeamId: org.id }, systemActor)
  const away = await app.repos.teams.create({ slug: 'away', name: 'Away Team', parentTeamId: org.id }, systemActor)
  const actors = {} as Record<ActorName, TestActor>
  const specs: [ActorName, Role, string][] = [
    ['admin', 'admin', home.id],
    ['leader', 'leader', home.id],
    ['lead', 'lead', home.id],
    ['member', 'member', home.id],
    ['outsider', 'member', away.id],
    ['outsideLead', 'lead', away.id],
  ]
  for (const [name, role, teamId] of specs) {
    const email = `${name}@test.example`
    const displayName = `${name[0]?.toUpperCase()}${name.slice(1)} Person`
    const user = await app.repos.users.create({ email, displayName, role, teamIds: [teamId] }, systemActor)
    const token = `mt_${randomBytes(24).toString('base64url')}`
    await app.repos.sessions.createToken(
      { userId: user.id, label: 'test', tokenHash: sha256(token), prefix: token.slice(0, 10) },
      systemActor,
    )
    actors[name] = { id: user.id, email, displayName, role, token, teamId }
  }
  return { actors, teams: { home: home.id, away: away.id, org: org.id } }
}

/** Builds the real app once per file on a fresh database, and starts each test from the same org. */
export function useTestApp(overrides: Partial<AppConfig> = {}): TestContext {
  const ctx = { logs: [] } as unknown as TestContext
  const injectAs =
    (name: ActorName): Inject =>
    (options) =>
      ctx.app.inject({
        ...options,
        headers: { authorization: `Bearer ${ctx.actors[name].token}`, ...(options.headers ?? {}) },
      })
  ctx.inject = (options) => injectAs('admin')(options)
  ctx.as = (name) => ({ inject: injectAs(name) })

  beforeAll(async () => {
    ctx.database = await openTestDatabase()
    ctx.app = await buildApp({
      config: testConfig(ctx.database, overrides),
      database: ctx.database,
      logStream: { write: (line: string) => void ctx.logs.push(JSON.parse(line) as Record<string, unknown>) },
    })
    await ctx.app.ready()
  })
  beforeEach(async () => {
    await truncateAll(ctx.database)
    ctx.app.repos.insight.changed()
    const { actors, teams } = await createActors(ctx.app)
    ctx.actors = actors
    ctx.teams = teams
    ctx.logs.length = 0
  })
  afterAll(async () => {
    await ctx.app?.close()
    await ctx.database?.close()
  })
  return ctx
}
