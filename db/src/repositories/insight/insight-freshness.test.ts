import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateOrg } from '../../../seed/generate'
import { writeOrg } from '../../../seed/write'
import { type Database, queryRows } from '../../client'
import { openTestDatabase } from '../../testing/test-database'
import { appendEvent } from '../outbox/outbox-repository'
import { insightIndex } from './insight-index'

/*
 * Another instance's write reaches this one's index through the outbox: no request of ours
 * saw it, so nothing marked the index dirty; the newest event's seq says it changed.
 */
let database: Database
beforeAll(async () => {
  database = await openTestDatabase()
  await writeOrg(database, generateOrg({ incidents: 60, seed: 11, today: '2026-06-30' }))
}, 120_000)
afterAll(async () => database?.close())

async function copyOfAnIncident(): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    database.db,
    sql`insert into incidents (title, narrative, reporting_team_id, reporter_id, discovered_at, discovery_channel,
          expected, surprise, harmed_goal, harm, harm_kinds, missing_context, root_cause)
        select 'Freshly filed elsewhere', narrative, reporting_team_id, reporter_id, discovered_at, discovery_channel,
          expected, surprise, harmed_goal, harm, harm_kinds, missing_context, root_cause
        from incidents where not anonymous limit 1
        returning id`,
  )
  if (!row) throw new Error('no incident to copy')
  return row.id
}

describe('insight index freshness', () => {
  it('keeps its index while nothing is recorded, and rebuilds once an event is', async () => {
    const before = await insightIndex(database.db)
    const id = await copyOfAnIncident()
    // Written without an event (a bulk load): the index may answer from what it has.
    const unchanged = await insightIndex(database.db)
    expect(unchanged).toBe(before)
    expect(unchanged.incidentRows.some((row) => row.id === id)).toBe(false)

    await appendEvent(database.db, {
      type: 'incident.filed',
      aggregateType: 'incident',
      aggregateId: id,
      aggregateVersion: 1,
      payload: {},
    })
    const after = await insightIndex(database.db)
    expect(after).not.toBe(before)
    expect(after.incidentRows.some((row) => row.id === id)).toBe(true)
  })
})
