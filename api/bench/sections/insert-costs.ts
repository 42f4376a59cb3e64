import { openDatabase } from '@misalign/db'
import { type PgPool, pgPoolOf, postgresConfig } from '../lib/bench-database'
import { type LoadResult, runLoad } from '../lib/load'
import type { BenchContext } from '../lib/section'
import { num, table } from '../lib/table'

/*
 * What a single-row INSERT into incidents costs, and where the cost goes (docs/decisions/021).
 * Every figure is 16 (BENCH_CONCURRENCY) clients inserting one row per statement, autocommit,
 * into the bench's own database. The breakdown removes one thing at a time — an index, the
 * generated search vector, the triggers — and measures again; the table is emptied before each
 * measurement so every one starts from the same size.
 *
 * With the server's own commit settings (synchronous_commit=on here) a single-row insert mostly
 * waits for its WAL flush, which bare and incidents share, so the breakdown is measured again
 * with synchronous_commit=off on the bench database: that leaves the work the table itself costs.
 */

/** The incidents insert should manage at least this share of a bare table's rate. */
export const BARE_TARGET_RATIO = 0.3
const BARE_TABLE = 'bench_bare_incidents'

export interface InsertVariant {
  /** What was removed for this measurement ("" for the table as migrated). */
  without: string
  load: LoadResult
}

export interface InsertCosts {
  /** Into the table as migrated: every index, the search vector and the triggers. */
  incidents: LoadResult
  /** Into a table with the incident's columns and only a primary key. */
  bare: LoadResult
  ratio: number
  target: number
  pass: boolean
  /** The same two, and one thing removed at a time, with synchronous_commit=off. */
  unflushed: { incidents: LoadResult; bare: LoadResult; ratio: number; breakdown: InsertVariant[] }
}

export type InsertRow = [column: string, value: unknown][]

const errorsOf = (load: LoadResult) => (load.errors > 0 ? [`${load.errors} failed; first: ${load.firstError}`] : [])

async function insertLoad(ctx: BenchContext, pool: PgPool, into: string, rows: InsertRow[]): Promise<LoadResult> {
  const columns = (rows[0] ?? []).map(([column]) => column)
  const text = `insert into ${into} (${columns.join(', ')}) values (${columns.map((_, i) => `$${i + 1}`).join(', ')})`
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

/** Runs `measure` with `remove` applied, then puts things back as they were (even if it throws). */
async function without(
  pool: PgPool,
  remove: string[],
  restore: string[],
  measure: () => Promise<LoadResult>,
): Promise<LoadResult> {
  for (const statement of remove) await pool.query(statement)
  try {
    return await measure()
  } finally {
    for (const statement of restore) await pool.query(statement)
  }
}

/** The incidents table's indexes but its primary key, with the statement that recreates each. */
async function secondaryIndexes(pool: PgPool): Promise<{ name: string; definition: string }[]> {
  const { rows } = await pool.query<{ name: string; definition: string }>(
    `select c.relname as name, pg_get_indexdef(i.indexrelid) as definition
     from pg_index i join pg_class c on c.oid = i.indexrelid
     where i.indrelid = 'incidents'::regclass and not i.indisprimary order by 1`,
  )
  return rows
}

/** The search vector's definition, to put it back after measuring without it. */
async function searchVectorDefinition(pool: PgPool): Promise<string> {
  const { rows } = await pool.query<{ expression: string }>(
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

/** Incidents as migrated, then with one index, the search vector, the triggers, or all of them removed. */
async function measureBreakdown(ctx: BenchContext, pool: PgPool, rows: InsertRow[]): Promise<InsertVariant[]> {
  const breakdown: InsertVariant[] = []
  const measure = async (name: string, remove: string[], restore: string[]) => {
    if (ctx.signal.aborted) return
    breakdown.push({ without: name, load: await without(pool, remove, restore, () => insertLoad(ctx, pool, 'incidents', rows)) })
  }
  const indexes = await secondaryIndexes(pool)
  for (const index of indexes) {
    await measure(`index ${index.name}`, [`drop index ${index.name}`], [index.definition])
  }
  const search = indexes.find((index) => index.name === 'incidents_search_idx')
  const addSearchVector = await searchVectorDefinition(pool)
  // The column and its GIN index go together: the index cannot stay without the column.
  await measure(
    'search vector (column + GIN index)',
    ['alter table incidents drop column search_text'],
    [addSearchVector, ...(search ? [search.definition] : [])],
  )
  await measure(
    'triggers (rollup deltas)',
    ['alter table incidents disable trigger user'],
    ['alter table incidents enable trigger user'],
  )
  await measure(
    'all of the above',
    [
      'alter table incidents disable trigger user',
      'alter table incidents drop column search_text',
      ...indexes.map((i) => `drop index if exists ${i.name}`),
    ],
    ['alter table incidents enable trigger user', addSearchVector, ...indexes.map((i) => i.definition)],
  )
  return breakdown
}

/**
 * Bare table vs. incidents with the server's commit settings, then the same and the breakdown
 * with synchronous_commit=off (pools of their own, so every session has the setting). `rows` are
 * the columns and values the API writes for a filing, one per team, taken in turn by the workers.
 */
export async function measureInsertCosts(ctx: BenchContext, rows: InsertRow[]): Promise<InsertCosts> {
  const withPool = async <T>(run: (pool: PgPool) => Promise<T>): Promise<T> => {
    const database = await openDatabase(postgresConfig(ctx.databaseUrl, ctx.concurrency))
    try {
      return await run(pgPoolOf(database))
    } finally {
      await database.close()
    }
  }
  const flushed = await withPool(async (pool) => ({
    bare: await measureBare(ctx, pool, rows),
    incidents: await insertLoad(ctx, pool, 'incidents', rows),
  }))
  const database = new URL(ctx.databaseUrl).pathname.slice(1)
  await withPool((pool) => pool.query(`alter database ${database} set synchronous_commit = off`))
  const unflushed = await withPool(async (pool) => {
    const bare = await measureBare(ctx, pool, rows)
    const incidents = await insertLoad(ctx, pool, 'incidents', rows)
    const breakdown = await measureBreakdown(ctx, pool, rows)
    const ratio = bare.perSecond > 0 ? incidents.perSecond / bare.perSecond : Number.NaN
    return { bare, incidents, ratio, breakdown }
  })
  await withPool((pool) => pool.query(`alter database ${database} reset synchronous_commit`))
  const ratio = flushed.bare.perSecond > 0 ? flushed.incidents.perSecond / flushed.bare.perSecond : Number.NaN
  return { ...flushed, ratio, target: BARE_TARGET_RATIO, pass: ratio >= BARE_TARGET_RATIO, unflushed }
}

/** Microseconds of throughput one row spends on what the variant removed. */
function costMicros(all: LoadResult, less: LoadResult): number {
  if (all.perSecond <= 0 || less.perSecond <= 0) return Number.NaN
  return 1e6 / all.perSecond - 1e6 / less.perSecond
}

const ratioText = (ratio: number) => (Number.isFinite(ratio) ? `${num(ratio, 2)}×` : 'n/a')

export function reportInsertCosts(c: InsertCosts): string {
  const u = c.unflushed
  const line = (name: string, load: LoadResult, bare: LoadResult, cost: number) => [
    name,
    num(load.perSecond, 0),
    num(bare.perSecond > 0 ? load.perSecond / bare.perSecond : Number.NaN, 2),
    num(cost, 1),
    num(load.latency.p95, 2),
  ]
  const rows = [
    line('bare table (columns + primary key)', c.bare, c.bare, Number.NaN),
    line('incidents as migrated', c.incidents, c.bare, Number.NaN),
    line('synchronous_commit=off: bare table', u.bare, u.bare, Number.NaN),
    line('synchronous_commit=off: incidents', u.incidents, u.bare, Number.NaN),
    ...u.breakdown.map((v) => line(`  without ${v.without}`, v.load, u.bare, costMicros(u.incidents, v.load))),
  ]
  const verdict = !Number.isFinite(c.ratio) ? '(no verdict)' : c.pass ? 'PASS' : 'FAIL'
  return [
    table(['single-row INSERT', 'rows/s', '× bare', 'its cost (µs/row)', 'p95 (ms)'], rows),
    '',
    `  incidents / bare: ${ratioText(c.ratio)} (synchronous_commit=off: ${ratioText(u.ratio)})   target ≥ ${num(c.target, 2)}×   ${verdict}`,
    '  its cost = 1e6/(incidents rows/s) − 1e6/(rows/s without it), with synchronous_commit=off: throughput',
    '  time of the whole machine, not latency; under a few tens of µs is within the noise',
  ].join('\n')
}

export function insertCostProblems(c: InsertCosts): string[] {
  const u = c.unflushed
  return [
    ...[c.bare, u.bare].flatMap((load) => errorsOf(load).map((e) => `bare insert: ${e}`)),
    ...[c.incidents, u.incidents].flatMap((load) => errorsOf(load).map((e) => `incidents insert: ${e}`)),
    ...u.breakdown.flatMap((v) => errorsOf(v.load).map((e) => `insert without ${v.without}: ${e}`)),
  ]
}
