import { describe, expect, it } from 'vitest'
import { incidentBody } from '../fixtures'
import { useTestApp } from '../helper'

const ctx = useTestApp({ limits: { signInPerAccount: 10, signInPerAddress: 100, filingPerMinute: 2 } })

describe('filing rate limit', () => {
  it('answers 429 as a problem once a user files too fast, and counts users apart', async () => {
    const file = (as: 'member' | 'lead') =>
      ctx.as(as).inject({ method: 'POST', url: '/api/v1/incidents', payload: incidentBody(ctx.teams.home) })
    expect((await file('member')).statusCode).toBe(201)
    expect((await file('member')).statusCode).toBe(201)
    const limited = await file('member')
    expect(limited.statusCode).toBe(429)
    expect(limited.headers['content-type']).toMatch(/application\/problem\+json/)
    expect(limited.headers['retry-after']).toBeDefined()
    expect(limited.json().detail).toMatch(/Too many requests/)
    expect((await file('lead')).statusCode).toBe(201)
  })
})
