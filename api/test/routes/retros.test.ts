import { clusterMembers, clusters } from '@misalign/db'
import { describe, expect, it } from 'vitest'
import { fileIncident } from '../fixtures'
import { type ActorName, useTestApp } from '../helper'

const ctx = useTestApp()

/** Clusters come from the clustering engine; here they are written directly, as the engine would. */
async function makeCluster(incidentIds: string[], status: 'suggested' | 'confirmed' | 'dismissed' = 'confirmed') {
  // The engine places each filed incident after the response; let it finish so it cannot join this cluster later.
  await ctx.app.jobs.settled()
  const [cluster] = await ctx.database.db.insert(clusters).values({ title: 'Recurring: v1 sunset', status }).returning()
  if (!cluster) throw new Error('no cluster')
  if (incidentIds.length) {
    await ctx.database.db
      .insert(clusterMembers)
      .values(incidentIds.map((incidentId) => ({ clusterId: cluster.id, incidentId, source: 'auto' as const })))
  }
  return cluster.id
}

async function post<T = { id: string; version: number }>(url: string, payload: object, as: ActorName = 'admin'): Promise<T> {
  const res = await ctx.as(as).inject({ method: 'POST', url, payload })
  if (res.statusCode !== 201) throw new Error(`POST ${url} → ${res.statusCode} ${res.body}`)
  return res.json() as T
}

const decision = (owningTeamId: string, tradeoff?: object) =>
  post('/api/v1/decisions', {
    title: 'Sunset payments API v1',
    owningTeamId,
    decidedAt: '2026-01-10',
    ...(tradeoff ? { tradeoff } : {}),
  })

const openRetro = (clusterId: string, as: ActorName = 'admin') =>
  post<{ id: string; version: number; status: string }>('/api/v1/retros', { clusterId, title: 'Retro: v1 sunset' }, as)

const workspace = async (id: string, as: ActorName = 'admin') => {
  const res = await ctx.as(as).inject({ url: `/api/v1/retros/${id}` })
  expect(res.statusCode).toBe(200)
  return res.json()
}

/** Two incidents of the home team and one of the away team, caused by a decision of the away team. */
async function world() {
  const sunset = await decision(ctx.teams.away)
  const late = await fileIncident(ctx.inject, ctx.teams.home, {
    decisionId: sunset.id,
    discoveredAt: '2026-03-20',
    title: 'Checkout broke on *v1* removal',
    harm: 5,
    surprise: 5,
  })
  const early = await fileIncident(ctx.inject, ctx.teams.away, {
    decisionId: sunset.id,
    discoveredAt: '2026-02-01',
    missingContext: '',
  })
  const undecided = await fileIncident(ctx.inject, ctx.teams.home, { discoveredAt: '2026-03-01', missingContext: 'Who decides' })
  const clusterId = await makeCluster([late.id, early.id, undecided.id])
  return { sunset, late, early, undecided, clusterId }
}

describe('the retro workspace', () => {
  it('shows the timeline in discovery order with decisions, missing context, teams and weighted harm', async () => {
    const w = await world()
    const retro = await openRetro(w.clusterId)
    expect(retro.status).toBe('planned')
    const body = await workspace(retro.id)
    expect(body.incidents.map((i: { id: string }) => i.id)).toEqual([w.early.id, w.undecided.id, w.late.id])
    expect(body.incidents[2]).toMatchObject({ weightedHarm: 25, discoveryLagDays: 69, missingContext: expect.any(String) })
    expect(body.weightedHarm.total).toBe(12 + 12 + 25)
    expect(body.weightedHarm.explanation).toMatch(/harm × surprise/)
    expect(body.decisions).toEqual([
      expect.objectContaining({
        id: w.sunset.id,
        tradeoff: null,
        decisionClass: 'agreement',
        incidentIds: [w.early.id, w.late.id],
      }),
    ])
    const teams = Object.fromEntries(body.teams.map((t: { id: string }) => [t.id, t]))
    expect(teams[ctx.teams.home]).toMatchObject({ name: 'Home Team', harmedIncidents: 2, causedIncidents: 0 })
    expect(teams[ctx.teams.away]).toMatchObject({ harmedIncidents: 1, causedIncidents: 2 })
    expect(body.teamNames[ctx.teams.away]).toBe('Away Team')
    expect(body.actions).toEqual([])
    expect(body.carriedOver).toEqual([])
  })

  it('leaves restricted incidents out for those who may not see them, from the timeline, the harm and the teams', async () => {
    const w = await world()
    const hidden = await fileIncident(ctx.as('member').inject, ctx.teams.home, {
      restricted: true,
      discoveredAt: '2026-01-20',
      harm: 5,
    })
    const clusterId = await makeCluster([w.early.id, hidden.id])
    const retro = await openRetro(clusterId)
    const outsider = await workspace(retro.id, 'outsider')
    expect(outsider.incidents.map((i: { id: string }) => i.id)).toEqual([w.early.id])
    expect(outsider.weightedHarm.total).toBe(12)
    expect(outsider.teams.map((t: { id: string }) => t.id)).toEqual([ctx.teams.away])
    const lead = await workspace(retro.id, 'lead')
    expect(lead.incidents.map((i: { id: string }) => i.id)).toEqual([hidden.id, w.early.id])
    const exported = await ctx.as('outsider').inject({ url: `/api/v1/retros/${retro.id}/export` })
    expect(exported.body).not.toContain(`MIS-${hidden.number}`)
  })

  it('never shows an anonymous reporter, and shows a small reporting team as its parent', async () => {
    const filed = await fileIncident(ctx.as('member').inject, ctx.teams.home, { anonymous: true })
    const retro = await openRetro(await makeCluster([filed.id]))
    const res = await ctx.as('outsider').inject({ url: `/api/v1/retros/${retro.id}` })
    expect(res.body).not.toContain(ctx.actors.member.id)
    expect(res.body).not.toContain(ctx.actors.member.displayName)
    expect(res.json().incidents[0]).not.toHaveProperty('reporterId')
    expect(res.json().incidents[0].reportingTeamId).toBe(ctx.teams.org)
  })

  it('answers 404 for an unknown retro and 400 for a malformed id', async () => {
    expect((await ctx.inject({ url: '/api/v1/retros/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404)
    expect((await ctx.inject({ url: '/api/v1/retros/nope' })).statusCode).toBe(400)
  })
})

describe('opening and changing a retro', () => {
  it('refuses an unknown or dismissed cluster with 422, and unknown fields with 400', async () => {
    const unknown = await ctx.inject({
      method: 'POST',
      url: '/api/v1/retros',
      payload: { clusterId: '00000000-0000-4000-8000-000000000000', title: 'R' },
    })
    expect(unknown.statusCode).toBe(422)
    const dismissed = await ctx.inject({
      method: 'POST',
      url: '/api/v1/retros',
      payload: { clusterId: await makeCluster([], 'dismissed'), title: 'R' },
    })
    expect(dismissed.statusCode).toBe(422)
    expect(dismissed.json().detail).toMatch(/dismissed/)
    const extra = await ctx.inject({
      method: 'POST',
      url: '/api/v1/retros',
      payload: { clusterId: await makeCluster([]), title: 'R', x: 1 },
    })
    expect(extra.statusCode).toBe(400)
  })

  it("lets a lead open a retro on a cluster that touches their team, not on another team's", async () => {
    const w = await world()
    expect(
      (await ctx.as('lead').inject({ method: 'POST', url: '/api/v1/retros', payload: { clusterId: w.clusterId, title: 'R' } }))
        .statusCode,
    ).toBe(201)
    const own = await fileIncident(ctx.inject, ctx.teams.away, {})
    const awayOnly = await makeCluster([own.id])
    expect(
      (await ctx.as('lead').inject({ method: 'POST', url: '/api/v1/retros', payload: { clusterId: awayOnly, title: 'R' } }))
        .statusCode,
    ).toBe(403)
    expect(
      (await ctx.as('member').inject({ method: 'POST', url: '/api/v1/retros', payload: { clusterId: w.clusterId, title: 'R' } }))
        .statusCode,
    ).toBe(403)
  })

  it('states a tradeoff with If-Match, stamps the day it was held, and refuses a stale write', async () => {
    const retro = await openRetro((await world()).clusterId)
    const tradeoff = { prefer: ' one API version ', over: 'long deprecation windows', forGoal: 'a smaller surface' }
    const res = await ctx.inject({
      method: 'PATCH',
      url: `/api/v1/retros/${retro.id}`,
      headers: { 'if-match': '"1"' },
      payload: { tradeoff, status: 'held', summary: 'Nobody knew the date' },
    })
    expect(res.statusCode).toBe(200)
    expect(res.headers.etag).toBe('"2"')
    expect(res.json()).toMatchObject({
      tradeoff: { ...tradeoff, prefer: 'one API version' },
      status: 'held',
      heldAt: expect.any(String),
    })
    const stale = await ctx.inject({
      method: 'PATCH',
      url: `/api/v1/retros/${retro.id}`,
      headers: { 'if-match': '"1"' },
      payload: { title: 'X' },
    })
    expect(stale.statusCode).toBe(412)
    const missing = await ctx.inject({ method: 'PATCH', url: `/api/v1/retros/${retro.id}`, payload: { title: 'X' } })
    expect(missing.statusCode).toBe(428)
    const blank = await ctx.inject({
      method: 'PATCH',
      url: `/api/v1/retros/${retro.id}`,
      headers: { 'if-match': '"2"' },
      payload: { tradeoff: { prefer: ' ', over: 'b', forGoal: 'c' } },
    })
    expect(blank.statusCode).toBe(422)
    const cleared = await ctx.inject({
      method: 'PATCH',
      url: `/api/v1/retros/${retro.id}`,
      headers: { 'if-match': '"2"' },
      payload: { tradeoff: null },
    })
    expect(cleared.json().tradeoff).toBeNull()
    const audit = (await ctx.inject({ url: `/api/v1/audit?entityId=${retro.id}` })).json().items
    expect(audit.map((e: { action: string }) => e.action).sort()).toEqual(['create', 'update', 'update'])
  })

  it('lists retros newest first with their cluster and action counts, a page at a time', async () => {
    const w = await world()
    const first = await openRetro(w.clusterId)
    const second = await openRetro(w.clusterId)
    await post(`/api/v1/retros/${first.id}/actions`, {
      description: 'Share it',
      ownerTeamId: ctx.teams.away,
      kind: 'share_strategy',
    })
    const page = (await ctx.inject({ url: '/api/v1/retros?limit=1' })).json()
    expect(page.items).toEqual([expect.objectContaining({ id: second.id, clusterTitle: 'Recurring: v1 sunset', actionCount: 0 })])
    const next = (await ctx.inject({ url: `/api/v1/retros?limit=1&cursor=${page.nextCursor}` })).json()
    expect(next.items).toEqual([expect.objectContaining({ id: first.id, actionCount: 1, openActionCount: 1 })])
    expect(next.nextCursor).toBeNull()
    expect((await ctx.inject({ url: `/api/v1/retros?clusterId=${w.clusterId}&status=held` })).json().items).toEqual([])
    expect((await ctx.inject({ url: '/api/v1/retros?sort=x' })).statusCode).toBe(400)
  })
})
