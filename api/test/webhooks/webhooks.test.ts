import { queryRows, sql } from '@misalign/db'
import { Webhook } from 'standardwebhooks'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { fileIncident } from '../fixtures'
import { type TestContext, useTestApp } from '../helper'
import { eventually, startWebhookReceiver } from '../support/webhook-receiver'

const receiver = await startWebhookReceiver()
const slow = await startWebhookReceiver()
afterAll(async () => {
  await receiver.close()
  await slow.close()
})

const ctx = useTestApp()

beforeEach(async () => {
  // A failed delivery's retry waits in the queue for a minute; a later test must not wait for it.
  await queryRows(ctx.database.db, sql`delete from pgboss.job where name = 'webhook-delivery'`)
  for (const r of [receiver, slow]) {
    r.received.length = 0
    r.answer = { status: 204, body: '' }
  }
})

interface Created {
  id: string
  secret: string
  enabled: boolean
}

async function register(c: TestContext, url: string, eventTypes = ['incident.filed', 'decision.created']) {
  const res = await c.inject({ method: 'POST', url: '/api/v1/webhooks', payload: { url, eventTypes, description: 'Warehouse' } })
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as Created
}

const deliveriesOf = async (c: TestContext, endpointId: string, query = '') =>
  (await c.inject({ url: `/api/v1/webhooks/${endpointId}/deliveries${query}` })).json()

describe('webhooks: signed deliveries of the org’s events', () => {
  it('delivers a filed incident, signed so the receiver can verify it with the secret shown once', async () => {
    const endpoint = await register(ctx, `${receiver.url}/hook`)
    expect(endpoint.secret).toMatch(/^whsec_/)
    const shown = await ctx.inject({ url: `/api/v1/webhooks/${endpoint.id}` })
    expect(shown.json()).not.toHaveProperty('secret')

    const incident = await fileIncident(ctx.inject, ctx.teams.home)
    const [got] = await eventually(async () => {
      expect(receiver.received).toHaveLength(1)
      return receiver.received
    })
    const verified = new Webhook(endpoint.secret).verify(got?.body ?? '', got?.headers as Record<string, string>) as {
      type: string
      data: { id: string }
    }
    expect(verified.type).toBe('incident.filed')
    expect(verified.data.id).toBe(incident.id)
    expect(got?.headers['webhook-id']).toMatch(/^[0-9a-f-]{36}$/)

    const log = await eventually(async () => {
      const page = await deliveriesOf(ctx, endpoint.id)
      expect(page.items[0]?.status).toBe('succeeded')
      return page
    })
    expect(log).toMatchObject({
      total: 1,
      items: [{ eventType: 'incident.filed', attempts: 1, lastAttempt: { statusCode: 204 } }],
    })
  })

  it('never sends a restricted incident, and never who filed an anonymous one', async () => {
    await register(ctx, receiver.url)
    await fileIncident(ctx.as('member').inject, ctx.teams.home, { restricted: true, title: 'Restricted story' })
    await fileIncident(ctx.as('member').inject, ctx.teams.home, { anonymous: true, title: 'Anonymous story' })
    await ctx.app.jobs.settled()
    expect(receiver.received).toHaveLength(1)
    const body = receiver.received[0]?.body ?? ''
    expect(body).toContain('Anonymous story')
    expect(JSON.parse(body).data.reporterId).toBeNull()
    for (const leak of [ctx.actors.member.id, ctx.actors.member.email, ctx.actors.member.displayName])
      expect(body).not.toContain(leak)
  })

  it('sends only the event types an endpoint asked for', async () => {
    await register(ctx, receiver.url, ['decision.created'])
    await fileIncident(ctx.inject, ctx.teams.home)
    await ctx.inject({
      method: 'POST',
      url: '/api/v1/decisions',
      payload: { title: 'One API for payments', owningTeamId: ctx.teams.away, decidedAt: '2026-01-10' },
    })
    await ctx.app.jobs.settled()
    expect(receiver.received.map((r) => JSON.parse(r.body).type)).toEqual(['decision.created'])
  })

  it('logs a failed try with its answer, backs off, and an admin can redeliver the same message', async () => {
    const endpoint = await register(ctx, receiver.url)
    receiver.answer = { status: 500, body: 'warehouse is down for maintenance' }
    await fileIncident(ctx.inject, ctx.teams.home)
    const failed = await eventually(async () => {
      const page = await deliveriesOf(ctx, endpoint.id)
      expect(page.items[0]?.lastAttempt?.statusCode).toBe(500)
      return page.items[0]
    })
    expect(failed).toMatchObject({ status: 'pending', attempts: 1 })
    expect(failed.lastAttempt.responseExcerpt).toBe('warehouse is down for maintenance')
    expect(failed.lastAttempt.error).toMatch(/Answered 500/)
    const endpoints = await ctx.inject({ url: '/api/v1/webhooks' })
    expect(endpoints.json().items[0].failingSince).not.toBeNull()

    // The retry waits: at least the first back-off of 30 s (with jitter up to twice that).
    const [job] = await queryRows<{ wait: number }>(
      ctx.database.db,
      sql`select extract(epoch from start_after - now())::int as wait from pgboss.job
          where name = 'webhook-delivery' and state = 'retry'`,
    )
    expect(job?.wait).toBeGreaterThanOrEqual(25)

    receiver.answer = { status: 200, body: 'ok' }
    const redo = await ctx.inject({ method: 'POST', url: `/api/v1/webhooks/${endpoint.id}/deliveries/${failed.id}/redeliver` })
    expect(redo.statusCode).toBe(202)
    const detail = await eventually(async () => {
      const res = await ctx.inject({ url: `/api/v1/webhooks/${endpoint.id}/deliveries/${failed.id}` })
      expect(res.json().status).toBe('succeeded')
      return res.json()
    })
    expect(detail.attemptLog.map((a: { statusCode: number; manual: boolean }) => [a.statusCode, a.manual])).toEqual([
      [500, false],
      [200, true],
    ])
    const ids = receiver.received.map((r) => r.headers['webhook-id'])
    expect(new Set(ids).size).toBe(1)
    expect((await ctx.inject({ url: `/api/v1/webhooks/${endpoint.id}` })).json().failingSince).toBeNull()
  })

  it('treats a redirect as a failure and does not follow it', async () => {
    const endpoint = await register(ctx, receiver.url)
    receiver.answer = { status: 302, body: '', location: `${slow.url}/elsewhere` }
    await ctx.inject({ method: 'POST', url: `/api/v1/webhooks/${endpoint.id}/test` })
    const page = await eventually(async () => {
      const p = await deliveriesOf(ctx, endpoint.id)
      expect(p.items[0]?.status).toBe('failed')
      return p
    })
    expect(page.items[0].lastAttempt.error).toMatch(/redirect/)
    expect(slow.received).toHaveLength(0)
  })

  it('one endpoint that never answers does not hold back another', async () => {
    const stuck = await register(ctx, slow.url)
    const healthy = await register(ctx, receiver.url)
    slow.answer = { status: 204, body: '', hold: true }
    for (let i = 0; i < 4; i++) await fileIncident(ctx.inject, ctx.teams.home, { title: `Story ${i}` })
    await eventually(async () => expect(receiver.received).toHaveLength(4))
    expect(slow.received.length).toBeLessThanOrEqual(2)
    const page = await deliveriesOf(ctx, healthy.id, '?status=succeeded')
    expect(page.total).toBe(4)
    slow.release()
    slow.answer = { status: 204, body: '' }
    await eventually(async () => expect((await deliveriesOf(ctx, stuck.id, '?status=succeeded')).total).toBe(4))
  })

  it('turns off an endpoint that has failed for 24 hours, audited, and turning it on clears the streak', async () => {
    const endpoint = await register(ctx, receiver.url)
    receiver.answer = { status: 503, body: '' }
    await queryRows(
      ctx.database.db,
      sql`update webhook_endpoints set failing_since = now() - interval '25 hours' where id = ${endpoint.id}`,
    )
    await ctx.inject({ method: 'POST', url: `/api/v1/webhooks/${endpoint.id}/test` })
    const off = await eventually(async () => {
      const res = (await ctx.inject({ url: `/api/v1/webhooks/${endpoint.id}` })).json()
      expect(res.enabled).toBe(false)
      return res
    })
    expect(off.disabledReason).toMatch(/failed for 24 hours.*Answered 503/)
    const audit = (await ctx.inject({ url: `/api/v1/audit?entityType=webhook&entityId=${endpoint.id}` })).json()
    expect(audit.items.some((e: { actorLabel: string }) => e.actorLabel === 'system')).toBe(true)

    // Off: events are not delivered, and redelivering says why not.
    await fileIncident(ctx.inject, ctx.teams.home)
    await ctx.app.jobs.settled()
    expect(receiver.received).toHaveLength(1)
    const [delivery] = (await deliveriesOf(ctx, endpoint.id)).items
    const refused = await ctx.inject({
      method: 'POST',
      url: `/api/v1/webhooks/${endpoint.id}/deliveries/${delivery.id}/redeliver`,
    })
    expect(refused.statusCode).toBe(409)
    expect(refused.headers['content-type']).toContain('application/problem+json')

    const stale = await ctx.inject({
      method: 'PATCH',
      url: `/api/v1/webhooks/${endpoint.id}`,
      headers: { 'if-match': '"1"' },
      payload: { enabled: true },
    })
    expect(stale.statusCode).toBe(412)
    const on = await ctx.inject({
      method: 'PATCH',
      url: `/api/v1/webhooks/${endpoint.id}`,
      headers: { 'if-match': `"${off.version}"` },
      payload: { enabled: true },
    })
    expect(on.json()).toMatchObject({ enabled: true, disabledAt: null, disabledReason: null, failingSince: null })
  })

  it('refuses bad input with a problem a person can act on, and keeps endpoints to admins', async () => {
    const bad = await ctx.inject({
      method: 'POST',
      url: '/api/v1/webhooks',
      payload: { url: 'ftp://example.com/x', eventTypes: ['incident.filed'] },
    })
    expect(bad.statusCode).toBe(422)
    expect(bad.json().errors[0]).toMatchObject({ field: 'url' })
    expect(bad.json().detail).toMatch(/http or https/)
    const unknownType = await ctx.inject({
      method: 'POST',
      url: '/api/v1/webhooks',
      payload: { url: receiver.url, eventTypes: ['user.changed'] },
    })
    expect(unknownType.statusCode).toBe(400)
    const member = await ctx.as('member').inject({ url: '/api/v1/webhooks' })
    expect(member.statusCode).toBe(403)
    const missing = await ctx.inject({ url: '/api/v1/webhooks/00000000-0000-4000-8000-000000000000/deliveries' })
    expect(missing.statusCode).toBe(404)
  })

  it('pages endpoints and deliveries with a total', async () => {
    for (let i = 0; i < 3; i++) await register(ctx, `${receiver.url}/${i}`)
    const first = (await ctx.inject({ url: '/api/v1/webhooks?limit=2' })).json()
    expect(first).toMatchObject({ total: 3 })
    expect(first.items).toHaveLength(2)
    const second = (await ctx.inject({ url: `/api/v1/webhooks?limit=2&cursor=${first.nextCursor}` })).json()
    expect(second.items).toHaveLength(1)
    expect(second.nextCursor).toBeNull()
    const all = new Set([...first.items, ...second.items].map((e: { id: string }) => e.id))
    expect(all.size).toBe(3)
  })
})
