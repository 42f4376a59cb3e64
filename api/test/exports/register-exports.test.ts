import { clusterMembers, clusters } from '@misalign/db'
import { AuditEntry, Decision } from '@misalign/shared'
import { describe, expect, it } from 'vitest'
import { fileIncident } from '../fixtures'
import { type ActorName, useTestApp } from '../helper'
import { runSql } from '../sql'
import { exportUrl, ndjsonRows, pageThrough } from './support'

const ctx = useTestApp()

const tradeoff = { prefer: 'one payments API', over: 'backwards compatibility', forGoal: 'halve integration cost' }

async function post<T = { id: string; version: number }>(url: string, payload: object, as: ActorName = 'admin'): Promise<T> {
  const res = await ctx.as(as).inject({ method: 'POST', url, payload })
  if (res.statusCode !== 201) throw new Error(`POST ${url} → ${res.statusCode} ${res.body}`)
  return res.json() as T
}

/** A little of every register, and 520 more decisions in SQL so the decision export takes two batches. */
async function seed() {
  await post('/api/v1/decisions', { title: 'Deprecate v1', owningTeamId: ctx.teams.home, decidedAt: '2026-03-01', tradeoff })
  await post('/api/v1/decisions', { title: '=cmd|calc', owningTeamId: ctx.teams.away, decidedAt: '2026-02-01' })
  await runSql(
    ctx.database,
    `insert into decisions (title, owning_team_id, decided_at)
     select 'Decision ' || n, $1, date '2026-01-01' + (n % 40) from generate_series(1, 520) n`,
    [ctx.teams.away],
  )
  const strategy = await post('/api/v1/strategies', {
    title: 'Payments prefers one API',
    ownerTeamId: ctx.teams.home,
    tradeoffs: [tradeoff],
    reviewBy: '2099-12-31',
  })
  const published = await ctx.inject({
    method: 'POST',
    url: `/api/v1/strategies/${strategy.id}/publish`,
    headers: { 'if-match': `"${strategy.version}"` },
  })
  expect(published.statusCode, published.body).toBe(200)
  await post('/api/v1/strategies', {
    title: 'A draft',
    ownerTeamId: ctx.teams.away,
    tradeoffs: [tradeoff],
    reviewBy: '2099-12-31',
  })
  await post('/api/v1/strategy-gaps', { title: 'No stated priority between API stability and speed' })
  await post('/api/v1/strategy-gaps', { title: 'Nobody says when to deprecate' })
  const incident = await fileIncident(ctx.inject, ctx.teams.home)
  await ctx.app.jobs.settled()
  const [cluster] = await ctx.database.db.insert(clusters).values({ title: 'Cluster', status: 'confirmed' }).returning()
  if (!cluster) throw new Error('no cluster')
  await ctx.database.db.insert(clusterMembers).values({ clusterId: cluster.id, incidentId: incident.id, source: 'manual' })
  const retro = await post('/api/v1/retros', { clusterId: cluster.id, title: 'Retro' })
  for (const kind of ['share_strategy', 'add_approval_gate', 'state_tradeoff']) {
    await post(`/api/v1/retros/${retro.id}/actions`, { description: `Do ${kind}`, ownerTeamId: ctx.teams.home, kind })
  }
}

const ids = (rows: { id: string }[]) => rows.map((row) => row.id)

describe('exports of the registers', () => {
  it.each([
    ['/api/v1/decisions', 'member'],
    ['/api/v1/decisions?owningTeamId=AWAY&sort=title', 'member'],
    ['/api/v1/decisions?decisionClass=strategy_bearing', 'outsider'],
    ['/api/v1/strategies', 'member'],
    ['/api/v1/strategies?status=published', 'outsider'],
    ['/api/v1/strategy-gaps', 'leader'],
    ['/api/v1/strategy-gaps?status=open', 'member'],
    ['/api/v1/actions', 'member'],
    ['/api/v1/actions?actionClass=anti_misalignment', 'lead'],
    ['/api/v1/audit', 'admin'],
    ['/api/v1/audit?entityType=decision', 'admin'],
  ] as [string, ActorName][])('%s (as %s): the export holds what the list pages through, in its order', async (template, as) => {
    await seed()
    const list = template.replace('AWAY', ctx.teams.away)
    const listed = await pageThrough(ctx, list, as)
    expect(listed.length).toBeGreaterThan(0)
    const res = await ctx.as(as).inject({ url: exportUrl(list, 'ndjson') })
    expect(res.statusCode, res.body).toBe(200)
    const exported = ndjsonRows(res.body)
    expect(ids(exported)).toEqual(ids(listed))
    expect(exported).toEqual(listed)
    const json = await ctx.as(as).inject({ url: exportUrl(list, 'json') })
    expect(json.json()).toEqual(listed)
  })

  it('writes nested values as JSON and guards formulas in CSV cells', async () => {
    await seed()
    const res = await ctx.as('member').inject({ url: '/api/v1/decisions/export?format=csv&q=cmd' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-disposition']).toMatch(/filename="decisions-\d{4}-\d{2}-\d{2}\.csv"/)
    const [header, row, ...rest] = res.body.trimEnd().split('\r\n')
    expect(rest).toEqual([])
    expect(header).toBe(Object.keys(Decision.properties).join(','))
    expect(row).toContain(",'=cmd|calc,")
    const withTradeoff = await ctx
      .as('member')
      .inject({ url: '/api/v1/decisions/export?format=csv&decisionClass=strategy_bearing' })
    // The tradeoff is one cell of JSON, quoted because it holds commas and quotes.
    expect(withTradeoff.body).toMatch(/,"\{""prefer"":""one payments API"",/)
  })

  it('lets only admins export the audit log: a member gets 403 problem+json', async () => {
    await seed()
    for (const as of ['member', 'lead', 'leader'] as const) {
      const res = await ctx.as(as).inject({ url: '/api/v1/audit/export?format=csv' })
      expect(res.statusCode).toBe(403)
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
    }
    const admin = await ctx.inject({ url: '/api/v1/audit/export?format=csv' })
    expect(admin.statusCode).toBe(200)
    expect(admin.body.slice(0, admin.body.indexOf('\r\n'))).toBe(Object.keys(AuditEntry.properties).join(','))
    expect(admin.headers['content-disposition']).toMatch(/filename="audit-\d{4}-\d{2}-\d{2}\.csv"/)
  })

  it.each([
    '/api/v1/decisions/export?format=pdf',
    '/api/v1/strategies/export?format=csv&stale=maybe',
    '/api/v1/strategy-gaps/export?format=csv&status=closed',
    '/api/v1/actions/export?format=',
    '/api/v1/audit/export?format=csv&cursor=abc',
  ])('answers 400 problem+json for %s', async (url) => {
    const res = await ctx.inject({ url })
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
  })

  it('describes every export in the OpenAPI document with an operationId and its formats', async () => {
    const doc = (await ctx.inject({ url: '/api/openapi.json' })).json()
    const paths = ['incidents', 'decisions', 'strategies', 'strategy-gaps', 'actions', 'audit'].map((p) => `/api/v1/${p}/export`)
    for (const path of paths) {
      const operation = doc.paths[path]?.get
      expect(operation?.operationId, path).toMatch(/^export[A-Z]\w+$/)
      expect(operation.description).toBeTruthy()
      expect(Object.keys(operation.responses['200'].content).sort()).toEqual([
        'application/json',
        'application/x-ndjson',
        'text/csv',
      ])
    }
  })
})
