import {
  addDays,
  type IncidentListQuery,
  incidentListPath,
  type LeadershipReview,
  type SignalsSummary,
  type StaleStrategies,
  utcDay,
} from '@misalign/shared'
import { describe, expect, it } from 'vitest'
import { fileIncident } from '../fixtures'
import { type ActorName, useTestApp } from '../helper'
import { runSql } from '../sql'

/*
 * A strategy's incident numbers on the leadership review count the incidents attributed to the
 * gaps it addresses (docs/decisions/033), not every incident reported in its scope: an org-wide
 * strategy would otherwise be charged with every incident in the org.
 */

const ctx = useTestApp()
const today = utcDay(new Date())
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000)

async function post<T>(url: string, payload: object, headers: Record<string, string> = {}): Promise<T> {
  const res = await ctx.inject({ method: 'POST', url, payload, headers })
  expect(res.statusCode, res.body).toBeLessThan(300)
  return res.json() as T
}

async function get<T>(as: ActorName, url: string): Promise<T> {
  const res = await ctx.as(as).inject({ method: 'GET', url })
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as T
}

async function listed(as: ActorName, query: IncidentListQuery): Promise<number> {
  const page = await get<{ items: unknown[]; nextCursor: string | null }>(
    as,
    `${incidentListPath(query).replace('/incidents', '/api/v1/incidents')}&limit=200`,
  )
  expect(page.nextCursor).toBeNull()
  return page.items.length
}

/**
 * An org-wide strategy, published `publishedWeeksAgo` weeks ago, addressing a gap with decision
 * `behind` behind it; `other` is a second gap that also names that decision, but second.
 */
async function plant(publishedWeeksAgo: number, reviewBy: string) {
  const decision = (title: string) =>
    post<{ id: string }>('/api/v1/decisions', { title, owningTeamId: ctx.teams.away, decidedAt: '2026-01-10' })
  const behind = await decision('Remove the v1 payments API')
  const unrelated = await decision('Move standups to Tuesdays')
  const tradeoff = { prefer: 'one payments API', over: 'backwards compatibility', forGoal: 'halve integration cost' }
  const strategy = await post<{ id: string }>('/api/v1/strategies', {
    title: 'Payments prefers one API',
    ownerTeamId: ctx.teams.home,
    tradeoffs: [tradeoff],
    reviewBy: '2099-12-31',
  })
  await post(`/api/v1/strategies/${strategy.id}/publish`, {}, { 'if-match': '"1"' })
  const published = daysAgo(publishedWeeksAgo * 7)
  await runSql(ctx.database, 'update strategies set published_at = $1, review_by = $2 where id = $3', [
    published,
    reviewBy,
    strategy.id,
  ])
  const gap = await post<{ id: string; version: number }>('/api/v1/strategy-gaps', {
    title: 'No policy for removing APIs',
    decisionIds: [behind.id],
  })
  const acknowledged = await post<{ version: number }>(
    `/api/v1/strategy-gaps/${gap.id}/transitions`,
    { to: 'acknowledged', ownerId: ctx.actors.leader.id },
    { 'if-match': `"${gap.version}"` },
  )
  await post(
    `/api/v1/strategy-gaps/${gap.id}/transitions`,
    { to: 'published', strategyId: strategy.id },
    { 'if-match': `"${acknowledged.version}"` },
  )
  const other = await post<{ id: string }>('/api/v1/strategy-gaps', { title: 'Nobody owns the API catalogue' })
  return { strategyId: strategy.id, gapId: gap.id, otherGapId: other.id, behind: behind.id, unrelated: unrelated.id, published }
}

/** Incidents on `day`: two that count towards the gap, and three in the strategy's scope that do not. */
async function fileAround(planted: Awaited<ReturnType<typeof plant>>, day: string) {
  const file = (overrides: Record<string, unknown>) =>
    fileIncident(ctx.as('member').inject, ctx.teams.home, { discoveredAt: day, ...overrides })
  await file({ decisionId: planted.behind }) // through the decision behind the gap
  await file({ gapId: planted.gapId }) // names the gap itself
  await file({}) // in scope, attributed to nothing
  await file({ decisionId: planted.unrelated }) // another decision, behind no gap
  await file({ decisionId: planted.behind, gapId: planted.otherGapId }) // names another gap: counts there
}

describe('a strategy’s incidents on the leadership review', () => {
  it('counts, for a stale strategy, only the incidents attributed to the gaps it addresses', async () => {
    const reviewBy = addDays(today, -10)
    const planted = await plant(30, reviewBy)
    await fileAround(planted, today)
    await fileAround(planted, addDays(reviewBy, -1)) // before the review date: not "since"

    const { items } = await get<StaleStrategies>('leader', '/api/v1/leadership/stale-strategies')
    const found = items.find((s) => s.strategyId === planted.strategyId)
    expect(found?.coveredTeamIds).toBeNull()
    expect(found?.sinceReview).toMatchObject({
      incidents: 2,
      query: { strategyId: planted.strategyId, from: addDays(reviewBy, 1), to: today },
    })
    expect(await listed('leader', found?.sinceReview.query ?? {})).toBe(2)
  })

  it('counts the same way beside autonomy wins, and the incident list agrees', async () => {
    const planted = await plant(30, '2099-12-31')
    await fileAround(planted, today)
    const { byStrategy } = await get<SignalsSummary>('leader', '/api/v1/leadership/signals')
    const found = byStrategy.find((s) => s.strategyId === planted.strategyId)
    expect(found?.incidentsInScope.incidents).toBe(2)
    expect(await listed('leader', found?.incidentsInScope.query ?? {})).toBe(2)
  })

  it('does not count a restricted incident for a lead who may not see it', async () => {
    const planted = await plant(30, addDays(today, -10))
    await fileIncident(ctx.as('member').inject, ctx.teams.home, {
      discoveredAt: today,
      decisionId: planted.behind,
      restricted: true,
    })
    const stale = async (as: ActorName) =>
      (await get<StaleStrategies>(as, '/api/v1/leadership/stale-strategies')).items.find(
        (s) => s.strategyId === planted.strategyId,
      )?.sinceReview.incidents
    expect(await stale('leader')).toBe(1)
    expect(await stale('outsideLead')).toBe(0)
  })

  it('shows each addressed gap before and after its strategy, reproduced by the incident list', async () => {
    const planted = await plant(4, '2099-12-31')
    const publishedDay = utcDay(planted.published)
    await fileAround(planted, addDays(publishedDay, -10))
    await fileAround(planted, addDays(publishedDay, -3))
    await fileIncident(ctx.as('member').inject, ctx.teams.home, { discoveredAt: addDays(publishedDay, 3), gapId: planted.gapId })

    const review = await get<LeadershipReview>('leader', '/api/v1/leadership/review')
    const found = review.gapImpacts.find((g) => g.gapId === planted.gapId)
    expect(found?.impact).toMatchObject({ strategyId: planted.strategyId, publishedAt: publishedDay, windowWeeks: 4 })
    expect(found?.before.incidents).toBe(4)
    expect(found?.after.incidents).toBe(1)
    expect(found?.impact.before?.incidents).toBe(4)
    expect(found?.impact.series.reduce((sum, w) => sum + w.incidents, 0)).toBe(5)
    expect(await listed('leader', found?.before.query ?? {})).toBe(4)
    expect(await listed('leader', found?.after.query ?? {})).toBe(1)

    const markdown = await ctx.as('leader').inject({ method: 'GET', url: '/api/v1/leadership/review/export' })
    expect(markdown.body).toContain(
      'Incidents in this area fell from 4 to 1 in the 4 weeks after the strategy was published. Incidents −75%',
    )
  })
})
