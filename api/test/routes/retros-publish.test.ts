import { clusterMembers, clusters } from '@misalign/db'
import { describe, expect, it } from 'vitest'
import { fileIncident } from '../fixtures'
import { type ActorName, useTestApp } from '../helper'

const ctx = useTestApp()

async function makeCluster(incidentIds: string[], title = 'Recurring: v1 sunset') {
  // The engine places each filed incident after the response; let it finish so it cannot join this cluster later.
  await ctx.app.jobs.settled()
  const [cluster] = await ctx.database.db.insert(clusters).values({ title, status: 'confirmed' }).returning()
  if (!cluster) throw new Error('no cluster')
  await ctx.database.db
    .insert(clusterMembers)
    .values(incidentIds.map((incidentId) => ({ clusterId: cluster.id, incidentId, source: 'auto' as const })))
  return cluster.id
}

async function post<T = { id: string; version: number }>(url: string, payload: object, as: ActorName = 'admin'): Promise<T> {
  const res = await ctx.as(as).inject({ method: 'POST', url, payload })
  if (res.statusCode !== 201) throw new Error(`POST ${url} → ${res.statusCode} ${res.body}`)
  return res.json() as T
}

const tradeoff = { prefer: 'one API version', over: 'long deprecation windows', forGoal: 'a smaller surface' }

/** A held retro with a stated tradeoff, on two incidents caused by a decision of the away team. */
async function heldRetro(incidentOverrides: Record<string, unknown> = {}) {
  const decision = await post('/api/v1/decisions', { title: 'Sunset v1', owningTeamId: ctx.teams.away, decidedAt: '2026-01-10' })
  const a = await fileIncident(ctx.inject, ctx.teams.home, {
    decisionId: decision.id,
    missingContext: 'The sunset date',
    ...incidentOverrides,
  })
  const b = await fileIncident(ctx.inject, ctx.teams.away, { decisionId: decision.id, missingContext: '', ...incidentOverrides })
  const retro = await post('/api/v1/retros', { clusterId: await makeCluster([a.id, b.id]), title: 'Retro: v1 *sunset*' })
  const res = await ctx.inject({
    method: 'PATCH',
    url: `/api/v1/retros/${retro.id}`,
    headers: { 'if-match': '"1"' },
    payload: { tradeoff, summary: 'We kept finding out late.', status: 'held', heldAt: '2026-03-14T14:00:00.000Z' },
  })
  expect(res.statusCode).toBe(200)
  return { retro: res.json() as { id: string; version: number }, decision, incidents: [a, b] }
}

describe('POST /api/v1/retros/:id/strategy-draft', () => {
  it('refuses until a tradeoff is stated', async () => {
    const a = await fileIncident(ctx.inject, ctx.teams.home)
    const retro = await post('/api/v1/retros', { clusterId: await makeCluster([a.id]), title: 'R' })
    const res = await ctx.inject({ method: 'POST', url: `/api/v1/retros/${retro.id}/strategy-draft`, payload: {} })
    expect(res.statusCode).toBe(422)
    expect(res.json().detail).toMatch(/tradeoff/)
  })

  it('creates a prefilled draft strategy, links it, audits it, and does not do it twice', async () => {
    const { retro } = await heldRetro()
    const res = await ctx.inject({ method: 'POST', url: `/api/v1/retros/${retro.id}/strategy-draft`, payload: {} })
    expect(res.statusCode).toBe(201)
    const { strategy, retro: linked, gap } = res.json()
    expect(gap).toBeNull()
    expect(strategy).toMatchObject({
      status: 'draft',
      title: 'Prefer one API version over long deprecation windows',
      ownerTeamId: ctx.teams.away,
      tradeoffs: [tradeoff],
    })
    expect(strategy.scopeTeamIds.sort()).toEqual([ctx.teams.home, ctx.teams.away].sort())
    expect(strategy.context).toContain('We kept finding out late.')
    expect(strategy.context).toContain('The sunset date')
    expect(linked.strategyId).toBe(strategy.id)
    expect((await ctx.inject({ url: `/api/v1/strategies/${strategy.id}` })).json().status).toBe('draft')
    const again = await ctx.inject({ method: 'POST', url: `/api/v1/retros/${retro.id}/strategy-draft`, payload: {} })
    expect(again.statusCode).toBe(409)
    const audit = (await ctx.inject({ url: `/api/v1/audit?entityId=${retro.id}&action=publish_strategy_draft` })).json().items
    expect(audit).toHaveLength(1)
    expect((await ctx.inject({ url: `/api/v1/audit?entityId=${strategy.id}` })).json().items).toHaveLength(1)
  })

  it('lets a lead publish for their own team only, as the strategy policy says', async () => {
    const { retro } = await heldRetro()
    const forAway = await ctx.as('lead').inject({ method: 'POST', url: `/api/v1/retros/${retro.id}/strategy-draft`, payload: {} })
    expect(forAway.statusCode).toBe(403)
    const forHome = await ctx.as('lead').inject({
      method: 'POST',
      url: `/api/v1/retros/${retro.id}/strategy-draft`,
      payload: { ownerTeamId: ctx.teams.home, reviewBy: '2026-12-31' },
    })
    expect(forHome.statusCode).toBe(201)
    expect(forHome.json().strategy).toMatchObject({ ownerTeamId: ctx.teams.home, reviewBy: '2026-12-31' })
  })

  it('opens a strategy gap with the draft when asked and the incidents point at none', async () => {
    const { retro, incidents } = await heldRetro()
    const res = await ctx.inject({ method: 'POST', url: `/api/v1/retros/${retro.id}/strategy-draft`, payload: { openGap: true } })
    expect(res.statusCode).toBe(201)
    const { gap, retro: linked } = res.json()
    expect(gap).toMatchObject({ status: 'open', title: 'Missing strategy behind Recurring: v1 sunset' })
    expect(linked.gapId).toBe(gap.id)
    for (const incident of incidents) {
      expect((await ctx.inject({ url: `/api/v1/incidents/${incident.id}` })).json().gapId).toBe(gap.id)
    }
  })
})

describe('POST /api/v1/retros/:id/strategy-gap', () => {
  it('opens a gap once and points the incidents at it', async () => {
    const { retro, incidents } = await heldRetro()
    const res = await ctx.inject({
      method: 'POST',
      url: `/api/v1/retros/${retro.id}/strategy-gap`,
      payload: { title: 'No API lifecycle' },
    })
    expect(res.statusCode).toBe(201)
    expect(res.json().gap).toMatchObject({ title: 'No API lifecycle', description: expect.stringContaining('The sunset date') })
    const incident = (await ctx.inject({ url: `/api/v1/incidents/${incidents[0]?.id}` })).json()
    expect(incident).toMatchObject({ gapId: res.json().gap.id, version: 2 })
    const again = await ctx.inject({ method: 'POST', url: `/api/v1/retros/${retro.id}/strategy-gap`, payload: {} })
    expect(again.statusCode).toBe(409)
  })

  it('refuses when the incidents already point at a gap, and names it', async () => {
    const existing = await post('/api/v1/strategy-gaps', { title: 'No API lifecycle strategy' })
    const { retro } = await heldRetro({ gapId: existing.id })
    const res = await ctx.inject({ method: 'POST', url: `/api/v1/retros/${retro.id}/strategy-gap`, payload: {} })
    expect(res.statusCode).toBe(409)
    expect(res.json().detail).toContain('No API lifecycle strategy')
    expect((await ctx.inject({ url: `/api/v1/retros/${retro.id}` })).json().gaps).toEqual([
      { id: existing.id, title: 'No API lifecycle strategy', status: 'open' },
    ])
  })

  it('is not for members', async () => {
    const { retro } = await heldRetro()
    expect(
      (await ctx.as('member').inject({ method: 'POST', url: `/api/v1/retros/${retro.id}/strategy-gap`, payload: {} })).statusCode,
    ).toBe(403)
  })
})

describe('GET /api/v1/retros/:id/export', () => {
  it('downloads the retro as Markdown, with user text escaped', async () => {
    const { retro } = await heldRetro()
    await post(`/api/v1/retros/${retro.id}/actions`, {
      description: 'Weekly API sync',
      ownerTeamId: ctx.teams.home,
      kind: 'add_sync_meeting',
      reason: 'Until the doc exists',
    })
    const res = await ctx.as('member').inject({ url: `/api/v1/retros/${retro.id}/export` })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8')
    expect(res.headers['content-disposition']).toBe('attachment; filename="2026-03-14-retro-v1-sunset.md"')
    expect(res.body.startsWith('# Retro: v1 \\*sunset\\*\n')).toBe(true)
    expect(res.body).toContain('- Sunset v1 (Away Team): agreement — no tradeoff')
    expect(res.body).toContain('We prefer **one API version** over **long deprecation windows**, for goal **a smaller surface**.')
    expect(res.body).toContain('### Anti-misalignment')
    expect(res.body).toContain('Reason given: Until the doc exists')
  })
})
