import { queryRows, sql } from '@misalign/db'
import type { FastifyInstance } from 'fastify'
import { afterAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../src/app'
import { incidentBody } from '../fixtures'
import { testConfig, useTestApp } from '../helper'

const limits = { signInPerAccount: 10, signInPerAddress: 100, filingPerMinute: 2 }
const ctx = useTestApp({ limits })

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

describe('the filing rate limit across instances', () => {
  let second: FastifyInstance | undefined
  afterAll(async () => {
    await second?.close()
  })

  it('is one count for two apps on the same database, not one per app', async () => {
    second = await buildApp({ config: testConfig(ctx.database, { limits }), database: ctx.database })
    const fileOn = (app: FastifyInstance) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/incidents',
        headers: { authorization: `Bearer ${ctx.actors.member.token}` },
        payload: incidentBody(ctx.teams.home),
      })
    expect((await fileOn(ctx.app)).statusCode).toBe(201)
    expect((await fileOn(second)).statusCode).toBe(201)
    const limitedHere = await fileOn(ctx.app)
    const limitedThere = await fileOn(second)
    expect(limitedHere.statusCode).toBe(429)
    expect(limitedThere.statusCode).toBe(429)
    expect(limitedThere.headers['content-type']).toMatch(/application\/problem\+json/)
  })

  it('counts every one of many simultaneous hits once', async () => {
    const hits = await Promise.all(Array.from({ length: 20 }, () => ctx.app.repos.rateLimits.hit('concurrent', 60_000)))
    expect(hits.map((hit) => hit.hits).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    expect(hits.every((hit) => hit.msLeft > 0 && hit.msLeft <= 60_000)).toBe(true)
  })

  it('keeps no user id or address in the table, only a hash of it', async () => {
    await ctx.as('member').inject({ method: 'POST', url: '/api/v1/incidents', payload: incidentBody(ctx.teams.home) })
    const rows = await queryRows<{ key: string }>(ctx.database.db, sql`select key from rate_limit_windows`)
    expect(rows).toHaveLength(1)
    expect(rows[0]?.key).toMatch(/^rate:POST \/api\/v1\/incidents:/)
    expect(rows[0]?.key).not.toContain(ctx.actors.member.id)
  })
})
