import { attributedGapId, decisionClaims } from '@misalign/shared'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateOrg } from '../../../seed/generate'
import { writeOrg } from '../../../seed/write'
import { type Database, queryRows } from '../../client'
import { openTestDatabase } from '../../testing/test-database'
import { attributedGapOf, gapClaimsQuery } from './gap-attribution'

/* The SQL of gap-attribution.ts must say what the shared rule says, for every incident. */

let database: Database
beforeAll(async () => {
  database = await openTestDatabase()
  await writeOrg(database, generateOrg({ incidents: 300, seed: 5, today: '2026-06-30' }))
  // Every gap names three decisions; neighbours share two. Some links share one instant (a tie).
  await database.db.execute(sql`insert into strategy_gap_decisions (gap_id, decision_id, created_at)
    select g.id, d.id, timestamptz '2026-06-01' + ((g.k * 7 + d.k) % 5) * interval '1 hour'
    from (select id, row_number() over (order by id) as k from strategy_gaps) g
    join (select id, row_number() over (order by id) as k from decisions) d on d.k between g.k and g.k + 2`)
}, 120_000)
afterAll(async () => database?.close())

describe('gap attribution in SQL', () => {
  it('claims each decision for the gap the shared rule picks, and attributes every incident alike', async () => {
    const links = await queryRows<{ gap_id: string; decision_id: string; at: string }>(
      database.db,
      sql`select gap_id, decision_id, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at
        from strategy_gap_decisions`,
    )
    const claims = decisionClaims(links.map((l) => ({ gapId: l.gap_id, decisionId: l.decision_id, linkedAt: l.at })))
    const claimed = await queryRows<{ decision_id: string; gap_id: string }>(database.db, gapClaimsQuery)
    expect(new Map(claimed.map((c) => [c.decision_id, c.gap_id]))).toEqual(claims)
    expect(claims.size).toBeGreaterThan(3)

    const rows = await queryRows<{ gap_id: string | null; decision_id: string | null; attributed: string | null }>(
      database.db,
      sql`select i.gap_id, i.decision_id, ${attributedGapOf(sql`i.gap_id`, sql`i.decision_id`)} as attributed from incidents i`,
    )
    for (const row of rows) {
      expect(row.attributed).toBe(attributedGapId({ gapId: row.gap_id, decisionId: row.decision_id }, claims))
    }
    expect(rows.some((r) => r.gap_id === null && r.attributed !== null)).toBe(true)
  })
})
