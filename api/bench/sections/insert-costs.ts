import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { openDatabase } from '@misalign/db'
import { type PgPool, pgPoolOf, postgresConfig } from '../lib/bench-database'
import { type LoadResult, runLoad } from '../lib/load'
import type { BenchContext } from '../lib/section'
import { num, table } from '../lib/table'

/*
 * What a single-row INSERT into incidents costs, and where the cost goes (docs/decisions/021).
 *
 * The rates are 16 (BENCH_CONCURRENCY) clients inserting one row per statement, autocommit, into
 * the bench's own database: incidents as migrated against a bare table with the same columns and
 * only a primary key. On a shared 2-core machine those rates are bounded by the load generator,
 * the WAL flush of each commit and whatever else runs, so the breakdown is measured differently:
 * one backend runs the same single-row INSERT statement many times in a loop (each statement
 * fires the statement triggers, as a filing does) inside a transaction it rolls back, and the
 * bench reads that backend's CPU time from /proc. It removes one thing at a time — an index, the
 * generated search vector, the triggers — and measures again. CPU time, unlike wall time, does
 * not grow when other work shares the machine.
 */

/** The incidents insert should manage at least this share of a bare table's rate. */
export const BARE_TARGET_RATIO = 0.3
const BARE_TABLE = 'bench_bare_incidents'
const LOOP_ROWS = { full: 5_000, smoke: 300 }
/** Each figure is the least of this many runs: interference only ever adds time. */
const REPEATS = { full: 3, smoke: 1 }

export interface ServerSideCost {
  /** What was removed for this measurement. */
  without: string
  /** Backend CPU (user + system) per single-row INSERT; NaN when /proc cannot be read (remote server). */
  cpuMicros: number
  /** Wall time per single-row INSERT: inflated by whatever else runs on the machine. */
  wallMicros: number
  /** CPU per row of incidents as migrated, measured alternately with this variant. */
  baselineCpuMicros: number
}

export interface InsertCosts {
  /** Into the table as migrated: every index, the search vector and the triggers. */
  incidents: LoadResult
  /** Into a table with the incident's columns and only a primary key. */
  bare: LoadResult
  ratio: number
  target: number
  pass: boolean
  /** Single-row INSERTs in a server-side loop: bare, incidents, then one thing removed at a time. */
  serverSide: { rows: number; bare: ServerSideCost; incidents: ServerSideCost; breakdown: ServerSideCost[] }
}

export type InsertRow = [column: string, value: unknown][]
/** One connection of the pool, held for a series of statements (pg's PoolClient, by what we use). */
type PoolClient = { query: PgPool['query']; release(): void }

const errorsOf = (load: LoadResult) => (load.errors > 0 ? [`${load.errors} failed; first: ${load.firstError}`] : [])

function insertText(into: string, rows: InsertRow[]): string {
  const columns = (rows[0] ?? []).map(([column]) => column)
  return `insert into ${into} (${columns.join(', ')}) values (${columns.map((_, i) => `$${i + 1}`).join(', ')})`
}

export async function insertLoad(ctx: BenchContext, pool: PgPool, into: string, rows: InsertRow[]): Promise<LoadResult> {
  const text = insertText(into, rows)
  const values = rows.map((row) => row.map(([, value]) => value))
  // Emptied first, so every measurement starts from the same size; the cascade takes only tables
  // that point at incidents, and the truncate triggers empty the rollups and their deltas.
  await pool.query(`truncate ${into} cascade`)
  return runLoad({
    ...ctx,
    op: async (worker) => {
      await pool.query(text, values[worker % values.length])
      return undefined
    },
  })
}

/** User + system CPU of a backend so far, in microseconds (NaN if its /proc entry is not ours to read). */
function backendCpuMicros(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS
  } catch {
    return Number.NaN
  }
}
// Linux's USER_HZ: /proc counts CPU time in ticks of 10 ms.
const CLOCK_TICKS = 100

/** One backend, many single-row INSERTs into `into`, rolled back; CPU and wall time per row. */
async function serverSideCost(
  client: PoolClient,
  pid: number,
  into: string,
  columns: string,
  loopRows: number,
  without: string,
): Promise<ServerSideCost> {
  await client.query(`truncate ${into} cascade`)
  await client.query('begin')
  try {
    const cpu = backendCpuMicros(pid)
    const began = performance.now()
    await client.query(`do $$ begin for i in 1..${loopRows} loop
      insert into ${into} (${columns}) select ${columns} from bench_insert_row;
    end loop; end $$`)
    const wallMicros = ((performance.now() - began) * 1000) / loopRows
    return { without, cpuMicros: (backendCpuMicros(pid) - cpu) / loopRows, wallMicros, baselineCpuMicros: Number.NaN }
  } finally {
    await client.query('rollback')
  }
}

/** Runs `measure` with `remove` applied, then puts things back as they were (even if it throws). */
async function without<T>(client: PoolClient, remove: string[], restore: string[], measure: () => Promise<T>): Promise<T> {
  for (const statement of remove) await client.query(statement)
  try {
    return await measure()
  } finally {
    for (const statement of restore) await client.query(statement)
  }
}

/** The incidents table's indexes but its primary key, with the statement that recreates each. */
async function secondaryIndexes(client: PoolClient): Promise<{ name: string; definition: string }[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `select c.relname as name, pg_get_indexdef(i.indexrelid) as definition
     from pg_index i join pg_class c on c.oid = i.indexrelid
     where i.indrelid = 'incidents'::regclass and not i.indisprimary order by 1`,
  )
  return rows
}

/** The incidents table's foreign keys, with the statement that adds each back. */
async function foreignKeys(client: PoolClient): Promise<{ name: string; definition: string }[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `select conname as name, pg_get_constraintdef(oid) as definition from pg_constraint
     where conrelid = 'incidents'::regclass and contype = 'f' order by 1`,
  )
  return rows.map((fk) => ({ name: fk.name, definition: `alter table incidents add constraint ${fk.name} ${fk.definition}` }))
}

/** The search vector's definition, to put it back after measuring without it. */
async function searchVectorDefinition(client: PoolClient): Promise<string> {
  const { rows } = await client.query<{ expression: string }>(
    `select pg_get_expr(d.adbin, d.adrelid) as expression
     from pg_attrdef d join pg_attribute a on a.attrelid = d.adrelid and a.attnum = d.adnum
     where d.adrelid = 'incidents'::regclass and a.attname = 'search_text'`,
  )
  const expression = rows[0]?.expression
  if (!expression) throw new Error('incidents.search_text is not a generated column any more: update the bench')
  return `alter table incidents add column search_text tsvector generated always as (${expression}) stored`
}

/** Single-row inserts into a table with the incident's columns and only a primary key. */
async function measureBare(ctx: BenchContext, pool: PgPool, rows: InsertRow[]): Promise<LoadResult> {
  await pool.query(`create table ${BARE_TABLE} (like incidents including defaults)`)
  try {
    await pool.query(`alter table ${BARE_TABLE} add primary key (id)`)
    return await insertLoad(ctx, pool, BARE_TABLE, rows)
  } finally {
    await pool.query(`drop table ${BARE_TABLE}`)
  }
}

/** Bare, incidents as migrated, then one index, the search vector, the triggers, or all of them removed. */
async function measureServerSide(ctx: BenchContext, pool: PgPool, rows: InsertRow[]): Promise<InsertCosts['serverSide']> {
  const loopRows = LOOP_ROWS[ctx.mode]
  const client = await pool.connect()
  try {
    const { rows: found } = await client.query<{ pid: number }>('select pg_backend_pid() as pid')
    const pid = found[0]?.pid ?? 0
    const columns = (rows[0] ?? []).map(([column]) => column).join(', ')
    await client.query('create temp table bench_insert_row (like incidents including defaults)')
    await client.query(
      insertText('bench_insert_row', rows),
      (rows[0] ?? []).map(([, value]) => value),
    )
    const once = (into: string, name: string) => serverSideCost(client, pid, into, columns, loopRows, name)
    const least = (runs: ServerSideCost[], name: string, baseline = Number.NaN): ServerSideCost => ({
      without: name,
      cpuMicros: Math.min(...runs.map((r) => r.cpuMicros)),
      wallMicros: Math.min(...runs.map((r) => r.wallMicros)),
      baselineCpuMicros: baseline,
    })
    const baselines: ServerSideCost[] = []
    /** Incidents as migrated and `variant`, alternately, so drifting load touches both alike. */
    const cost = async (into: string, name: string, variant = () => once(into, name)) => {
      const base: ServerSideCost[] = []
      const runs: ServerSideCost[] = []
      for (let i = 0; i < REPEATS[ctx.mode]; i++) {
        base.push(await once('incidents', ''))
        runs.push(await variant())
      }
      baselines.push(...base)
      return least(runs, name, least(base, '').cpuMicros)
    }

    await client.query(`create table ${BARE_TABLE} (like incidents including defaults)`)
    await client.query(`alter table ${BARE_TABLE} add primary key (id)`)
    const bare = await cost(BARE_TABLE, 'bare table')
    await client.query(`drop table ${BARE_TABLE}`)

    const breakdown: ServerSideCost[] = []
    const measure = async (name: string, remove: string[], restore: string[]) => {
      if (ctx.signal.aborted) return
      breakdown.push(await cost('incidents', name, () => without(client, remove, restore, () => once('incidents', name))))
    }
    const indexes = await secondaryIndexes(client)
    for (const index of indexes) {
      await measure(`index ${index.name}`, [`drop index ${index.name}`], [index.definition])
    }
    const search = indexes.find((index) => index.name === 'incidents_search_idx')
    const addSearchVector = await searchVectorDefinition(client)
    // The column and its GIN index go together: the index cannot stay without the column.
    await measure(
      'search vector (column + GIN index)',
      ['alter table incidents drop column search_text'],
      [addSearchVector, ...(search ? [search.definition] : [])],
    )
    const fks = await foreignKeys(client)
    // The bare table has none: each costs a lookup in the table it points to per row.
    await measure(
      `foreign keys (${fks.length})`,
      fks.map((fk) => `alter table incidents drop constraint ${fk.name}`),
      fks.map((fk) => fk.definition),
    )
    await measure(
      'user triggers (rollup deltas since 0012)',
      ['alter table incidents disable trigger user'],
      ['alter table incidents enable trigger user'],
    )
    await measure(
      'all of the above',
      [
        'alter table incidents disable trigger user',
        'alter table incidents drop column search_text',
        ...indexes.map((i) => `drop index if exists ${i.name}`),
        ...fks.map((fk) => `alter table incidents drop constraint ${fk.name}`),
      ],
      [
        'alter table incidents enable trigger user',
        addSearchVector,
        ...indexes.map((i) => i.definition),
        ...fks.map((fk) => fk.definition),
      ],
    )
    return { rows: loopRows, bare, incidents: least(baselines, ''), breakdown }
  } finally {
    client.release()
  }
}

/**
 * Bare table vs. incidents at 16 concurrent clients, then the server-side breakdown. `rows` are
 * the columns and values the API writes for a filing, one per team, taken in turn by the workers.
 */
export async function measureInsertCosts(ctx: BenchContext, rows: InsertRow[]): Promise<InsertCosts> {
  const database = await openDatabase(postgresConfig(ctx.databaseUrl, ctx.concurrency))
  try {
    const pool = pgPoolOf(database)
    const bare = await measureBare(ctx, pool, rows)
    const incidents = await insertLoad(ctx, pool, 'incidents', rows)
    const serverSide = await measureServerSide(ctx, pool, rows)
    const ratio = bare.perSecond > 0 ? incidents.perSecond / bare.perSecond : Number.NaN
    return { bare, incidents, ratio, target: BARE_TARGET_RATIO, pass: ratio >= BARE_TARGET_RATIO, serverSide }
  } finally {
    await database.close()
  }
}

const ratioText = (ratio: number) => (Number.isFinite(ratio) ? `${num(ratio, 2)}×` : 'n/a')

export function reportInsertCosts(c: InsertCosts): string {
  const verdict = !Number.isFinite(c.ratio) ? '(no verdict)' : c.pass ? 'PASS' : 'FAIL'
  const rates = [
    ['bare table (columns + primary key)', num(c.bare.perSecond, 0), num(c.bare.latency.p50, 2), num(c.bare.latency.p95, 2)],
    ['incidents as migrated', num(c.incidents.perSecond, 0), num(c.incidents.latency.p50, 2), num(c.incidents.latency.p95, 2)],
  ]
  const s = c.serverSide
  const all = s.incidents
  const line = (name: string, cost: ServerSideCost, saved: boolean) => [
    name,
    num(cost.cpuMicros, 1),
    saved ? num(cost.baselineCpuMicros - cost.cpuMicros, 1) : '',
    num(cost.wallMicros, 1),
  ]
  const breakdown = [
    line('bare table (columns + primary key)', s.bare, false),
    line('incidents as migrated', all, false),
    ...s.breakdown.map((cost) => line(`  without ${cost.without}`, cost, true)),
  ]
  return [
    table(['single-row INSERT, concurrent clients', 'rows/s', 'p50 (ms)', 'p95 (ms)'], rates),
    `  incidents / bare: ${ratioText(c.ratio)}   target ≥ ${num(c.target, 2)}×   ${verdict}`,
    '',
    table(
      [`one backend, ${num(s.rows, 0)} single-row INSERTs, least of runs`, 'CPU µs/row', 'its cost (µs)', 'wall µs/row'],
      breakdown,
    ),
    `  incidents / bare, per row of backend CPU: ${ratioText(s.bare.cpuMicros / all.cpuMicros)}; of wall time: ${ratioText(s.bare.wallMicros / all.wallMicros)}`,
    '  its cost = CPU per row with it − without it, each the least of runs taken alternately; expect ±5 µs of noise',
  ].join('\n')
}

export function insertCostProblems(c: InsertCosts): string[] {
  return [...errorsOf(c.bare).map((e) => `bare insert: ${e}`), ...errorsOf(c.incidents).map((e) => `incidents insert: ${e}`)]
}
