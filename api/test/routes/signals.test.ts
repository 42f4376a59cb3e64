import { describe, expect, it } from 'vitest'
import { useTestApp } from '../helper'

const ctx = useTestApp()

const nearMiss = (teamId: string, overrides: Record<string, unknown> = {}) => ({
  kind: 'near_miss',
  teamId,
  note: 'The payments team moved the cut-over; it surprised us but cost nothing',
  occurredAt: '2026-03-01',
  ...overrides,
})

describe('POST /api/v1/signals', () => {
  it('notes a near miss for a member and lists it apart from incidents', async () => {
    const res = await ctx.as('member').inject({ method: 'POST', url: '/api/v1/signals', payload: nearMiss(ctx.teams.home) })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({ kind: 'near_miss', teamId: ctx.teams.home, strategyId: null })
    expect(res.json()).not.toHaveProperty('reporterId')

    const list = await ctx.inject({ url: '/api/v1/signals?kind=near_miss' })
    expect(list.json().items).toHaveLength(1)
    const incidents = await ctx.inject({ url: '/api/v1/incidents' })
    expect(incidents.json().items).toHaveLength(0)
  })

  it('filters by kind and team', async () => {
    await ctx.inject({ method: 'POST', url: '/api/v1/signals', payload: nearMiss(ctx.teams.home) })
    await ctx.inject({ method: 'POST', url: '/api/v1/signals', payload: nearMiss(ctx.teams.away) })
    const home = await ctx.inject({ url: `/api/v1/signals?teamId=${ctx.teams.home}` })
    expect(home.json().items).toHaveLength(1)
    const wins = await ctx.inject({ url: '/api/v1/signals?kind=autonomy_win' })
    expect(wins.json().items).toHaveLength(0)
  })

  it('asks an autonomy win for the strategy behind it', async () => {
    const res = await ctx.inject({
      method: 'POST',
      url: '/api/v1/signals',
      payload: nearMiss(ctx.teams.home, { kind: 'autonomy_win' }),
    })
    expect(res.statusCode).toBe(422)
    expect(res.json().detail).toMatch(/strategy/)
  })

  it('refuses a day in the future and an unknown team as problems', async () => {
    const future = await ctx.inject({
      method: 'POST',
      url: '/api/v1/signals',
      payload: nearMiss(ctx.teams.home, { occurredAt: '2999-01-01' }),
    })
    expect(future.statusCode).toBe(422)
    const unknown = await ctx.inject({
      method: 'POST',
      url: '/api/v1/signals',
      payload: nearMiss('5f8d2c8e-0000-4000-8000-000000000000'),
    })
    expect(unknown.statusCode).toBe(422)
    expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/)
  })

  it('keeps no link to the person who noted an anonymous near miss, not even in the audit log', async () => {
    const res = await ctx
      .as('member')
      .inject({ method: 'POST', url: '/api/v1/signals', payload: nearMiss(ctx.teams.home, { anonymous: true }) })
    expect(res.statusCode).toBe(201)
    const audit = await ctx.inject({ url: `/api/v1/audit?entityId=${res.json().id}` })
    const entries = audit.json().items as { actorId: string | null; actorLabel: string }[]
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ actorId: null, actorLabel: 'anonymous' })
    expect(JSON.stringify(audit.json())).not.toContain(ctx.actors.member.id)
  })
})
