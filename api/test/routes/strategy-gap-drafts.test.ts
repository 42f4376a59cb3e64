import { describe, expect, it } from 'vitest'
import { useTestApp } from '../helper'

/**
 * "Draft the strategy now" (docs/decisions/028): an acknowledged gap gets a draft of the strategy
 * that will close it, made and linked in one transaction, without a published strategy to pick.
 */
const ctx = useTestApp()

const tradeoff = { prefer: 'one payments API', over: 'backwards compatibility', forGoal: 'halve integration cost' }
const draftBody = () => ({
  title: 'Payments prefers one API',
  context: 'Integrators kept building on v1 because nobody said which API we would keep.',
  ownerTeamId: ctx.teams.home,
  tradeoffs: [tradeoff],
  reviewBy: '2099-12-31',
})

async function acknowledgedGap(): Promise<{ id: string; version: number }> {
  const opened = await ctx.inject({ method: 'POST', url: '/api/v1/strategy-gaps', payload: { title: 'No API lifecycle' } })
  const gap = opened.json()
  const moved = await ctx.inject({
    method: 'POST',
    url: `/api/v1/strategy-gaps/${gap.id}/transitions`,
    headers: { 'if-match': `"${gap.version}"` },
    payload: { to: 'acknowledged', ownerId: ctx.actors.leader.id },
  })
  expect(moved.statusCode, moved.body).toBe(200)
  return moved.json()
}

const draft = (gap: { id: string }, version: number, payload: object = draftBody(), as: 'admin' | 'lead' = 'admin') =>
  ctx.as(as).inject({
    method: 'POST',
    url: `/api/v1/strategy-gaps/${gap.id}/strategy-draft`,
    headers: { 'if-match': `"${version}"` },
    payload,
  })

describe('POST /api/v1/strategy-gaps/:id/strategy-draft', () => {
  it('drafts the strategy and links the acknowledged gap to it, in one step', async () => {
    const gap = await acknowledgedGap()
    const before = await ctx.app.repos.outbox.latestSeq()
    const res = await draft(gap, gap.version)
    expect(res.statusCode, res.body).toBe(201)
    const { gap: linked, strategy } = res.json()
    expect(strategy).toMatchObject({ status: 'draft', title: 'Payments prefers one API', revision: 1 })
    expect(linked).toMatchObject({ status: 'acknowledged', addressedByStrategyId: strategy.id, version: gap.version + 1 })
    expect(res.headers.etag).toBe(`"${gap.version + 1}"`)
    const events = (await ctx.app.repos.outbox.recent(20)).filter((e) => e.seq > before).map((e) => e.type)
    expect(events.sort()).toEqual(['gap.updated', 'strategy.created'])

    // Once published, the same strategy closes the gap.
    await ctx.inject({ method: 'POST', url: `/api/v1/strategies/${strategy.id}/publish`, headers: { 'if-match': '"1"' } })
    const closed = await ctx.inject({
      method: 'POST',
      url: `/api/v1/strategy-gaps/${gap.id}/transitions`,
      headers: { 'if-match': `"${linked.version}"` },
      payload: { to: 'published', strategyId: strategy.id },
    })
    expect(closed.statusCode, closed.body).toBe(200)
    expect(closed.json()).toMatchObject({ status: 'published', addressedByStrategyId: strategy.id })
  })

  it('refuses a gap nobody has acknowledged yet, with what to do first, and drafts nothing', async () => {
    const opened = (await ctx.inject({ method: 'POST', url: '/api/v1/strategy-gaps', payload: { title: 'Open gap' } })).json()
    const res = await draft(opened, opened.version)
    expect(res.statusCode).toBe(422)
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
    expect(res.json().detail).toMatch(/Acknowledge the gap/)
    const drafts = await ctx.inject({ method: 'GET', url: '/api/v1/strategies?status=draft' })
    expect(drafts.json().items).toEqual([])
  })

  it('answers 412 on a stale version and 400 on a strategy without a tradeoff, without a draft left behind', async () => {
    const gap = await acknowledgedGap()
    expect((await draft(gap, gap.version - 1)).statusCode).toBe(412)
    const noTradeoff = await draft(gap, gap.version, { ...draftBody(), tradeoffs: [] })
    expect(noTradeoff.statusCode).toBe(400)
    expect(noTradeoff.headers['content-type']).toMatch(/application\/problem\+json/)
    const drafts = await ctx.inject({ method: 'GET', url: '/api/v1/strategies?status=draft' })
    expect(drafts.json().items).toEqual([])
  })

  it('is for those who move gaps: a lead may not', async () => {
    const gap = await acknowledgedGap()
    const res = await draft(gap, gap.version, draftBody(), 'lead')
    expect(res.statusCode).toBe(403)
  })
})
