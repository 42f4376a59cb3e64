import { sql } from '@misalign/db'
import { describe, expect, it } from 'vitest'
import { incidentBody } from '../fixtures'
import { type TestContext, useTestApp } from '../helper'

const ctx = useTestApp()

async function decision(c: TestContext, payload: Record<string, unknown>) {
  const res = await c.inject({ method: 'POST', url: '/api/v1/decisions', payload: { owningTeamId: c.teams.away, ...payload } })
  expect(res.statusCode).toBe(201)
  return res.json().id as string
}

async function file(c: TestContext, overrides: Record<string, unknown>, as: 'member' | 'outsider' = 'member') {
  const res = await c.as(as).inject({
    method: 'POST',
    url: '/api/v1/incidents',
    payload: incidentBody(as === 'outsider' ? c.teams.away : c.teams.home, {
      expected: 'It keeps working',
      harmedGoal: 'Ship on time',
      missingContext: '',
      ...overrides,
    }),
  })
  expect(res.statusCode).toBe(201)
  return res.json() as { id: string; key: string }
}

/** Two decisions, and reports about the session one told in different words. */
async function world(c: TestContext) {
  const sessions = await decision(c, {
    title: 'Idle sessions expire after 15 minutes',
    summary: 'Identity shortened the idle timeout of web and app sessions from 24 hours to 15 minutes.',
    decidedAt: '2026-01-05',
  })
  const cdn = await decision(c, {
    title: 'Product images served from the new CDN',
    summary: 'Images move to a CDN with aggressive caching.',
    decidedAt: '2026-01-10',
  })
  const named = await file(c, {
    title: 'Agents logged out every few minutes in the support console',
    narrative: 'Support agents keep getting bounced to the login page while handling tickets.',
    decisionId: sessions,
    discoveredAt: '2026-02-01',
  })
  const other = await file(c, {
    title: 'Thumbnails stale for a day after edits',
    narrative: 'Merchants change a picture and the old one keeps showing.',
    decisionId: cdn,
    discoveredAt: '2026-02-03',
  })
  return { sessions, cdn, named, other }
}

describe('decision suggestions', () => {
  it('suggests the decision behind a draft that names none, with reasons and the reports it rests on', async () => {
    const { sessions } = await world(ctx)
    const query = new URLSearchParams({
      text: 'Warehouse scanners sign out mid-shift and pickers have to log in again',
      discoveredAt: '2026-02-10',
    })
    const res = await ctx.as('member').inject({ url: `/api/v1/decisions/suggestions?${query}` })
    expect(res.statusCode).toBe(200)
    const [first] = res.json().items
    expect(first.decision).toMatchObject({
      id: sessions,
      title: 'Idle sessions expire after 15 minutes',
      owningTeamName: expect.any(String),
    })
    expect(['likely', 'possible']).toContain(first.confidence)
    expect(first.reasons).toContain('decided_before_discovery')
  })

  it('never suggests a decision taken after the discovery first', async () => {
    await world(ctx)
    const later = await decision(ctx, {
      title: 'Sessions expire after 5 minutes idle',
      summary: 'Even shorter idle sessions.',
      decidedAt: '2026-03-01',
    })
    const query = new URLSearchParams({ text: 'sessions expire idle logged out', discoveredAt: '2026-02-10' })
    const items = (await ctx.as('member').inject({ url: `/api/v1/decisions/suggestions?${query}` })).json().items
    expect(items[0].decision.id).not.toBe(later)
  })

  it('suggests for an existing incident, and 404s one the viewer may not see', async () => {
    const { sessions } = await world(ctx)
    const loose = await file(ctx, {
      title: 'Pickers must log in again mid-shift',
      narrative: 'Scanners sign out.',
      discoveredAt: '2026-02-12',
    })
    const res = await ctx.as('lead').inject({ url: `/api/v1/incidents/${loose.key}/decision-suggestions` })
    expect(res.json().items[0].decision.id).toBe(sessions)
    const hidden = await file(ctx, { title: 'Secret', restricted: true, discoveredAt: '2026-02-12' })
    expect((await ctx.as('outsider').inject({ url: `/api/v1/incidents/${hidden.id}/decision-suggestions` })).statusCode).toBe(404)
  })

  it('refuses bad input with a problem', async () => {
    const res = await ctx.inject({ url: '/api/v1/decisions/suggestions?discoveredAt=yesterday' })
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toContain('application/problem+json')
  })
})

describe('similar incidents of an incident, and "not related"', () => {
  it('finds reports of the decision a report likely points at, even with few words in common', async () => {
    const { named } = await world(ctx)
    const loose = await file(ctx, {
      title: 'Pickers must sign in again mid-shift',
      narrative: 'Handheld scanners in the warehouse drop their session.',
      discoveredAt: '2026-02-12',
    })
    const items = (await ctx.as('member').inject({ url: `/api/v1/incidents/${loose.key}/similar` })).json().items
    expect(items[0]).toMatchObject({ id: named.id, confidence: expect.stringMatching(/likely|possible/) })
    expect(items.map((i: { id: string }) => i.id)).not.toContain(loose.id)
  })

  it('remembers "not related", audits it, and takes it back', async () => {
    const { named } = await world(ctx)
    const loose = await file(ctx, {
      title: 'Pickers must sign in again mid-shift',
      narrative: 'Scanners drop the session.',
      discoveredAt: '2026-02-12',
    })
    const url = `/api/v1/incidents/${loose.key}/unrelated/${named.id}`
    expect((await ctx.as('member').inject({ method: 'PUT', url })).statusCode).toBe(204)
    expect((await ctx.as('member').inject({ method: 'PUT', url })).statusCode).toBe(204)
    const after = (await ctx.as('member').inject({ url: `/api/v1/incidents/${loose.key}/similar` })).json().items
    expect(after.map((i: { id: string }) => i.id)).not.toContain(named.id)
    // The mark holds from the other side too.
    const fromOther = (await ctx.as('member').inject({ url: `/api/v1/incidents/${named.id}/similar` })).json().items
    expect(fromOther.map((i: { id: string }) => i.id)).not.toContain(loose.id)
    const audit = (await ctx.inject({ url: '/api/v1/audit?entityType=incident' })).json().items
    expect(audit.map((e: { action: string }) => e.action)).toContain('mark_unrelated')

    expect((await ctx.as('member').inject({ method: 'DELETE', url })).statusCode).toBe(204)
    const back = (await ctx.as('member').inject({ url: `/api/v1/incidents/${loose.key}/similar` })).json().items
    expect(back.map((i: { id: string }) => i.id)).toContain(named.id)
  })

  it('answers 404 for a pair the caller cannot see, and 400 for a malformed id', async () => {
    const { named } = await world(ctx)
    const hidden = await file(ctx, { title: 'Hidden', restricted: true }, 'outsider')
    const res = await ctx.as('member').inject({ method: 'PUT', url: `/api/v1/incidents/${named.key}/unrelated/${hidden.id}` })
    expect(res.statusCode).toBe(404)
    expect(res.headers['content-type']).toContain('application/problem+json')
    expect((await ctx.inject({ method: 'PUT', url: `/api/v1/incidents/${named.key}/unrelated/nope` })).statusCode).toBe(400)
  })

  it('keeps a pair marked not related out of one cluster at the next recompute', async () => {
    const { sessions } = await world(ctx)
    const more = []
    for (const title of [
      'Agents bounced to login mid-ticket',
      'Console sessions drop after a coffee break',
      'Macro editor logs us out',
    ])
      more.push(await file(ctx, { title, narrative: 'Sessions end too soon.', decisionId: sessions, discoveredAt: '2026-02-05' }))
    const recompute = async () => {
      expect((await ctx.inject({ method: 'POST', url: '/api/v1/clusters/recompute' })).statusCode).toBe(200)
      const [cluster] = (await ctx.inject({ url: '/api/v1/clusters' })).json().items
      return (await ctx.inject({ url: `/api/v1/clusters/${cluster.id}` }))
        .json()
        .members.map((m: { incidentId: string }) => m.incidentId)
    }
    expect(await recompute()).toHaveLength(4)
    const last = more[2] as { id: string }
    await ctx.as('member').inject({ method: 'PUT', url: `/api/v1/incidents/${more[0]?.id}/unrelated/${last.id}` })
    const members = await recompute()
    expect(members).toHaveLength(3)
    expect([members.includes(last.id), members.includes(more[0]?.id)].filter(Boolean)).toHaveLength(1)
  })

  it('checks what it shows against the table, even while the index lags a write', async () => {
    const { named } = await world(ctx)
    const similarFor = async () =>
      (await ctx.as('outsider').inject({ url: '/api/v1/incidents/similar?text=agents%20logged%20out%20login' })).json().items
    expect((await similarFor()).map((i: { id: string }) => i.id)).toContain(named.id)
    // A write that bypasses the API does not mark the index stale: only the table knows.
    await ctx.database.db.execute(sql`update incidents set restricted = true where id = ${named.id}`)
    expect((await similarFor()).map((i: { id: string }) => i.id)).not.toContain(named.id)
  })
})
