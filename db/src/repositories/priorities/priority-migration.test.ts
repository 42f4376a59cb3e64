import { readFileSync } from 'node:fs'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, queryRows } from '../../client'
import { decisions, strategies, teams } from '../../schema/index'
import { openTestDatabase } from '../../testing/test-database'
import { priorityConfirmationRepository } from './priority-confirmations'

/*
 * Migration 0008 turns the free-text tradeoffs already stored into priorities and suggested
 * links. Its hand-written part is run here again over rows shaped as they were before it.
 */

const migration = readFileSync(new URL('../../../migrations/0008_priorities.sql', import.meta.url), 'utf8')
const marker = '-- Hand-written data migration'
const dataStatements = migration
  .slice(migration.indexOf(marker))
  .split('--> statement-breakpoint')
  .map((s) => s.trim())
  .filter(Boolean)

let database: Database
beforeAll(async () => {
  database = await openTestDatabase()
}, 60_000)
afterAll(async () => database?.close())

describe('migration 0008: free-text tradeoffs get suggested priorities', () => {
  it('creates one priority per spelling, merging case and punctuation, and suggests it on every tradeoff', async () => {
    expect(dataStatements.length).toBeGreaterThanOrEqual(4)
    const [team] = await database.db.insert(teams).values({ slug: 'pay', name: 'Payments' }).returning()
    if (!team) throw new Error('no team')
    const legacy = (prefer: string, over: string) => ({
      title: `${prefer} over ${over}`,
      owningTeamId: team.id,
      decidedAt: '2026-01-01',
      tradeoffPrefer: prefer,
      tradeoffOver: over,
      tradeoffForGoal: 'a goal',
    })
    await database.db
      .insert(decisions)
      .values([
        legacy('Checkout conversion', 'fraud-check strictness'),
        legacy('checkout conversion', 'Fraud check strictness.'),
        legacy('Fraud-check strictness', 'Checkout Conversion'),
        { title: 'An agreement', owningTeamId: team.id, decidedAt: '2026-01-02' },
      ])
    await database.db.insert(strategies).values({
      title: 'Cheap search',
      ownerTeamId: team.id,
      reviewBy: '2027-01-01',
      tradeoffs: [
        { prefer: 'lower cloud cost', over: 'index freshness', forGoal: 'spend less' },
        { prefer: 'Checkout conversion', over: 'Lower cloud cost!', forGoal: 'revenue' },
      ],
    })

    await database.db.transaction(async (tx) => {
      for (const statement of dataStatements) await tx.execute(sql.raw(statement))
    })

    const names = await queryRows<{ name: string }>(database.db, sql`select name from priorities order by lower(name)`)
    // The most used spelling names each priority.
    expect(names.map((r) => r.name)).toEqual([
      'Checkout conversion',
      'Fraud-check strictness',
      'index freshness',
      'lower cloud cost',
    ])

    const linked = await queryRows<{ title: string; prefer: string; over: string; confirmed: boolean }>(
      database.db,
      sql`select d.title, p.name as prefer, o.name as over, d.tradeoff_priorities_confirmed as confirmed
            from decisions d join priorities p on p.id = d.tradeoff_prefer_priority_id
            join priorities o on o.id = d.tradeoff_over_priority_id order by d.title`,
    )
    const row = (title: string, prefer: string, over: string) => ({ title, prefer, over, confirmed: false })
    expect(linked).toHaveLength(3)
    expect(linked).toEqual(
      expect.arrayContaining([
        row('checkout conversion over Fraud check strictness.', 'Checkout conversion', 'Fraud-check strictness'),
        row('Checkout conversion over fraud-check strictness', 'Checkout conversion', 'Fraud-check strictness'),
        row('Fraud-check strictness over Checkout Conversion', 'Fraud-check strictness', 'Checkout conversion'),
      ]),
    )
    const [agreement] = await queryRows<{ id: string | null }>(
      database.db,
      sql`select tradeoff_prefer_priority_id as id from decisions where title = 'An agreement'`,
    )
    expect(agreement?.id).toBeNull()

    const toConfirm = await priorityConfirmationRepository(database.db).list({})
    expect(toConfirm.total).toBe(5)
    const strategyItems = toConfirm.items.filter((i) => i.holderKind === 'strategy')
    expect(strategyItems.map((i) => [i.tradeoffIndex, i.prefer, i.forGoal])).toEqual([
      [0, 'lower cloud cost', 'spend less'],
      [1, 'Checkout conversion', 'revenue'],
    ])
    expect(strategyItems.every((i) => i.preferPriorityId && i.overPriorityId)).toBe(true)
    expect(strategyItems[1]?.overPriorityId).toBe(strategyItems[0]?.preferPriorityId)
  })
})
