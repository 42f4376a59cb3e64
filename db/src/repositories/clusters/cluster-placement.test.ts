import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, queryRows } from '../../client'
import { openTestDatabase } from '../../testing/test-database'
import { placeNewIncidents } from './cluster-placement'

/* A burst of filings placed as one batch: one suggestion, nothing started twice, a retry changes nothing. */

let database: Database
const ids = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()]

beforeAll(async () => {
  database = await openTestDatabase()
  const [mobile, identity, web] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()]
  for (const [id, slug] of [
    [mobile, 'mobile'],
    [identity, 'identity'],
    [web, 'web'],
  ] as const)
    await database.db.execute(sql`insert into teams (id, slug, name) values (${id}, ${slug}, ${slug})`)
  const decision = crypto.randomUUID()
  await database.db.execute(sql`insert into decisions (id, title, summary, owning_team_id, decided_at)
    values (${decision}, 'Access tokens expire after 15 minutes', 'Shorter tokens limit stolen sessions.', ${identity}, '2026-03-01')`)
  for (const [k, id] of ids.entries())
    await database.db.execute(sql`insert into incidents (id, title, narrative, reporting_team_id, discovered_at, discovery_channel,
      expected, surprise, harmed_goal, harm, harm_kinds, decision_id, decision_owner_team_id, missing_context)
      values (${id}, ${`Users signed out: access token expired after 15 minutes (${k})`},
        'Access tokens now expire after 15 minutes and our client has no refresh token flow, so users are signed out.',
        ${k === 1 ? web : mobile}, ${`2026-03-0${k + 2}`}, 'production', 'Sessions last the day', 4, 'Retention', 4, '{rework}',
        ${decision}, ${identity}, 'That token lifetime was changing.')`)
}, 60_000)
afterAll(async () => database?.close())

const clusterRows = () =>
  queryRows<{ cluster_id: string; incident_id: string }>(
    database.db,
    sql`select cluster_id, incident_id from cluster_members order by incident_id`,
  )

describe('placing a batch of new incidents', () => {
  it('starts one suggestion with the first and lets the rest join it, in filing order', async () => {
    const outcomes = await placeNewIncidents(database.db, ids)
    const members = await clusterRows()
    expect(new Set(members.map((m) => m.cluster_id)).size).toBe(1)
    expect(members.map((m) => m.incident_id).sort()).toEqual([...ids].sort())
    // The first started it with its neighbours already filed, so the others were placed with it.
    expect(outcomes.get(ids[0] as string)).toBe('started')
    expect([...outcomes.values()].filter((o) => o === 'started')).toHaveLength(1)
  })

  it('changes nothing when the same batch is tried again (a retry after a lost acknowledgement)', async () => {
    const before = await clusterRows()
    const outcomes = await placeNewIncidents(database.db, ids)
    expect([...outcomes.values()]).toEqual(['none', 'none', 'none'])
    expect(await clusterRows()).toEqual(before)
    const [count] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from clusters`)
    expect(count?.n).toBe(1)
  })
})
