import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { getTableColumns, getTableName, is, sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/node-postgres'
import { PgTable } from 'drizzle-orm/pg-core'
import type pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import {
  actions,
  clusterMembers,
  clusters,
  type Database,
  type Db,
  decisions,
  foldRollupDeltas,
  incidents,
  memberships,
  priorities,
  retros,
  schema,
  signals,
  strategies,
  strategyGaps,
  type Tx,
  teams,
  users,
} from '../src/index'
import { copyRow } from './copy-format'
import type { GeneratedOrg, IncidentSeed } from './types'

export interface WriteOptions {
  /** Called after each batch of incidents. */
  onProgress?: (done: number, total: number) => void
  /** Incidents per COPY (Postgres, default 25,000) or per INSERT (PGlite, default 500). */
  batchSize?: number
}

type Writer = Db | Tx

/** The incident columns the seed sets, in COPY order; generated columns (weighted_harm, search_text) are left out. */
const incidentKeys = [
  'id',
  'number',
  'title',
  'narrative',
  'reportingTeamId',
  'reporterId',
  'anonymous',
  'restricted',
  'status',
  'discoveredAt',
  'discoveryChannel',
  'expected',
  'surprise',
  'harmedGoal',
  'harm',
  'harmKinds',
  'engineerDaysLost',
  'delayDays',
  'decisionId',
  'decisionOwnerTeamId',
  'gapId',
  'missingContext',
  'rootCause',
  'createdAt',
  'updatedAt',
] as const satisfies readonly (keyof IncidentSeed)[]

const incidentColumnList = (() => {
  const columns = getTableColumns(incidents)
  return incidentKeys.map((key) => `"${columns[key].name}"`).join(', ')
})()

/**
 * Writes a generated org into an empty, migrated database in one transaction, so a failure
 * leaves nothing behind. Postgres gets incidents by COPY; PGlite by multi-row INSERTs.
 */
export async function writeOrg(
  database: Database,
  org: GeneratedOrg,
  options: WriteOptions = {},
): Promise<{ incidents: number; ms: number }> {
  const started = performance.now()
  const total = org.incidentCount
  const onProgress = options.onProgress ?? (() => {})

  if (database.raw.kind === 'postgres') {
    const client = await database.raw.pool.connect()
    let failed: Error | undefined
    try {
      // A dedicated connection, so org rows, COPY and sequence are one transaction; a bulk load may outlast the pool's statement timeout.
      await client.query('begin')
      await client.query('set local statement_timeout = 0')
      await client.query('set local synchronous_commit = off')
      const tx = drizzle(client, { schema, casing: 'snake_case' }) as unknown as Db
      await writeOrgRows(tx, org)
      await withoutSecondaryIndexes(client, 'incidents', () =>
        copyIncidents(client, org, options.batchSize ?? 25_000, onProgress),
      )
      await writeRetroRows(tx, org)
      await setIncidentSequence(tx, total)
      // The triggers left one delta per incident; a seeded database starts with them folded.
      await foldRollupDeltas(tx)
      // Every table, not only incidents: the triggers filled the analytics rollups too, and
      // without statistics the dashboard's first queries plan for the wrong row counts.
      await client.query('analyze')
      await client.query('commit')
    } catch (error) {
      failed = error instanceof Error ? error : new Error(String(error))
      await client.query('rollback').catch(() => {})
      throw error
    } finally {
      client.release(failed)
    }
  } else {
    await database.db.transaction(async (tx) => {
      await writeOrgRows(tx, org)
      await insertIncidents(tx, org, options.batchSize ?? 500, onProgress)
      await writeRetroRows(tx, org)
      await setIncidentSequence(tx, total)
      await foldRollupDeltas(tx)
    })
  }
  return { incidents: total, ms: Math.round(performance.now() - started) }
}

/** Multi-row inserts, sized to stay well under Postgres's 65,535 bind parameters. */
async function insertRows<T extends PgTable>(tx: Writer, table: T, rows: readonly T['$inferInsert'][]): Promise<void> {
  if (rows.length === 0) return
  const perRow = Object.keys(getTableColumns(table)).length
  const size = Math.max(1, Math.floor(20_000 / perRow))
  for (let i = 0; i < rows.length; i += size) {
    await tx.insert(table).values(rows.slice(i, i + size) as T['$inferInsert'][])
  }
}

async function writeOrgRows(tx: Writer, org: GeneratedOrg): Promise<void> {
  await insertRows(tx, teams, org.teams) // parents come first in the catalog
  await insertRows(tx, users, org.users)
  await insertRows(tx, memberships, org.memberships)
  await insertRows(tx, priorities, org.priorities) // tradeoffs of decisions and strategies name them
  await insertRows(tx, strategies, org.strategies) // a revision follows the version it supersedes
  // Superseding decisions are never superseded themselves, so writing the superseded ones last keeps every reference backwards.
  await insertRows(
    tx,
    decisions,
    org.decisions.filter((d) => !d.supersededById),
  )
  await insertRows(
    tx,
    decisions,
    org.decisions.filter((d) => d.supersededById),
  )
  await insertRows(tx, strategyGaps, org.gaps)
  await insertRows(tx, signals, org.signals)
}

async function writeRetroRows(tx: Writer, org: GeneratedOrg): Promise<void> {
  await insertRows(tx, clusters, org.clusters)
  await insertRows(tx, clusterMembers, org.clusterMembers)
  await insertRows(tx, retros, org.retros)
  await insertRows(tx, actions, org.actions)
}

/** Numbers were set explicitly (1..n), so the sequence continues at n + 1. */
async function setIncidentSequence(tx: Writer, total: number): Promise<void> {
  if (total > 0) await tx.execute(sql`select setval('incident_number_seq', ${total})`)
  else await tx.execute(sql`select setval('incident_number_seq', 1, false)`)
}

async function insertIncidents(
  tx: Writer,
  org: GeneratedOrg,
  batchSize: number,
  onProgress: (done: number, total: number) => void,
) {
  let batch: IncidentSeed[] = []
  let done = 0
  for (const incident of org.incidents()) {
    batch.push(incident)
    if (batch.length >= batchSize) {
      await tx.insert(incidents).values(batch)
      done += batch.length
      batch = []
      onProgress(done, org.incidentCount)
    }
  }
  if (batch.length > 0) {
    await tx.insert(incidents).values(batch)
    done += batch.length
    onProgress(done, org.incidentCount)
  }
}

async function copyIncidents(
  client: pg.PoolClient,
  org: GeneratedOrg,
  batchSize: number,
  onProgress: (done: number, total: number) => void,
) {
  const total = org.incidentCount
  const iterator = org.incidents()[Symbol.iterator]()
  let done = 0
  while (done < total) {
    const end = Math.min(total, done + batchSize)
    const start = done
    // Text is handed over in ~1,000-row strings; pipeline() waits whenever the socket is full, so memory stays flat.
    const lines = function* () {
      let chunk = ''
      for (let i = start; i < end; i++) {
        const next = iterator.next()
        if (next.done) break
        const incident = next.value
        chunk += copyRow(incidentKeys.map((key) => incident[key]))
        if ((i - start) % 1000 === 999) {
          yield chunk
          chunk = ''
        }
      }
      if (chunk) yield chunk
    }
    const stream = client.query(copyFrom(`copy incidents (${incidentColumnList}) from stdin`))
    await pipeline(Readable.from(lines(), { objectMode: false }), stream)
    done = end
    onProgress(done, total)
  }
}

/**
 * Runs a bulk load with the table's secondary indexes and foreign keys set aside, then puts
 * them back exactly as the migrations made them (definitions are read from the catalog, not
 * repeated here). Building an index once over sorted data costs a fraction of updating it a
 * million times, and re-adding a foreign key checks every row in one join. It all happens in
 * the caller's transaction: on any failure the rollback restores the table as it was.
 */
async function withoutSecondaryIndexes(client: pg.PoolClient, table: string, load: () => Promise<void>): Promise<void> {
  const { rows: indexes } = await client.query<{ name: string; definition: string }>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
       from pg_index i
      where i.indrelid = $1::regclass and not i.indisprimary
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
    [table],
  )
  const { rows: foreignKeys } = await client.query<{ name: string; definition: string }>(
    `select quote_ident(conname) as name, pg_get_constraintdef(oid) as definition
       from pg_constraint where conrelid = $1::regclass and contype = 'f'`,
    [table],
  )
  for (const fk of foreignKeys) await client.query(`alter table ${table} drop constraint ${fk.name}`)
  for (const index of indexes) await client.query(`drop index ${index.name}`)
  await load()
  await client.query(`set local maintenance_work_mem = '256MB'`)
  for (const index of indexes) await client.query(index.definition)
  for (const fk of foreignKeys) await client.query(`alter table ${table} add constraint ${fk.name} ${fk.definition}`)
}

/** Every table of the app's schema, whatever has been added since this was written. */
function appTableNames(): string[] {
  const names: string[] = []
  for (const value of Object.values(schema) as unknown[]) if (is(value, PgTable)) names.push(getTableName(value))
  return names
}

/** Empties every app table and restarts MIS numbering at 1 (incident_number_seq belongs to no column, so TRUNCATE leaves it alone). */
export async function resetDatabase(database: Database): Promise<void> {
  const list = appTableNames()
    .map((name) => `"${name}"`)
    .join(', ')
  await database.db.transaction(async (tx) => {
    await tx.execute(sql.raw(`truncate table ${list} restart identity cascade`))
    await tx.execute(sql`select setval('incident_number_seq', 1, false)`)
  })
}

/** True when the database has no teams: nothing was seeded or created yet. */
export async function isEmpty(database: Database): Promise<boolean> {
  const rows = await database.db.select({ id: teams.id }).from(teams).limit(1)
  return rows.length === 0
}
