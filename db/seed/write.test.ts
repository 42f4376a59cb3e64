import { randomBytes } from 'node:crypto'
import { type SQL, sql } from 'drizzle-orm'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { type Database, decisions, incidents, openDatabase, openMemoryDatabase, teams } from '../src/index'
import { buildDecision, buildIncident, buildTeam } from './builders'
import { generateOrg } from './generate'
import type { GeneratedOrg, IncidentSeed } from './types'
import { isEmpty, resetDatabase, writeOrg } from './write'

const today = '2026-06-30'

/** Rows of a raw query; both drivers answer with `{ rows }`. */
async function rows(database: Database, query: SQL): Promise<Record<string, unknown>[]> {
  const result = (await database.db.execute(query)) as unknown as { rows: Record<string, unknown>[] }
  return result.rows
}

async function count(database: Database, table: string): Promise<number> {
  const [row] = await rows(database, sql.raw(`select count(*)::int as n from "${table}"`))
  return Number(row?.n)
}

/** A copy of the org whose first incident carries every character the COPY encoding must escape. */
function withAwkwardText(org: GeneratedOrg): GeneratedOrg {
  return {
    ...org,
    *incidents() {
      let first = true
      for (const incident of org.incidents()) {
        yield first
          ? {
              ...incident,
              title: 'Tab\there, "quotes", \'apostrophes\' and a back\\slash',
              narrative: 'Line one\nline two\r\n\\N is not null; {braces}, commas; ü ✓',
            }
          : incident
        first = false
      }
    },
  }
}

/** The incidents table's indexes and constraints, which the Postgres writer sets aside during COPY. */
async function incidentSchema(database: Database): Promise<string[]> {
  const found = await rows(
    database,
    sql`select indexdef as def from pg_indexes where tablename = 'incidents'
        union all select conname || ' ' || pg_get_constraintdef(oid) from pg_constraint where conrelid = 'incidents'::regclass`,
  )
  return found.map((r) => String(r.def)).sort()
}

async function checkWrite(database: Database, options: { batchSize?: number } = {}) {
  await database.migrate()
  expect(await isEmpty(database)).toBe(true)
  const schemaBefore = await incidentSchema(database)
  const org = withAwkwardText(generateOrg({ incidents: 500, seed: 1, today }))
  const progress: number[] = []
  const result = await writeOrg(database, org, { batchSize: options.batchSize, onProgress: (done) => progress.push(done) })
  expect(result.incidents).toBe(500)
  expect(progress.at(-1)).toBe(500)
  expect(await isEmpty(database)).toBe(false)

  const expected: Record<string, number> = {
    teams: org.teams.length,
    users: org.users.length,
    memberships: org.memberships.length,
    priorities: org.priorities.length,
    decisions: org.decisions.length,
    strategies: org.strategies.length,
    strategy_gaps: org.gaps.length,
    signals: org.signals.length,
    clusters: org.clusters.length,
    cluster_members: org.clusterMembers.length,
    retros: org.retros.length,
    actions: org.actions.length,
    incidents: 500,
  }
  for (const [table, n] of Object.entries(expected)) expect(await count(database, table), table).toBe(n)

  // Text, arrays, numbers and generated columns survive the trip.
  const first = org.incidents().next().value as IncidentSeed
  const [row = {}] = await rows(
    database,
    sql`select title, narrative, harm_kinds::text as kinds, weighted_harm, search_text is not null as searchable, engineer_days_lost from incidents where number = 1`,
  )
  expect(row.title).toBe(first.title)
  expect(row.narrative).toBe(first.narrative)
  expect(row.kinds).toBe(`{${first.harmKinds.join(',')}}`)
  expect(row.weighted_harm).toBe(first.harm * first.surprise)
  expect(row.searchable).toBe(true)
  expect(row.engineer_days_lost === null ? null : Number(row.engineer_days_lost)).toBe(first.engineerDaysLost)

  // The sequence continues after the seeded numbers.
  const team = org.teams.find((t) => t.slug === 'checkout-web')
  const [added] = await rows(
    database,
    sql`
    insert into incidents (title, reporting_team_id, discovered_at, discovery_channel, expected, surprise, harmed_goal, harm, harm_kinds)
    values ('One more', ${team?.id}, '2026-06-29', 'chat', 'Nothing', 2, 'Ship it', 2, '{delay}')
    returning number`,
  )
  expect(added?.number).toBe(501)
  expect(await incidentSchema(database)).toEqual(schemaBefore)

  // A failed write leaves the database as it was: here an incident of an unknown team, which
  // Postgres only notices when the foreign keys come back after the COPY.
  const broken: GeneratedOrg = {
    ...org,
    ...{ teams: [], users: [], memberships: [], priorities: [], decisions: [], strategies: [], gaps: [], signals: [] },
    ...{ clusters: [], clusterMembers: [], retros: [], actions: [], incidentCount: 1 },
    *incidents() {
      yield {
        ...first,
        id: '00000000-0000-4000-8000-000000000001',
        number: 9999,
        reportingTeamId: '00000000-0000-4000-8000-000000000002',
      }
    },
  }
  const failure = await writeOrg(database, broken).catch((error: unknown) => error as Error)
  expect(String(failure) + String(failure instanceof Error ? failure.cause : '')).toMatch(/foreign key/)
  expect(await count(database, 'incidents')).toBe(501)
  expect(await count(database, 'teams')).toBe(org.teams.length)
  expect(await incidentSchema(database)).toEqual(schemaBefore)

  await resetDatabase(database)
  expect(await isEmpty(database)).toBe(true)
  expect(await count(database, 'incidents')).toBe(0)

  // Builders give rows the database accepts, and numbering restarts at 1 after a reset.
  const built = buildTeam()
  await database.db.insert(teams).values(built)
  const decision = buildDecision(built.id)
  await database.db.insert(decisions).values(decision)
  const [inserted] = await database.db
    .insert(incidents)
    .values(buildIncident({ reportingTeamId: built.id }, { decisionId: decision.id, decisionOwnerTeamId: built.id }))
    .returning({ number: incidents.number })
  expect(inserted?.number).toBe(1)
}

describe('writeOrg', () => {
  it('writes a generated org into an in-memory PGlite and leaves the sequence right', async () => {
    const database = await openMemoryDatabase()
    try {
      await checkWrite(database, { batchSize: 180 })
    } finally {
      await database.close()
    }
  }, 120_000)

  const adminUrl = process.env.TEST_DATABASE_URL
  it.runIf(Boolean(adminUrl))(
    'writes a generated org into Postgres with COPY',
    async () => {
      const name = `seedtest_${randomBytes(6).toString('hex')}`
      const admin = new pg.Client({ connectionString: adminUrl })
      await admin.connect()
      try {
        await admin.query(`create database ${name}`)
        const url = new URL(adminUrl ?? '')
        url.pathname = `/${name}`
        const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 4, statementTimeoutMs: 60_000 })
        try {
          await checkWrite(database, { batchSize: 180 })
        } finally {
          await database.close()
        }
      } finally {
        await admin.query(`drop database if exists ${name} with (force)`)
        await admin.end()
      }
    },
    120_000,
  )
})
