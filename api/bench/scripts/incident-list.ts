/*
 * A quick measurement of GET /incidents as the repository answers it, at 100k incidents on
 * Postgres: a lead (restricted rows filtered) and an admin, with and without filters.
 * Seeds once into BENCH_LIST_DATABASE (kept between runs so before/after compare the same data).
 *   node --import tsx bench/scripts/incident-list.ts
 */
import { performance } from 'node:perf_hooks'
import { createRepositories, openDatabase, queryRows, sql } from '@misalign/db'
import { generateOrg, writeOrg } from '@misalign/db/seed'
import { postgresConfig } from '../lib/bench-database'
import { summarise } from '../lib/stats'

const server = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const name = process.env.BENCH_LIST_DATABASE ?? 'misalign_list_bench'
const size = Number(process.env.BENCH_LIST_INCIDENTS ?? 100_000)
const runs = Number(process.env.BENCH_LIST_RUNS ?? 40)

const admin = await openDatabase(postgresConfig(server, 1))
const [exists] = await queryRows<{ n: number }>(admin.db, sql`select count(*)::int as n from pg_database where datname = ${name}`)
if (!exists?.n) await queryRows(admin.db, sql.raw(`create database ${name}`))
await admin.close()
const url = new URL(server)
url.pathname = `/${name}`
const database = await openDatabase(postgresConfig(url.toString(), 2))
await database.migrate()
const [count] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from incidents`)
if (!count?.n) {
  const written = await writeOrg(database, generateOrg({ incidents: size, seed: 42, today: '2026-06-30' }))
  console.log(`seeded ${size} incidents in ${Math.round(written.ms)} ms`)
}
const repos = createRepositories(database.db)
const [lead] = await queryRows<{ id: string; team: string }>(
  database.db,
  sql`select u.id, m.team_id as team from users u join memberships m on m.user_id = u.id where u.role = 'lead' limit 1`,
)
const [adminUser] = await queryRows<{ id: string }>(database.db, sql`select id from users where role = 'admin' limit 1`)
const viewers = {
  lead: { userId: lead?.id ?? '', role: 'lead' as const, teamIds: [lead?.team ?? ''], reporterKey: 'x' },
  admin: { userId: adminUser?.id ?? '', role: 'admin' as const, teamIds: [], reporterKey: 'x' },
}
const queries: Record<string, object> = {
  'newest 25': { limit: 25 },
  'open, production': { limit: 25, status: ['open'], discoveryChannel: ['production'] },
  'search "deploy"': { limit: 25, q: 'deploy' },
  'from 2026-04-01': { limit: 25, from: '2026-04-01' },
}
const extra = process.argv.includes('--sorted') ? { sort: 'weightedHarm' } : {}
for (const [who, viewer] of Object.entries(viewers)) {
  for (const [label, query] of Object.entries(queries)) {
    for (const q of extra && 'sort' in extra ? [query, { ...query, ...extra }] : [query]) {
      const op = () => repos.incidents.list(q as never, viewer)
      const first = await op()
      const samples: number[] = []
      for (let i = 0; i < runs; i++) {
        const began = performance.now()
        await op()
        samples.push(performance.now() - began)
      }
      const s = summarise(samples)
      const total = (first as { total?: number }).total
      const sorted = 'sort' in q ? ' sorted by weightedHarm' : ''
      console.log(
        `${who.padEnd(6)} ${`${label}${sorted}`.padEnd(44)} p50 ${s.p50.toFixed(1).padStart(7)} ms  p95 ${s.p95.toFixed(1).padStart(7)} ms  total ${total ?? '-'}`,
      )
    }
  }
}
await database.close()
