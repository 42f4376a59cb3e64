import { describe, expect, it } from 'vitest'
import { fileIncident } from '../fixtures'
import { useTestApp } from '../helper'
import { runSql } from '../sql'
import { importFile } from './support'

const ctx = useTestApp()

/** What an export → import keeps: every field the filer or triage set, not who filed an anonymous report. */
const kept = [
  'title',
  'narrative',
  'reportingTeamId',
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
  'missingContext',
  'rootCause',
] as const

type Exported = Record<string, unknown>
const pick = (item: Exported) => Object.fromEntries(kept.map((field) => [field, item[field]]))

async function seed() {
  const decision = await ctx.inject({
    method: 'POST',
    url: '/api/v1/decisions',
    payload: { title: 'Ranking by margin', owningTeamId: ctx.teams.away, decidedAt: '2026-01-05' },
  })
  const named = await fileIncident(ctx.as('member').inject, ctx.teams.home, {
    title: '=SUM(A1) looks like a formula',
    narrative: 'A "quoted" word, a comma, and\na second line',
    decisionId: decision.json().id,
    engineerDaysLost: 2.5,
    delayDays: 3,
    harmKinds: ['delay'],
  })
  await ctx.inject({
    method: 'PATCH',
    url: `/api/v1/incidents/${named.id}`,
    headers: { 'if-match': `"${named.version}"` },
    payload: { status: 'triaged', rootCause: 'hidden_decision' },
  })
  await fileIncident(ctx.as('lead').inject, ctx.teams.home, { anonymous: true, title: 'Anonymous report', harmKinds: [] })
  await fileIncident(ctx.as('outsider').inject, ctx.teams.away, { restricted: true, title: '-5 points of conversion' })
}

async function exportAs(format: 'csv' | 'ndjson'): Promise<string> {
  const res = await ctx.inject({ url: `/api/v1/incidents/export?format=${format}&sort=number` })
  expect(res.statusCode).toBe(200)
  return res.body
}

async function listAll(): Promise<Exported[]> {
  return JSON.parse(await exportAs('ndjson').then((text) => `[${text.trim().split('\n').join(',')}]`)) as Exported[]
}

describe('an incident export imported into an org with the same teams and no incidents', () => {
  for (const format of ['csv', 'ndjson'] as const) {
    it(`keeps every field but the anonymous reporter (${format})`, async () => {
      await seed()
      const before = await listAll()
      const file = await exportAs(format)
      await runSql(ctx.database, 'delete from incidents')
      const contentType = format === 'csv' ? 'text/csv' : 'application/x-ndjson'

      const res = await importFile(ctx, file, { contentType })
      expect(res.statusCode).toBe(200)
      expect(res.json().counts).toEqual({ create: 3, update: 0, unchanged: 0, error: 0 })
      const after = await listAll()
      const byTitle = (items: Exported[]) => [...items].sort((a, b) => String(a.title).localeCompare(String(b.title)))
      expect(byTitle(after).map(pick)).toEqual(byTitle(before).map(pick))
      // A named report keeps its reporter (the same user exists here); the anonymous one has none to regain.
      const reporters = await runSql<{ title: string; reporter_id: string | null; reporter_key: string | null }>(
        ctx.database,
        'select title, reporter_id, reporter_key from incidents order by title',
      )
      expect(reporters.find((row) => row.title === 'Anonymous report')).toMatchObject({ reporter_id: null, reporter_key: null })
      expect(reporters.find((row) => row.title.startsWith('=SUM'))?.reporter_id).toBe(ctx.actors.member.id)
      // Importing the export of the import changes nothing: the old ids are the external ids.
      const again = await importFile(ctx, file, { contentType })
      expect(again.json().counts).toEqual({ create: 0, update: 0, unchanged: 3, error: 0 })
    })
  }
})
