import { generateOrg, writeOrg } from '@misalign/db/seed'
import {
  addDays,
  type Conflicts,
  type Coverage,
  type IncidentListQuery,
  type IncidentTally,
  incidentListPath,
  type LeadershipReview,
  normalizePriority,
  type StaleStrategies,
  utcDay,
} from '@misalign/shared'
import { describe, expect, it } from 'vitest'
import { fileIncident } from '../fixtures'
import { type ActorName, useTestApp } from '../helper'

const ctx = useTestApp()
// The API judges staleness and clips windows against the real day, so the org is generated for it.
const today = utcDay(new Date())

async function seed() {
  const org = generateOrg({ incidents: 1_500, seed: 11, today })
  await writeOrg(ctx.database, org)
  return org
}

async function get<T>(as: ActorName, url: string): Promise<T> {
  const res = await ctx.as(as).inject({ method: 'GET', url })
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as T
}

/** Pages through GET /incidents with the query, as the incident list screen would, and adds up what it shows. */
async function fromIncidentList(as: ActorName, query: IncidentListQuery) {
  let incidents = 0
  let weightedHarm = 0
  const teams = new Set<string>()
  let cursor: string | null = null
  const path = incidentListPath(query).replace('/incidents', '/api/v1/incidents')
  do {
    const sep = path.includes('?') ? '&' : '?'
    const page: { items: { weightedHarm: number; reportingTeamId: string }[]; nextCursor: string | null } = await get(
      as,
      `${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    )
    for (const i of page.items) {
      incidents += 1
      weightedHarm += i.weightedHarm
      teams.add(i.reportingTeamId)
    }
    cursor = page.nextCursor
  } while (cursor)
  return { incidents, weightedHarm, teams: teams.size }
}

/** Every incident number on the review, with where it sits, so a mismatch names the number. */
function talliesOf(review: LeadershipReview): [string, IncidentTally][] {
  return [
    ...review.topGaps.map((g): [string, IncidentTally] => [`gap ${g.title}`, g.harm]),
    ...review.staleStrategies.map((s): [string, IncidentTally] => [`stale ${s.title}`, s.sinceReview]),
    ...review.conflicts.flatMap((c) =>
      [...c.sideA.holders, ...c.sideB.holders].flatMap((h): [string, IncidentTally][] =>
        h.incidents && h.conflictingPriorities
          ? [
              [`conflict ${h.title}`, h.incidents],
              [`conflict ${h.title} (conflicting priorities)`, h.conflictingPriorities],
            ]
          : [],
      ),
    ),
    ...review.beforeAfter.flatMap((s): [string, IncidentTally][] => [
      [`before ${s.title}`, s.before],
      [`after ${s.title}`, s.after],
    ]),
    ...review.gapImpacts.flatMap((g): [string, IncidentTally][] => [
      [`gap before ${g.title}`, g.before],
      [`gap after ${g.title}`, g.after],
    ]),
  ]
}

describe('GET /api/v1/leadership/review', () => {
  it('has numbers that the incident list reproduces with the same filters, for a leader and a lead', async () => {
    const org = await seed()
    const window = { from: addDays(today, -180), to: today }
    for (const as of ['leader', 'lead'] as const) {
      const review = await get<LeadershipReview>(as, `/api/v1/leadership/review?from=${window.from}&to=${window.to}`)
      expect(review.window).toEqual({ ...window, today })
      const tallies = talliesOf(review)
      expect(tallies.length).toBeGreaterThan(10)
      for (const [where, tally] of tallies) {
        const listed = await fromIncidentList(as, tally.query)
        expect({ where, incidents: tally.incidents, weightedHarm: tally.weightedHarm }).toEqual({
          where,
          incidents: listed.incidents,
          weightedHarm: listed.weightedHarm,
        })
      }
      for (const gap of review.topGaps) {
        expect(gap.harm.query).toEqual({ gapId: gap.gapId, from: window.from, to: window.to })
        expect(gap.teamsAffected).toBe((await fromIncidentList(as, gap.harm.query)).teams)
      }
      // The planted strategy that closed a gap was published ~5 months ago, inside the half year.
      expect(review.beforeAfter.map((s) => s.strategyId)).toContain(org.planted.droppingGap.strategyId)
    }
    // Pages through the incident list for every number, twice: slow on a busy machine.
  }, 180_000)

  it('sums a conflict from its decisions, and each side from the list', async () => {
    await seed()
    const review = await get<LeadershipReview>('leader', '/api/v1/leadership/review')
    for (const c of review.conflicts) {
      const holders = [...c.sideA.holders, ...c.sideB.holders]
      expect(c.incidents).toBe(holders.reduce((sum, h) => sum + (h.incidents?.incidents ?? 0), 0))
      expect(c.weightedHarm).toBe(holders.reduce((sum, h) => sum + (h.incidents?.weightedHarm ?? 0), 0))
    }
  })

  it('exports the same review as Markdown with its numbers linked to the incident list', async () => {
    const org = await seed()
    const res = await ctx.as('leader').inject({ method: 'GET', url: '/api/v1/leadership/review/export' })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/markdown/)
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="leadership-review-.*\.md"/)
    expect(res.body).toContain('# Leadership review,')
    expect(res.body).toContain(`## Conflicting priorities`)
    // The conflict is named as the priorities register names it.
    expect(res.body.toLowerCase()).toContain(org.planted.conflictingPriorities.prefer)
    expect(res.body).toMatch(/\[\d+\]\(\/incidents\?/)
  })

  it('refuses a window that ends before it starts, and unknown parameters', async () => {
    const backwards = await ctx
      .as('leader')
      .inject({ method: 'GET', url: '/api/v1/leadership/review?from=2026-03-01&to=2026-02-01' })
    expect(backwards.statusCode).toBe(400)
    expect(backwards.json().detail).toMatch(/from/)
    const unknown = await ctx.as('leader').inject({ method: 'GET', url: '/api/v1/leadership/conflicts?team=x' })
    expect(unknown.statusCode).toBe(400)
  })

  it('is for leads, leaders and admins; members are refused', async () => {
    expect((await ctx.as('member').inject({ method: 'GET', url: '/api/v1/leadership/review' })).statusCode).toBe(403)
    expect((await ctx.as('lead').inject({ method: 'GET', url: '/api/v1/leadership/coverage' })).statusCode).toBe(200)
  })
})

describe('GET /api/v1/leadership/conflicts and /stale-strategies', () => {
  it('lists the planted conflicting priorities with both sides and every incident they caused', async () => {
    const org = await seed()
    const planted = org.planted.conflictingPriorities
    const { items } = await get<Conflicts>(
      'admin',
      `/api/v1/leadership/conflicts?from=${org.planted.period.from}&to=${org.planted.period.to}`,
    )
    // Sides are named as the priorities register names them, whatever words each tradeoff used.
    const conflict = items.find(
      (c) =>
        c.kind === 'opposite' &&
        [c.sideA.prefer, c.sideB.prefer].map(normalizePriority).includes(normalizePriority(planted.prefer)),
    )
    expect(conflict).toBeDefined()
    const ids = (side: 'sideA' | 'sideB') => conflict?.[side].holders.map((h) => h.id) ?? []
    const sides = [ids('sideA'), ids('sideB')]
    // Each side holds one planted strategy and the decision taken under it.
    for (const [i, strategyId] of planted.strategyIds.entries()) {
      expect(sides.some((side) => side.includes(strategyId) && side.includes(planted.decisionIds[i] as string))).toBe(true)
    }
    expect(conflict?.incidents).toBe(planted.incidentCount)
    // Most of them were traced to the conflict itself, as conflicting_priorities.
    const traced = [...(conflict?.sideA.holders ?? []), ...(conflict?.sideB.holders ?? [])].reduce(
      (sum, h) => sum + (h.conflictingPriorities?.incidents ?? 0),
      0,
    )
    expect(traced).toBeGreaterThan(planted.incidentCount / 2)
  })

  it('lists the planted stale strategies with their harm counted from the day after the review date', async () => {
    const org = await seed()
    const { items } = await get<StaleStrategies>('leader', '/api/v1/leadership/stale-strategies')
    for (const [i, planted] of org.planted.staleStrategies.entries()) {
      const found = items.find((s) => s.strategyId === planted.strategyId)
      expect(found, planted.strategyId).toBeDefined()
      expect(found?.sinceReview.query.from).toBe(addDays(planted.reviewBy, 1))
      // Only the incidents of the gaps it addresses count, not its whole scope (ADR 033).
      expect(found?.sinceReview.query.strategyId).toBe(planted.strategyId)
      expect(found?.sinceReview.query.reportingTeamId).toBeUndefined()
      // The first addresses the gap its staleness opened, so that gap's incidents count; the
      // second addresses no gap yet, so nothing is charged to it.
      if (i === 0) expect(found?.sinceReview.incidents).toBeGreaterThan(0)
      else expect(found?.sinceReview.incidents).toBe(0)
    }
    const harms = items.map((s) => s.sinceReview.weightedHarm)
    expect(harms).toEqual([...harms].sort((a, b) => b - a))
  })
})

describe('tradeoff requests', () => {
  async function agreementWithHarm() {
    const decision = await ctx.inject({
      method: 'POST',
      url: '/api/v1/decisions',
      payload: { title: 'Move to the new queue', owningTeamId: ctx.teams.away, decidedAt: '2026-01-10' },
    })
    expect(decision.statusCode, decision.body).toBe(201)
    const d = decision.json() as { id: string; version: number }
    await fileIncident(ctx.as('member').inject, ctx.teams.home, { decisionId: d.id, discoveredAt: today })
    return d
  }

  it('records one open request per decision, audited, shown in lists until the tradeoff is stated', async () => {
    const decision = await agreementWithHarm()
    const first = await ctx.as('leader').inject({
      method: 'POST',
      url: '/api/v1/leadership/tradeoff-requests',
      payload: { decisionId: decision.id },
    })
    expect(first.statusCode, first.body).toBe(201)
    const request = first.json()
    expect(request).toMatchObject({
      decisionId: decision.id,
      owningTeamId: ctx.teams.away,
      requestedById: ctx.actors.leader.id,
      requestedByName: ctx.actors.leader.displayName,
      status: 'open',
      answeredAt: null,
    })

    const again = await ctx.as('admin').inject({
      method: 'POST',
      url: '/api/v1/leadership/tradeoff-requests',
      payload: { decisionId: decision.id },
    })
    expect(again.statusCode).toBe(200)
    expect(again.json().id).toBe(request.id)

    const audit = await get<{ items: { action: string; actorId: string }[] }>(
      'admin',
      `/api/v1/audit?entityType=tradeoff_request&entityId=${request.id}`,
    )
    expect(audit.items).toEqual([expect.objectContaining({ action: 'create', actorId: ctx.actors.leader.id })])

    // The owning team's members see it; so does the agreement-only list.
    const mine = await get<{ items: { id: string }[] }>(
      'outsider',
      `/api/v1/leadership/tradeoff-requests?teamId=${ctx.teams.away}`,
    )
    expect(mine.items.map((r) => r.id)).toEqual([request.id])
    const agreements = await get<{ items: { decisionId: string; openRequest: { id: string } | null }[] }>(
      'leader',
      '/api/v1/leadership/agreement-only',
    )
    expect(agreements.items.find((a) => a.decisionId === decision.id)?.openRequest?.id).toBe(request.id)

    const stated = await ctx.inject({
      method: 'PATCH',
      url: `/api/v1/decisions/${decision.id}`,
      headers: { 'if-match': `"${decision.version}"` },
      payload: { tradeoff: { prefer: 'one queue', over: 'per-team queues', forGoal: 'fewer pages at night' } },
    })
    expect(stated.statusCode, stated.body).toBe(200)
    const answered = await get<{ items: { status: string; answeredAt: string | null }[] }>(
      'member',
      `/api/v1/leadership/tradeoff-requests?decisionId=${decision.id}`,
    )
    expect(answered.items).toEqual([expect.objectContaining({ status: 'answered', answeredAt: expect.any(String) })])
    expect((await get<{ items: unknown[] }>('leader', '/api/v1/leadership/tradeoff-requests?status=open')).items).toEqual([])

    const late = await ctx.as('leader').inject({
      method: 'POST',
      url: '/api/v1/leadership/tradeoff-requests',
      payload: { decisionId: decision.id },
    })
    expect(late.statusCode).toBe(422)
  })

  it('lets only leaders and admins ask, and answers 404 for an unknown decision', async () => {
    const decision = await agreementWithHarm()
    for (const as of ['member', 'lead'] as const) {
      const res = await ctx.as(as).inject({
        method: 'POST',
        url: '/api/v1/leadership/tradeoff-requests',
        payload: { decisionId: decision.id },
      })
      expect(res.statusCode).toBe(403)
    }
    const unknown = await ctx.as('leader').inject({
      method: 'POST',
      url: '/api/v1/leadership/tradeoff-requests',
      payload: { decisionId: '00000000-0000-4000-8000-000000000000' },
    })
    expect(unknown.statusCode).toBe(404)
  })
})

describe('visibility and small groups', () => {
  it('counts a restricted incident only for those who may see it', async () => {
    const decision = await ctx.inject({
      method: 'POST',
      url: '/api/v1/decisions',
      payload: { title: 'Drop the old SDK', owningTeamId: ctx.teams.away, decidedAt: '2026-01-10' },
    })
    const d = decision.json() as { id: string }
    await fileIncident(ctx.as('member').inject, ctx.teams.home, { decisionId: d.id, discoveredAt: today, restricted: true })
    type Visibility = { items: { decisionId: string; hurtNotToldTeamIds: string[]; harm: { incidents: number } }[] }
    const seenByLeader = await get<Visibility>('leader', '/api/v1/leadership/decision-visibility')
    expect(seenByLeader.items.find((i) => i.decisionId === d.id)).toMatchObject({
      hurtNotToldTeamIds: [ctx.teams.home],
      harm: { incidents: 1 },
    })
    const seenByOutsideLead = await get<Visibility>('outsideLead', '/api/v1/leadership/decision-visibility')
    expect(seenByOutsideLead.items.find((i) => i.decisionId === d.id)).toBeUndefined()
  })

  it('hides per-team coverage numbers under five incidents', async () => {
    for (let i = 0; i < 2; i++) await fileIncident(ctx.as('member').inject, ctx.teams.home, { discoveredAt: today })
    for (let i = 0; i < 6; i++) await fileIncident(ctx.as('outsider').inject, ctx.teams.away, { discoveredAt: today })
    const { teams } = await get<Coverage>('leader', '/api/v1/leadership/coverage')
    const home = teams.find((t) => t.teamId === ctx.teams.home)
    const away = teams.find((t) => t.teamId === ctx.teams.away)
    expect(home).toMatchObject({ incidents: null, weightedHarm: null, suppressed: true, coverage: 'none' })
    // One hidden row could be recovered from the others, so the next smallest is hidden too.
    expect(away?.suppressed).toBe(true)
  })
})
