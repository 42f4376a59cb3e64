import { clusterMembers, clusters } from '@misalign/db'
import { describe, expect, it } from 'vitest'
import { incidentBody } from '../fixtures'
import { type ActorName, type TestContext, useTestApp } from '../helper'

// The permission matrix's ownership cases: handing a resource to a team the caller has no
// rights over. `lead` leads `home` only; `away` is a team they cannot act for.
const ctx = useTestApp()

async function created(ctx: TestContext, url: string, payload: object) {
  const res = await ctx.inject({ method: 'POST', url, payload })
  if (res.statusCode !== 201) throw new Error(`POST ${url} → ${res.statusCode} ${res.body}`)
  return res.json() as { id: string; version: number }
}

const patch = (as: ActorName, url: string, payload: object, version = 1) =>
  ctx.as(as).inject({ method: 'PATCH', url, headers: { 'if-match': `"${version}"` }, payload })

async function auditActions(entityId: string): Promise<string[]> {
  const res = await ctx.inject({ method: 'GET', url: `/api/v1/audit?entityId=${entityId}` })
  return res.json().items.map((entry: { action: string }) => entry.action)
}

/** A retro on a cluster of one home-team incident, with one action owned by home. */
async function homeAction(ctx: TestContext) {
  const incident = await created(ctx, '/api/v1/incidents', incidentBody(ctx.teams.home))
  const [cluster] = await ctx.database.db.insert(clusters).values({ title: 'Cluster', status: 'confirmed' }).returning()
  if (!cluster) throw new Error('no cluster')
  await ctx.database.db.insert(clusterMembers).values({ clusterId: cluster.id, incidentId: incident.id, source: 'auto' })
  const retro = await created(ctx, '/api/v1/retros', { clusterId: cluster.id, title: 'Retro' })
  const action = await created(ctx, `/api/v1/retros/${retro.id}/actions`, {
    description: 'Share it',
    ownerTeamId: ctx.teams.home,
    kind: 'share_strategy',
  })
  return { ...action, retroId: retro.id }
}

describe('changing who owns something', () => {
  it('refuses a lead handing their team decision to a team they do not lead, and changes nothing', async () => {
    const decision = await created(ctx, '/api/v1/decisions', {
      title: 'Drop v1',
      owningTeamId: ctx.teams.home,
      decidedAt: '2026-01-10',
    })
    const res = await patch('lead', `/api/v1/decisions/${decision.id}`, { owningTeamId: ctx.teams.away })
    expect(res.statusCode).toBe(403)
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
    expect(res.json().detail).toMatch(/team you also lead/)
    const after = await ctx.inject({ method: 'GET', url: `/api/v1/decisions/${decision.id}` })
    expect(after.json()).toMatchObject({ owningTeamId: ctx.teams.home, version: 1 })
    expect(await auditActions(decision.id)).toEqual(['create'])
  })

  it('lets the same lead change their decision without moving it', async () => {
    const decision = await created(ctx, '/api/v1/decisions', {
      title: 'Drop v1',
      owningTeamId: ctx.teams.home,
      decidedAt: '2026-01-10',
    })
    const res = await patch('lead', `/api/v1/decisions/${decision.id}`, { owningTeamId: ctx.teams.home, title: 'Drop v1 API' })
    expect(res.statusCode).toBe(200)
    expect(await auditActions(decision.id)).toEqual(['update', 'create'])
  })

  it('lets a leader hand a decision over, audited as a transfer', async () => {
    const decision = await created(ctx, '/api/v1/decisions', {
      title: 'Drop v1',
      owningTeamId: ctx.teams.home,
      decidedAt: '2026-01-10',
    })
    const res = await patch('leader', `/api/v1/decisions/${decision.id}`, { owningTeamId: ctx.teams.away })
    expect(res.statusCode).toBe(200)
    expect(res.json().owningTeamId).toBe(ctx.teams.away)
    const audit = await ctx.inject({ method: 'GET', url: `/api/v1/audit?entityId=${decision.id}` })
    const [transfer] = audit.json().items
    expect(transfer).toMatchObject({
      action: 'transfer',
      changes: { owningTeamId: { before: ctx.teams.home, after: ctx.teams.away } },
    })
  })

  it('refuses a lead handing their team strategy to another team', async () => {
    const strategy = await created(ctx, '/api/v1/strategies', {
      title: 'API strategy',
      ownerTeamId: ctx.teams.home,
      tradeoffs: [{ prefer: 'one API', over: 'compatibility', forGoal: 'speed' }],
      reviewBy: '2027-06-30',
    })
    const res = await patch('lead', `/api/v1/strategies/${strategy.id}`, { ownerTeamId: ctx.teams.away })
    expect(res.statusCode).toBe(403)
    const moved = await patch('admin', `/api/v1/strategies/${strategy.id}`, { ownerTeamId: ctx.teams.away })
    expect(moved.statusCode).toBe(200)
    expect((await auditActions(strategy.id))[0]).toBe('transfer')
  })

  it('refuses a lead giving a strategy gap an owner, and lets a leader', async () => {
    const gap = await created(ctx, '/api/v1/strategy-gaps', { title: 'No API lifecycle strategy' })
    expect((await patch('lead', `/api/v1/strategy-gaps/${gap.id}`, { ownerId: ctx.actors.lead.id })).statusCode).toBe(403)
    expect(
      (await patch('outsideLead', `/api/v1/strategy-gaps/${gap.id}`, { ownerId: ctx.actors.outsideLead.id })).statusCode,
    ).toBe(403)
    expect((await patch('leader', `/api/v1/strategy-gaps/${gap.id}`, { ownerId: ctx.actors.leader.id })).statusCode).toBe(200)
  })

  it('refuses a lead handing an action to a team outside the retro, and audits a leader doing it as a transfer', async () => {
    const action = await homeAction(ctx)
    const refused = await patch('lead', `/api/v1/actions/${action.id}`, { ownerTeamId: ctx.teams.away })
    expect(refused.statusCode).toBe(403)
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/)
    const moved = await patch('leader', `/api/v1/actions/${action.id}`, { ownerTeamId: ctx.teams.away })
    expect(moved.statusCode).toBe(200)
    expect((await auditActions(action.id))[0]).toBe('transfer')
  })

  it('refuses a lead recording an action owned by a team outside the retro', async () => {
    const { retroId } = await homeAction(ctx)
    const res = await ctx.as('lead').inject({
      method: 'POST',
      url: `/api/v1/retros/${retroId}/actions`,
      payload: { description: 'Their job', ownerTeamId: ctx.teams.away, kind: 'share_strategy' },
    })
    expect(res.statusCode).toBe(403)
    const own = await ctx.as('lead').inject({
      method: 'POST',
      url: `/api/v1/retros/${retroId}/actions`,
      payload: { description: 'Our job', ownerTeamId: ctx.teams.home, kind: 'share_strategy' },
    })
    expect(own.statusCode).toBe(201)
  })
})
