import { clusterMembers, clusters } from '@misalign/db'
import { describe, expect, it } from 'vitest'
import { fileIncident } from '../fixtures'
import { type ActorName, useTestApp } from '../helper'
import { runSql } from '../sql'

const ctx = useTestApp()

async function makeCluster(incidentIds: string[]) {
  // The engine places each filed incident after the response; let it finish so it cannot join this cluster later.
  await ctx.app.jobs.settled()
  const [cluster] = await ctx.database.db.insert(clusters).values({ title: 'Cluster', status: 'confirmed' }).returning()
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

const retroOn = async (incidentIds: string[], title = 'Retro') =>
  post('/api/v1/retros', { clusterId: await makeCluster(incidentIds), title })

const addAction = (retroId: string, body: Record<string, unknown>, as: ActorName = 'admin') =>
  ctx.as(as).inject({
    method: 'POST',
    url: `/api/v1/retros/${retroId}/actions`,
    payload: { description: 'Publish the API lifecycle', ownerTeamId: ctx.teams.home, kind: 'share_strategy', ...body },
  })

/** Earlier retros are older: created_at is moved back, as if the retro was held last month. */
const backdate = (retroId: string, days: number) =>
  runSql(ctx.database, `update retros set created_at = now() - ($1 || ' days')::interval where id = $2`, [String(days), retroId])

describe('recording actions', () => {
  it('classes each kind and accepts an anti-misalignment kind with or without a reason', async () => {
    const retro = await retroOn([(await fileIncident(ctx.inject, ctx.teams.home)).id])
    const alignment = await addAction(retro.id, { dueAt: '2026-05-01' })
    expect(alignment.statusCode).toBe(201)
    expect(alignment.json()).toMatchObject({
      kind: 'share_strategy',
      actionClass: 'alignment',
      status: 'open',
      dueAt: '2026-05-01',
    })
    const noReason = await addAction(retro.id, { kind: 'add_approval_gate', reason: '   ' })
    expect(noReason.statusCode).toBe(201)
    expect(noReason.json()).toMatchObject({ actionClass: 'anti_misalignment', reason: null })
    const withReason = await addAction(retro.id, { kind: 'freeze_decisions', reason: ' Until the migration lands ' })
    expect(withReason.json().reason).toBe('Until the migration lands')
    expect((await addAction(retro.id, { kind: 'hold_more_meetings' })).statusCode).toBe(400)
    expect((await addAction(retro.id, { ownerTeamId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(422)
    const workspace = (await ctx.inject({ url: `/api/v1/retros/${retro.id}` })).json()
    expect(workspace.actions.map((a: { kind: string }) => a.kind)).toEqual([
      'share_strategy',
      'add_approval_gate',
      'freeze_decisions',
    ])
  })

  it('lets a lead record actions on a retro touching their team, never a member', async () => {
    const home = await retroOn([(await fileIncident(ctx.inject, ctx.teams.home)).id])
    const away = await retroOn([(await fileIncident(ctx.inject, ctx.teams.away)).id])
    expect((await addAction(home.id, {}, 'lead')).statusCode).toBe(201)
    expect((await addAction(away.id, {}, 'lead')).statusCode).toBe(403)
    expect((await addAction(home.id, {}, 'member')).statusCode).toBe(403)
    expect((await addAction('00000000-0000-4000-8000-000000000000', {})).statusCode).toBe(404)
  })

  it('changes an action with If-Match and audits it', async () => {
    const retro = await retroOn([(await fileIncident(ctx.inject, ctx.teams.home)).id])
    const action = (await addAction(retro.id, {})).json()
    const patch = (version: string, payload: object, as: ActorName = 'admin') =>
      ctx.as(as).inject({ method: 'PATCH', url: `/api/v1/actions/${action.id}`, headers: { 'if-match': version }, payload })
    const done = await patch('"1"', { status: 'done' })
    expect(done.statusCode).toBe(200)
    expect(done.json()).toMatchObject({ status: 'done', version: 2, retroTitle: 'Retro' })
    expect((await patch('"1"', { status: 'open' })).statusCode).toBe(412)
    expect((await patch('"2"', { status: 'open' }, 'member')).statusCode).toBe(403)
    expect((await patch('"2"', { status: 'open' }, 'outsideLead')).statusCode).toBe(403)
    expect((await patch('"2"', { status: 'open' }, 'lead')).statusCode).toBe(200)
    const audit = (await ctx.inject({ url: `/api/v1/audit?entityId=${action.id}` })).json().items
    expect(audit).toHaveLength(3)
  })
})

describe('GET /api/v1/actions', () => {
  it('filters by status, kind, class and owner team, and pages with a cursor', async () => {
    const retro = await retroOn([(await fileIncident(ctx.inject, ctx.teams.home)).id], 'Retro A')
    await addAction(retro.id, {})
    await addAction(retro.id, { kind: 'add_sync_meeting', ownerTeamId: ctx.teams.away })
    const gate = (await addAction(retro.id, { kind: 'add_approval_gate' })).json()
    await ctx.inject({
      method: 'PATCH',
      url: `/api/v1/actions/${gate.id}`,
      headers: { 'if-match': '"1"' },
      payload: { status: 'not_doing' },
    })
    const list = async (query: string) => (await ctx.as('member').inject({ url: `/api/v1/actions?${query}` })).json()
    expect((await list('')).items.map((a: { kind: string }) => a.kind)).toEqual([
      'add_approval_gate',
      'add_sync_meeting',
      'share_strategy',
    ])
    expect((await list('actionClass=anti_misalignment')).items).toHaveLength(2)
    expect((await list('status=open&actionClass=anti_misalignment')).items.map((a: { kind: string }) => a.kind)).toEqual([
      'add_sync_meeting',
    ])
    expect((await list('kind=share_strategy')).items[0].retroTitle).toBe('Retro A')
    expect((await list(`ownerTeamId=${ctx.teams.away}`)).items).toHaveLength(1)
    const first = await list('limit=2')
    expect(first.items).toHaveLength(2)
    const second = await list(`limit=2&cursor=${first.nextCursor}`)
    expect(second.items.map((a: { kind: string }) => a.kind)).toEqual(['share_strategy'])
    expect(second.nextCursor).toBeNull()
    expect((await ctx.inject({ url: '/api/v1/actions?owner=x' })).statusCode).toBe(400)
    expect((await ctx.inject({ url: '/api/v1/actions?cursor=bogus' })).statusCode).toBe(400)
  })
})

describe('carried-over actions', () => {
  // Every incident is filed before any cluster exists: the engine places a new incident into
  // clusters that share its decision, which would blur what each cluster holds here.
  it('carries open actions of earlier retros on the same decision, gap or team pair, and says which link', async () => {
    const decision = await post('/api/v1/decisions', {
      title: 'Sunset v1',
      owningTeamId: ctx.teams.away,
      decidedAt: '2026-01-10',
    })
    const gap = await post('/api/v1/strategy-gaps', { title: 'No API lifecycle' })
    const file = async (teamId: string, overrides: Record<string, unknown>) =>
      (await fileIncident(ctx.inject, teamId, overrides)).id
    const onDecision = await file(ctx.teams.home, { decisionId: decision.id })
    const onGap = await file(ctx.teams.away, { gapId: gap.id })
    const onPair = await file(ctx.teams.home, { decisionOwnerTeamId: ctx.teams.away })
    const elsewhere = await file(ctx.teams.org, {})
    const nowIncidents = [await file(ctx.teams.home, { decisionId: decision.id }), await file(ctx.teams.away, { gapId: gap.id })]
    const laterIncident = await file(ctx.teams.home, { decisionId: decision.id })

    const sameDecision = await retroOn([onDecision], 'Earlier on the decision')
    const sameGap = await retroOn([onGap], 'Earlier on the gap')
    const samePair = await retroOn([onPair], 'Earlier on the pair')
    const unrelated = await retroOn([elsewhere], 'Unrelated')
    for (const retro of [sameDecision, sameGap, samePair, unrelated]) {
      await backdate(retro.id, 30)
      await addAction(retro.id, { description: `Open from ${retro.id}` })
    }
    const closed = (await addAction(sameDecision.id, { description: 'Already done' })).json()
    await ctx.inject({
      method: 'PATCH',
      url: `/api/v1/actions/${closed.id}`,
      headers: { 'if-match': '"1"' },
      payload: { status: 'done' },
    })
    const now = await retroOn(nowIncidents)
    const later = await retroOn([laterIncident], 'Later')
    await addAction(later.id, {})

    const carried = (await ctx.inject({ url: `/api/v1/retros/${now.id}` })).json().carriedOver
    const byRetro = Object.fromEntries(carried.map((c: { action: { retroTitle: string } }) => [c.action.retroTitle, c]))
    expect(Object.keys(byRetro).sort()).toEqual(['Earlier on the decision', 'Earlier on the gap', 'Earlier on the pair'])
    expect(byRetro['Earlier on the decision'].links).toEqual([
      { kind: 'decision', decisionId: decision.id, title: 'Sunset v1' },
      { kind: 'team_pair', decisionOwnerTeamId: ctx.teams.away, harmedTeamId: ctx.teams.home },
    ])
    expect(byRetro['Earlier on the gap'].links).toEqual([{ kind: 'gap', gapId: gap.id, title: 'No API lifecycle' }])
    expect(byRetro['Earlier on the pair'].links).toEqual([
      { kind: 'team_pair', decisionOwnerTeamId: ctx.teams.away, harmedTeamId: ctx.teams.home },
    ])
    expect(carried.every((c: { action: { status: string } }) => c.action.status === 'open')).toBe(true)
  })

  it('does not link through an incident the viewer may not see', async () => {
    const decision = await post('/api/v1/decisions', {
      title: 'Secret decision',
      owningTeamId: ctx.teams.home,
      decidedAt: '2026-01-10',
    })
    const hidden = await fileIncident(ctx.as('member').inject, ctx.teams.home, { decisionId: decision.id, restricted: true })
    const seen = await fileIncident(ctx.inject, ctx.teams.away, { decisionId: decision.id })
    const earlier = await retroOn([hidden.id], 'Earlier, restricted')
    await backdate(earlier.id, 30)
    await addAction(earlier.id, {})
    const now = await retroOn([seen.id])
    expect((await ctx.as('outsider').inject({ url: `/api/v1/retros/${now.id}` })).json().carriedOver).toEqual([])
    const forLeader = (await ctx.as('leader').inject({ url: `/api/v1/retros/${now.id}` })).json().carriedOver
    expect(forLeader.map((c: { links: unknown[] }) => c.links)).toEqual([
      [{ kind: 'decision', decisionId: decision.id, title: 'Secret decision' }],
    ])
  })

  it('carries over from an earlier retro on the same cluster', async () => {
    const incident = await fileIncident(ctx.inject, ctx.teams.org)
    const clusterId = await makeCluster([incident.id])
    const earlier = await post('/api/v1/retros', { clusterId, title: 'First look' })
    await backdate(earlier.id, 30)
    await addAction(earlier.id, {})
    const again = await post('/api/v1/retros', { clusterId, title: 'Second look' })
    const carried = (await ctx.inject({ url: `/api/v1/retros/${again.id}` })).json().carriedOver
    expect(carried.map((c: { links: unknown[] }) => c.links)).toEqual([[{ kind: 'cluster' }]])
  })
})
