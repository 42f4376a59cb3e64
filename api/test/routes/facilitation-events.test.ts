import { randomUUID } from 'node:crypto'
import { clusterMembers, clusters } from '@misalign/db'
import { describe, expect, it } from 'vitest'
import { fileIncident } from '../fixtures'
import { type ActorName, useTestApp } from '../helper'

/**
 * Every write of the retro, action, cluster, leadership and signal services records its outbox
 * event in the same transaction as the change; a refused write records none.
 */
const ctx = useTestApp()

/** Runs a step and answers the events it recorded, oldest first. */
async function eventsOf(step: () => Promise<unknown>) {
  await ctx.app.jobs.settled()
  const mark = await ctx.app.repos.outbox.latestSeq()
  await step()
  const recent = await ctx.app.repos.outbox.recent(50)
  return recent.filter((event) => event.seq > mark).reverse()
}

const typesOf = (events: { type: string }[]) => events.map((event) => event.type)

async function send(
  method: 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
  options: { as?: ActorName; version?: number } = {},
) {
  return ctx.as(options.as ?? 'admin').inject({
    method,
    url,
    ...(payload ? { payload } : {}),
    headers: options.version === undefined ? {} : { 'if-match': `"${options.version}"` },
  })
}

async function created<T = { id: string; version: number }>(url: string, payload: object): Promise<T> {
  const res = await send('POST', url, payload)
  if (res.statusCode !== 201) throw new Error(`POST ${url} → ${res.statusCode} ${res.body}`)
  return res.json() as T
}

/** A confirmed cluster of two incidents (home and away), caused by a decision of the away team. */
async function cluster() {
  const decision = await created('/api/v1/decisions', {
    title: 'Sunset v1',
    owningTeamId: ctx.teams.away,
    decidedAt: '2026-01-10',
  })
  const a = await fileIncident(ctx.inject, ctx.teams.home, { decisionId: decision.id })
  const b = await fileIncident(ctx.inject, ctx.teams.away, { decisionId: decision.id })
  const c = await fileIncident(ctx.inject, ctx.teams.home, { title: 'Another surprise entirely' })
  await ctx.app.jobs.settled()
  const [row] = await ctx.database.db.insert(clusters).values({ title: 'Recurring: v1 sunset', status: 'confirmed' }).returning()
  if (!row) throw new Error('no cluster')
  await ctx.database.db
    .insert(clusterMembers)
    .values([a, b].map((incident) => ({ clusterId: row.id, incidentId: incident.id, source: 'auto' as const })))
  return { clusterId: row.id, decision, incidents: [a, b], outside: c }
}

describe('the retro service', () => {
  it('records retro.created, retro.updated and, on closing, retro.closed', async () => {
    const { clusterId } = await cluster()
    let retro = { id: '', version: 0 }
    const opened = await eventsOf(async () => {
      retro = await created('/api/v1/retros', { clusterId, title: 'Retro: v1 sunset' })
    })
    expect(opened).toEqual([expect.objectContaining({ type: 'retro.created', aggregateType: 'retro', aggregateId: retro.id })])
    expect(opened[0]?.payload).toEqual(expect.objectContaining({ clusterId, status: 'planned' }))

    const held = await eventsOf(() => send('PATCH', `/api/v1/retros/${retro.id}`, { status: 'held' }, { version: 1 }))
    expect(typesOf(held)).toEqual(['retro.updated'])
    const closed = await eventsOf(() => send('PATCH', `/api/v1/retros/${retro.id}`, { status: 'closed' }, { version: 2 }))
    expect(closed).toEqual([expect.objectContaining({ type: 'retro.closed', aggregateVersion: 3 })])
    const renamed = await eventsOf(() => send('PATCH', `/api/v1/retros/${retro.id}`, { title: 'Retro, closed' }, { version: 3 }))
    expect(typesOf(renamed)).toEqual(['retro.updated'])
  })

  it('records nothing for a stale, a forbidden or an invalid change', async () => {
    const { clusterId } = await cluster()
    const retro = await created('/api/v1/retros', { clusterId, title: 'Retro: v1 sunset' })
    const refused = await eventsOf(async () => {
      expect((await send('PATCH', `/api/v1/retros/${retro.id}`, { title: 'x' }, { version: 9 })).statusCode).toBe(412)
      expect((await send('PATCH', `/api/v1/retros/${retro.id}`, { title: 'x' }, { version: 1, as: 'member' })).statusCode).toBe(
        403,
      )
      const halfTradeoff = { tradeoff: { prefer: 'speed', over: ' ', forGoal: 'launch' } }
      expect((await send('PATCH', `/api/v1/retros/${retro.id}`, halfTradeoff, { version: 1 })).statusCode).toBe(422)
      expect((await send('POST', `/api/v1/retros/${retro.id}/strategy-draft`, {})).statusCode).toBe(422)
    })
    expect(refused).toEqual([])
  })

  it('records the strategy draft, the gap and the retro link of one publication together', async () => {
    const { clusterId, incidents } = await cluster()
    const retro = await created('/api/v1/retros', { clusterId, title: 'Retro: v1 sunset' })
    const tradeoff = { prefer: 'one API version', over: 'long deprecation windows', forGoal: 'a smaller surface' }
    expect((await send('PATCH', `/api/v1/retros/${retro.id}`, { tradeoff }, { version: 1 })).statusCode).toBe(200)
    let publication = { strategy: { id: '' }, gap: { id: '' } }
    const published = await eventsOf(async () => {
      const res = await send('POST', `/api/v1/retros/${retro.id}/strategy-draft`, { openGap: true })
      expect(res.statusCode).toBe(201)
      publication = res.json()
    })
    expect(typesOf(published)).toEqual(['strategy.created', 'gap.created', 'retro.updated'])
    expect(published[0]).toMatchObject({ aggregateId: publication.strategy.id, payload: { status: 'draft', retroId: retro.id } })
    expect(published[1]?.aggregateId).toBe(publication.gap.id)
    const gapPayload = published[1]?.payload as { incidentIds?: string[] } | undefined
    expect([...(gapPayload?.incidentIds ?? [])].sort()).toEqual(incidents.map((i) => i.id).sort())

    const again = await eventsOf(async () => {
      expect((await send('POST', `/api/v1/retros/${retro.id}/strategy-draft`, {})).statusCode).toBe(409)
      expect((await send('POST', `/api/v1/retros/${retro.id}/strategy-gap`, {})).statusCode).toBe(409)
    })
    expect(again).toEqual([])
  })
})

describe('the action service', () => {
  it('records action.created and action.updated, and nothing for a refused change', async () => {
    const { clusterId } = await cluster()
    const retro = await created('/api/v1/retros', { clusterId, title: 'Retro: v1 sunset' })
    let action = { id: '', version: 0 }
    const recorded = await eventsOf(async () => {
      action = await created(`/api/v1/retros/${retro.id}/actions`, {
        description: 'Publish the API lifecycle strategy',
        ownerTeamId: ctx.teams.away,
        kind: 'share_strategy',
      })
    })
    expect(recorded).toEqual([
      expect.objectContaining({ type: 'action.created', aggregateType: 'action', aggregateId: action.id }),
    ])
    expect(recorded[0]?.payload).toMatchObject({
      retroId: retro.id,
      kind: 'share_strategy',
      actionClass: 'alignment',
      status: 'open',
    })

    const done = await eventsOf(() => send('PATCH', `/api/v1/actions/${action.id}`, { status: 'done' }, { version: 1 }))
    expect(done).toEqual([
      expect.objectContaining({
        type: 'action.updated',
        aggregateVersion: 2,
        payload: expect.objectContaining({ status: 'done' }),
      }),
    ])

    const refused = await eventsOf(async () => {
      expect((await send('PATCH', `/api/v1/actions/${action.id}`, { status: 'open' }, { version: 1 })).statusCode).toBe(412)
      const blank = await send('PATCH', `/api/v1/actions/${action.id}`, { description: '   ' }, { version: 2 })
      expect(blank.statusCode).toBe(422)
      expect(blank.json()).toMatchObject({ errors: [{ field: 'description' }] })
      const payload = { description: 'Add a weekly sync', ownerTeamId: ctx.teams.home, kind: 'add_sync_meeting' }
      expect((await send('POST', `/api/v1/retros/${retro.id}/actions`, payload, { as: 'member' })).statusCode).toBe(403)
    })
    expect(refused).toEqual([])
  })
})

describe('the cluster service', () => {
  it('records each edit: a rename, a status change, members in and out, a revert', async () => {
    const { clusterId, outside } = await cluster()
    const url = `/api/v1/clusters/${clusterId}`
    const renamed = await eventsOf(() => send('PATCH', url, { title: 'Payments v1 sunset' }, { version: 1 }))
    expect(renamed).toEqual([expect.objectContaining({ type: 'cluster.updated', aggregateId: clusterId, aggregateVersion: 2 })])
    expect(renamed[0]?.payload).toEqual({ status: 'confirmed', edit: 'rename' })

    const dismissed = await eventsOf(() => send('PATCH', url, { status: 'dismissed' }, { version: 2 }))
    expect(dismissed).toEqual([expect.objectContaining({ type: 'cluster.dismissed', aggregateVersion: 3 })])
    const confirmed = await eventsOf(() => send('PATCH', url, { status: 'confirmed' }, { version: 3 }))
    expect(typesOf(confirmed)).toEqual(['cluster.confirmed'])

    const added = await eventsOf(() => send('POST', `${url}/members`, { incidentId: outside.id }))
    expect(added).toEqual([
      expect.objectContaining({ type: 'cluster.updated', payload: expect.objectContaining({ edit: 'add_member' }) }),
    ])
    const removed = await eventsOf(() => send('DELETE', `${url}/members/${outside.id}`))
    expect(removed[0]?.payload).toMatchObject({ edit: 'remove_member', incidentId: outside.id })

    const detail = (await ctx.inject({ url })).json() as { edits: { id: string; kind: string }[] }
    const rename = detail.edits.find((e) => e.kind === 'rename')
    const reverted = await eventsOf(() => send('POST', `${url}/edits/${rename?.id}/revert`))
    expect(reverted).toEqual([
      expect.objectContaining({ type: 'cluster.updated', payload: expect.objectContaining({ edit: 'revert' }) }),
    ])
  })

  it('records nothing for a refused edit', async () => {
    const { clusterId, incidents } = await cluster()
    const url = `/api/v1/clusters/${clusterId}`
    const refused = await eventsOf(async () => {
      expect((await send('PATCH', url, { status: 'confirmed' }, { version: 1 })).statusCode).toBe(409)
      expect((await send('PATCH', url, { title: 'x' }, { version: 7 })).statusCode).toBe(412)
      const untitled = await send('PATCH', url, { title: '   ' }, { version: 1 })
      expect(untitled.statusCode).toBe(422)
      expect(untitled.json().detail).toBe('A cluster needs a title')
      expect((await send('PATCH', url, { title: 'x' }, { version: 1, as: 'member' })).statusCode).toBe(403)
      expect((await send('POST', `${url}/members`, { incidentId: incidents[0]?.id })).statusCode).toBe(409)
      expect((await send('POST', `${url}/merge`, { intoClusterId: clusterId })).statusCode).toBe(422)
    })
    expect(refused).toEqual([])
  })
})

describe('the leadership service', () => {
  it('records tradeoff-request.created once while the request is open, and nothing for an unknown decision', async () => {
    const decision = await created('/api/v1/decisions', {
      title: 'Sunset v1',
      owningTeamId: ctx.teams.away,
      decidedAt: '2026-01-10',
    })
    const url = '/api/v1/leadership/tradeoff-requests'
    let request = { id: '' }
    const asked = await eventsOf(async () => {
      const res = await send('POST', url, { decisionId: decision.id }, { as: 'leader' })
      expect(res.statusCode).toBe(201)
      request = res.json()
    })
    expect(asked).toEqual([
      expect.objectContaining({ type: 'tradeoff-request.created', aggregateType: 'tradeoff_request', aggregateId: request.id }),
    ])
    expect(asked[0]?.payload).toEqual({ decisionId: decision.id, owningTeamId: ctx.teams.away, status: 'open' })

    const again = await eventsOf(async () => {
      expect((await send('POST', url, { decisionId: decision.id }, { as: 'leader' })).statusCode).toBe(200)
      expect((await send('POST', url, { decisionId: randomUUID() }, { as: 'leader' })).statusCode).toBe(404)
    })
    expect(again).toEqual([])
  })
})

describe('the signal service', () => {
  it('records signal.noted without the team of an anonymous note, and nothing for a refused one', async () => {
    const note = { kind: 'near_miss', teamId: ctx.teams.home, note: 'Almost shipped on v1', occurredAt: '2026-03-01' }
    let signal = { id: '' }
    const noted = await eventsOf(async () => {
      signal = await created('/api/v1/signals', { ...note, anonymous: true })
    })
    expect(noted).toEqual([expect.objectContaining({ type: 'signal.noted', aggregateType: 'signal', aggregateId: signal.id })])
    expect(noted[0]?.payload).toMatchObject({ kind: 'near_miss', teamId: null, anonymous: true })
    expect(JSON.stringify(noted[0]?.payload)).not.toContain(ctx.teams.home)

    const refused = await eventsOf(async () => {
      expect((await send('POST', '/api/v1/signals', { ...note, occurredAt: '2999-01-01' })).statusCode).toBe(422)
      expect((await send('POST', '/api/v1/signals', { ...note, kind: 'autonomy_win' })).statusCode).toBe(422)
    })
    expect(refused).toEqual([])
  })
})
