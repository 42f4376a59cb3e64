import { afterAll, describe, expect, it } from 'vitest'
import { forbiddenAddress } from '../../src/capabilities/webhooks/sender'
import { fileIncident } from '../fixtures'
import { useTestApp } from '../helper'
import { eventually, startWebhookReceiver } from '../support/webhook-receiver'

const receiver = await startWebhookReceiver()
afterAll(() => receiver.close())

// As in production: webhooks reach public addresses only.
const ctx = useTestApp({ webhookAllowPrivate: false })

describe('webhooks never reach private addresses unless WEBHOOK_ALLOW_PRIVATE=on', () => {
  it('refuses a private, loopback or link-local address when it is registered', async () => {
    for (const url of [
      'http://127.0.0.1:9/x',
      'http://10.1.2.3/x',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]/x',
      'http://[::ffff:127.0.0.1]/x',
    ]) {
      const res = await ctx.inject({ method: 'POST', url: '/api/v1/webhooks', payload: { url, eventTypes: ['incident.filed'] } })
      expect(res.statusCode, url).toBe(422)
      expect(res.headers['content-type']).toContain('application/problem+json')
      expect(res.json().detail).toMatch(/address/)
    }
  })

  it('refuses a host name that resolves to one when it sends, and says so in the log', async () => {
    const port = new URL(receiver.url).port
    const created = await ctx.inject({
      method: 'POST',
      url: '/api/v1/webhooks',
      payload: { url: `http://localhost:${port}/hook`, eventTypes: ['incident.filed'] },
    })
    expect(created.statusCode).toBe(201)
    await fileIncident(ctx.inject, ctx.teams.home)
    const attempt = await eventually(async () => {
      const page = (await ctx.inject({ url: `/api/v1/webhooks/${created.json().id}/deliveries` })).json()
      expect(page.items[0]?.lastAttempt).toBeTruthy()
      return page.items[0].lastAttempt
    })
    expect(attempt.statusCode).toBeNull()
    expect(attempt.error).toMatch(/Refused: localhost resolves to .*loopback/)
    expect(receiver.received).toHaveLength(0)
  })

  it('classifies addresses', () => {
    expect(forbiddenAddress('93.184.216.34', false)).toBeNull()
    expect(forbiddenAddress('2606:2800:220:1:248:1893:25c8:1946', false)).toBeNull()
    for (const address of [
      '127.0.0.1',
      '10.0.0.1',
      '172.16.5.4',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fe80::1',
      'fd00::1',
      '::ffff:10.0.0.1',
    ])
      expect(forbiddenAddress(address, false), address).not.toBeNull()
    expect(forbiddenAddress('127.0.0.1', true)).toBeNull()
  })
})
