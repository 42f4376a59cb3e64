import { lagBucketIndex, lagBuckets } from '@misalign/shared'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateOrg } from '../../../seed/generate'
import { writeOrg } from '../../../seed/write'
import { type Database, queryRows } from '../../client'
import { openTestDatabase } from '../../testing/test-database'
import { foldRollupDeltas, pendingRollupDeltas } from './rollup-fold'

/*
 * The rollups (migrations 0006 and 0009) are a cache of `incidents` kept by triggers. Whatever happens to
 * incidents and decisions, each must equal the same GROUP BY run over the incidents table.
 */

let database: Database
beforeAll(async () => {
  database = await openTestDatabase()
  await writeOrg(database, generateOrg({ incidents: 600, seed: 11, today: '2026-06-30' }))
}, 120_000)
afterAll(async () => database?.close())

const all = 'from incidents i left join decisions d on d.id = i.decision_id where true'

/** Each rollup as stored, and as recomputed from incidents, in one comparable order. */
const rollups: Record<string, { stored: string; recomputed: string }> = {
  root_cause: {
    stored: `select day::text, reporting_team_id, anonymous, root_cause::text, restricted, incidents, weighted_harm::int
      from analytics_root_cause_days order by 1, 2, 3, 4, 5`,
    recomputed: `select discovered_at::text, reporting_team_id, anonymous, root_cause::text, i.restricted, count(*)::int as n, sum(weighted_harm)::int as wh
      ${all} group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`,
  },
  team_pair: {
    stored: `select day::text, reporting_team_id, anonymous, decision_owner_team_id, restricted, incidents, weighted_harm::int,
        engineer_days_lost::float8, delay_days::int
      from analytics_team_pair_days order by 1, 2, 3, 4, 5`,
    recomputed: `select discovered_at::text, reporting_team_id, anonymous, decision_owner_team_id, i.restricted, count(*)::int as n,
        sum(weighted_harm)::int as wh, coalesce(sum(engineer_days_lost), 0)::float8 as eng, coalesce(sum(delay_days), 0)::int as delay
      ${all} group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`,
  },
  harm_kind: {
    stored: `select day::text, reporting_team_id, anonymous, harm_kind::text, restricted, incidents, weighted_harm::int,
        engineer_days_lost::float8, delay_days::int
      from analytics_harm_kind_days order by 1, 2, 3, 4, 5`,
    recomputed: `select discovered_at::text, reporting_team_id, anonymous, kind::text, i.restricted, count(*)::int as n, sum(weighted_harm)::int as wh,
        coalesce(sum(engineer_days_lost), 0)::float8 as eng, coalesce(sum(delay_days), 0)::int as delay
      ${all.replace('where', 'cross join unnest(i.harm_kinds) as kind where')} group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`,
  },
  lag: {
    stored: `select day::text, discovery_channel::text, lag_bucket, restricted, incidents from analytics_lag_days order by 1, 2, 3, 4, 5`,
    recomputed: `select discovered_at::text, discovery_channel::text,
        analytics_lag_bucket(i.discovered_at - d.decided_at) as bucket, i.restricted, count(*)::int
      ${all} group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
  },
  decision: {
    stored: `select day::text, decision_id, restricted, incidents, weighted_harm::int from analytics_decision_days order by 1, 2, 3`,
    recomputed: `select discovered_at::text, decision_id, i.restricted, count(*)::int as n, sum(weighted_harm)::int as wh
      ${all} group by 1, 2, 3 order by 1, 2, 3`,
  },
  decision_team: {
    stored: `select decision_id, day::text, reporting_team_id, anonymous, restricted, incidents, weighted_harm::int
      from analytics_decision_team_days order by 1, 2, 3, 4, 5`,
    recomputed: `select decision_id, discovered_at::text, reporting_team_id, anonymous, i.restricted, count(*)::int as n, sum(weighted_harm)::int as wh
      ${all} and i.decision_id is not null group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`,
  },
  gap_team: {
    stored: `select gap_id, day::text, reporting_team_id, anonymous, restricted, incidents, weighted_harm::int
      from analytics_gap_team_days order by 1, 2, 3, 4, 5`,
    recomputed: `select gap_id, discovered_at::text, reporting_team_id, anonymous, i.restricted, count(*)::int as n, sum(weighted_harm)::int as wh
      ${all} and i.gap_id is not null group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`,
  },
  gapless_decision_team: {
    stored: `select decision_id, day::text, reporting_team_id, anonymous, restricted, incidents, weighted_harm::int
      from analytics_gapless_decision_team_days order by 1, 2, 3, 4, 5`,
    recomputed: `select decision_id, discovered_at::text, reporting_team_id, anonymous, i.restricted, count(*)::int as n, sum(weighted_harm)::int as wh
      ${all} and i.gap_id is null and i.decision_id is not null group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`,
  },
}

/** What the dashboard reads: the rollup plus its pending deltas (the `_exact` view, migration 0012). */
const asRead = (stored: string) => stored.replace(/from (analytics_\w+_days)/, 'from $1_exact')

async function expectEqual(read: (stored: string) => string) {
  for (const [name, { stored, recomputed }] of Object.entries(rollups)) {
    const [a, b] = await Promise.all([
      queryRows<Record<string, unknown>>(database.db, sql.raw(read(stored))),
      queryRows<Record<string, unknown>>(database.db, sql.raw(recomputed)),
    ])
    expect({ name, rows: a.map(Object.values) }).toEqual({ name, rows: b.map(Object.values) })
  }
}

/**
 * Exact as read while deltas are pending; then, folded, the rollup tables alone are exact, and
 * what readers read has not moved.
 */
async function expectRollupsExact() {
  await expectEqual(asRead)
  await foldRollupDeltas(database.db)
  expect(await pendingRollupDeltas(database.db)).toBe(0)
  await expectEqual((stored) => stored)
  await expectEqual(asRead)
}

const exec = (text: string) => database.db.execute(sql.raw(text))

describe('analytics rollups', () => {
  it('hold the seeded incidents, written by COPY or by INSERT', async () => {
    // Seeding folds what its writes left behind: the tables alone are exact.
    expect(await pendingRollupDeltas(database.db)).toBe(0)
    await expectEqual((stored) => stored)
    const [{ n }] = (await queryRows<{ n: number }>(
      database.db,
      sql`select sum(incidents)::int as n from analytics_root_cause_days`,
    )) as [{ n: number }]
    expect(n).toBeGreaterThan(500)
    await expectRollupsExact()
  })

  it('follow edits of every dimension and measure, in bulk and one row at a time', async () => {
    await exec(`update incidents set root_cause = 'hidden_decision', harm = 5 where number % 7 = 0`)
    await exec(`update incidents set restricted = not restricted where number % 11 = 0`)
    await exec(`update incidents set anonymous = true, reporter_id = null where number % 13 = 0`)
    await exec(`update incidents set discovered_at = discovered_at - 3, harm_kinds = '{rework,cost}' where number % 17 = 0`)
    await exec(`update incidents set engineer_days_lost = 2.5, delay_days = 4 where number % 19 = 0`)
    await exec(`update incidents set decision_owner_team_id = null, gap_id = null where number % 23 = 0`)
    await exec(`update incidents set decision_id = (select id from decisions order by id limit 1) where number = 5`)
    await exec(`update incidents set title = 'Renamed only' where number = 6`)
    await expectRollupsExact()
    // An incident that names a gap leaves the by-decision rollup, and comes back when it names none.
    await exec(`update incidents set gap_id = (select id from strategy_gaps order by id limit 1) where number % 29 = 0`)
    await expectRollupsExact()
    await exec(`update incidents set gap_id = null where number % 29 = 0 and number % 2 = 0`)
    await expectRollupsExact()
  })

  it('follow deletes, and drop rows that reach zero', async () => {
    await exec(`delete from cluster_members where incident_id in (select id from incidents where number % 5 = 0)`)
    await exec(`delete from incidents where number % 5 = 0`)
    await expectRollupsExact()
    const zero = await queryRows(database.db, sql`select 1 from analytics_decision_team_days where incidents = 0`)
    expect(zero).toEqual([])
  })

  it('move the discovery lag when a decision’s date changes, and when a decision is deleted', async () => {
    await exec(`update decisions set decided_at = decided_at - 40 where id in (select id from decisions order by id limit 20)`)
    await expectRollupsExact()
    await exec(`delete from decisions where id in (select id from decisions order by id desc limit 3)`)
    await expectRollupsExact()
  })

  it('stay exact when folds race one another and the writes they fold', async () => {
    await exec(`update incidents set harm = 1 + harm % 5 where number % 3 = 0`)
    const folds = () => Promise.all([foldRollupDeltas(database.db), foldRollupDeltas(database.db)])
    // On Postgres each call has a connection of its own; PGlite runs them one after the other.
    const [folded] = await Promise.all([
      folds(),
      exec(`update incidents set root_cause = 'unknown', restricted = not restricted where number % 4 = 0`),
      folds(),
      exec(`update incidents set discovered_at = discovered_at + 1 where number % 6 = 0`),
      folds(),
    ])
    expect(folded.reduce((a, b) => a + b, 0)).toBeGreaterThan(0)
    await expectRollupsExact()
  })

  it('empty with the incidents table', async () => {
    await exec('truncate incidents cascade')
    const left = await queryRows(
      database.db,
      sql`select 1 from analytics_gap_team_days union all select 1 from analytics_lag_days
        union all select 1 from analytics_gapless_decision_team_days union all select 1 from analytics_incident_deltas`,
    )
    expect(left).toEqual([])
  })

  it('bucket discovery lag exactly as the shared rule does', async () => {
    const days = Array.from({ length: 400 }, (_, i) => i - 5)
    const found = await queryRows<{ days: number; bucket: number }>(
      database.db,
      sql`select d as days, analytics_lag_bucket(d) as bucket from unnest(${`{${days.join(',')}}`}::int[]) as d`,
    )
    expect(found.map((r) => r.bucket)).toEqual(days.map(lagBucketIndex))
    expect(lagBuckets).toHaveLength(5)
  })
})
