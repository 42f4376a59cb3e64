import { clusterMembers, clusters } from '@misalign/db'
import { addDays, utcDay } from '@misalign/shared'
import { describe, expect, it } from 'vitest'
import { fileIncident } from '../fixtures'
import { type ActorName, useTestApp } from '../helper'
import { runSql } from '../sql'

/*
 * Gap attribution through decisions (ADR 017): an incident counts towards the gap it names, else
 * towards the gap that named its decision first; attach and detach move incidents, decisions or a
 * cluster in one audited, reversible step.
 */

const ctx = useTestApp()
const today = utcDay(new Date())

type RankingItem = { gapId: string; incidents: number; weightedHarm: number; throughDecisions: number }
type Gap = { id: string; version: number; decisionIds: string[] }
type AttachResult = {
  gap: Gap
  incidentIds: string[]
  decisionIds: string[]
  skipped: { incidentId: string; reason: string }[]
  countingElsewhere: { decisionId: string; gapId: string }[]
  offeredDecision: { id: string; title: string; incidents: number } | null
}

async function get<T>(as: ActorName, url: string): Promise<T> {
  const res = await ctx.as(as).inject({ method: 'GET', url })
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as T
}

async function decision(title: string) {
  const res = await ctx.inject({
    method: 'POST',
    url: '/api/v1/decisions',
    payload: { title, owningTeamId: ctx.teams.away, decidedAt: addDays(today, -60) },
  })
  expect(res.statusCode, res.body).toBe(201)
  return (res.json() as { id: string }).id
}

async function openGap(title: string, payload: object = {}): Promise<Gap> {
  const res = await ctx.as('leader').inject({ method: 'POST', url: '/api/v1/strategy-gaps', payload: { title, ...payload } })
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as Gap
}

/** Incidents with harm 3 × surprise 4 = weighted harm 12 each, discovered in the last 90 days. */
async function incidents(count: number, overrides: Record<string, unknown> = {}) {
  const ids: string[] = []
  for (let k = 0; k < count; k++) {
    const filed = await fileIncident(ctx.as('lead').inject, ctx.teams.home, {
      discoveredAt: addDays(today, -3 - k),
      ...overrides,
    })
    ids.push(filed.id)
  }
  return ids
}

const ranking = async () =>
  new Map((await get<{ items: RankingItem[] }>('leader', '/api/v1/strategy-gaps/ranking')).items.map((i) => [i.gapId, i]))

async function attach(gapId: string, payload: object, path: 'attach' | 'detach' = 'attach', as: ActorName = 'leader') {
  return ctx.as(as).inject({ method: 'POST', url: `/api/v1/strategy-gaps/${gapId}/${path}`, payload })
}

describe('gap attribution through decisions', () => {
  it('ranks a gap by the incidents of its decisions, unless an incident names another gap', async () => {
    const billing = await decision('Billing moves to monthly invoices')
    const gap = await openGap('Nobody knew billing prefers fewer invoices', { decisionIds: [billing] })
    expect(gap.decisionIds).toEqual([billing])
    const other = await openGap('Another gap')
    await incidents(3, { decisionId: billing })
    await incidents(1, { decisionId: billing, gapId: other.id })

    const ranked = await ranking()
    expect(ranked.get(gap.id)).toMatchObject({ incidents: 3, weightedHarm: 36, throughDecisions: 3 })
    expect(ranked.get(other.id)).toMatchObject({ incidents: 1, weightedHarm: 12, throughDecisions: 0 })

    // The gap's incident list and context read the same rule.
    const listed = await get<{ items: { id: string }[] }>('leader', `/api/v1/incidents?gapId=${gap.id}`)
    expect(listed.items).toHaveLength(3)
    const context = await get<{ decisions: { id: string; incidents: number; isBehindGap: boolean }[] }>(
      'member',
      `/api/v1/strategy-gaps/${gap.id}/context`,
    )
    expect(context.decisions).toEqual([expect.objectContaining({ id: billing, incidents: 3, isBehindGap: true })])
  })

  it('drops a decision’s incidents from the ranking as soon as the decision leaves the gap', async () => {
    const first = await decision('Search indexes nightly')
    const second = await decision('Search drops fuzzy matching')
    const gap = await openGap('Search priorities unknown', { decisionIds: [first, second] })
    await incidents(2, { decisionId: first })
    await incidents(1, { decisionId: second })
    expect((await ranking()).get(gap.id)?.incidents).toBe(3)

    const res = await ctx.as('leader').inject({
      method: 'PATCH',
      url: `/api/v1/strategy-gaps/${gap.id}`,
      headers: { 'if-match': `"${gap.version}"` },
      payload: { decisionIds: [second] },
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ decisionIds: [second], version: gap.version + 1 })
    expect((await ranking()).get(gap.id)?.incidents).toBe(1)
    const audit = (await ctx.app.repos.audit.list({ entityId: gap.id })).items
    expect(audit.some((e) => e.action === 'update' && JSON.stringify(e.changes).includes(first))).toBe(true)

    const unknown = await ctx.as('leader').inject({
      method: 'PATCH',
      url: `/api/v1/strategy-gaps/${gap.id}`,
      headers: { 'if-match': `"${gap.version + 1}"` },
      payload: { decisionIds: [second, '00000000-0000-4000-8000-000000000000'] },
    })
    expect(unknown.statusCode).toBe(422)
    expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/)
    expect(unknown.json().detail).toMatch(/No decision/)
    expect((await get<Gap>('leader', `/api/v1/strategy-gaps/${gap.id}`)).decisionIds).toEqual([second])
  })

  it('counts a decision behind two gaps towards the gap that named it first, never twice', async () => {
    const shared = await decision('Mobile drops iOS 15')
    const older = await openGap('Older gap', { decisionIds: [shared] })
    const newer = await openGap('Newer gap')
    await incidents(2, { decisionId: shared })
    const res = await attach(newer.id, { decisionIds: [shared] })
    expect(res.statusCode, res.body).toBe(200)
    expect((res.json() as AttachResult).countingElsewhere).toEqual([{ decisionId: shared, gapId: older.id }])
    const ranked = await ranking()
    expect(ranked.get(older.id)?.incidents).toBe(2)
    expect(ranked.get(newer.id)?.incidents).toBe(0)
    const context = await get<{ decisions: { id: string; countsTowardsGapId: string | null }[] }>(
      'leader',
      `/api/v1/strategy-gaps/${newer.id}/context`,
    )
    expect(context.decisions).toEqual([expect.objectContaining({ id: shared, countsTowardsGapId: older.id })])
    // Once the older gap lets go of it, the newer one counts it.
    await attach(older.id, { decisionIds: [shared] }, 'detach')
    expect((await ranking()).get(newer.id)?.incidents).toBe(2)
  })

  it('refuses to verify a gap while incidents of its decisions arrive after its strategy', async () => {
    const made = await decision('Drop the v1 API')
    const gap = await openGap('v1 priorities', { decisionIds: [made] })
    const strategy = (
      await ctx.inject({
        method: 'POST',
        url: '/api/v1/strategies',
        payload: {
          title: 'One API',
          ownerTeamId: ctx.teams.home,
          tradeoffs: [{ prefer: 'one API', over: 'compatibility', forGoal: 'speed' }],
          reviewBy: '2099-01-01',
        },
      })
    ).json()
    await ctx.inject({ method: 'POST', url: `/api/v1/strategies/${strategy.id}/publish`, headers: { 'if-match': '"1"' } })
    const url = `/api/v1/strategy-gaps/${gap.id}/transitions`
    const leader = ctx.as('leader')
    await leader.inject({
      method: 'POST',
      url,
      headers: { 'if-match': '"1"' },
      payload: { to: 'acknowledged', ownerId: ctx.actors.leader.id },
    })
    await leader.inject({
      method: 'POST',
      url,
      headers: { 'if-match': '"2"' },
      payload: { to: 'published', strategyId: strategy.id },
    })
    await fileIncident(ctx.as('lead').inject, ctx.teams.home, { decisionId: made, discoveredAt: today })
    const verify = await leader.inject({ method: 'POST', url, headers: { 'if-match': '"3"' }, payload: { to: 'verified' } })
    expect(verify.statusCode).toBe(422)
    expect(verify.json().detail).toMatch(new RegExp(`An incident in this gap was discovered on ${today}`))
    const context = await get<{ verification: { state: string } }>('leader', `/api/v1/strategy-gaps/${gap.id}/context`)
    expect(context.verification.state).toBe('interrupted')
  })
})

describe('POST /api/v1/strategy-gaps/:id/attach and /detach', () => {
  it('attaches incidents and decisions in one audited step, skips one naming another gap, and detaches them again', async () => {
    const made = await decision('Data team renames columns')
    const gap = await openGap('Schema changes unannounced')
    const other = await openGap('Elsewhere')
    const free = await incidents(2)
    const [elsewhere] = await incidents(1, { gapId: other.id })
    const res = await attach(gap.id, { incidentIds: [...free, elsewhere], decisionIds: [made] })
    expect(res.statusCode, res.body).toBe(200)
    const done = res.json() as AttachResult
    expect([...done.incidentIds].sort()).toEqual([...free].sort())
    expect(done.decisionIds).toEqual([made])
    expect(done.gap).toMatchObject({ decisionIds: [made], version: gap.version + 1 })
    expect(done.skipped).toEqual([{ incidentId: elsewhere, reason: expect.stringMatching(/names another gap, “Elsewhere”/) }])
    const [moved] = await runSql<{ n: number }>(ctx.database, 'select count(*)::int as n from incidents where gap_id = $1', [
      gap.id,
    ])
    expect(moved?.n).toBe(2)
    const gapAudit = (await ctx.app.repos.audit.list({ entityId: gap.id })).items
    expect(gapAudit.find((e) => e.action === 'attach')?.changes).toMatchObject({
      decisionIds: { before: [], after: [made] },
    })
    const incidentAudit = (await ctx.app.repos.audit.list({ entityId: free[0] })).items
    expect(incidentAudit.some((e) => JSON.stringify(e.changes).includes(gap.id))).toBe(true)

    // Sending back what the attach reported undoes it.
    const undo = await attach(gap.id, { incidentIds: done.incidentIds, decisionIds: done.decisionIds }, 'detach')
    expect(undo.statusCode, undo.body).toBe(200)
    expect(undo.json()).toMatchObject({ decisionIds: [made], gap: { decisionIds: [] }, skipped: [] })
    const [left] = await runSql<{ n: number }>(ctx.database, 'select count(*)::int as n from incidents where gap_id = $1', [
      gap.id,
    ])
    expect(left?.n).toBe(0)
    expect((await ctx.app.repos.audit.list({ entityId: gap.id })).items.some((e) => e.action === 'detach')).toBe(true)
    const [stillElsewhere] = await runSql<{ gap_id: string }>(ctx.database, 'select gap_id from incidents where id = $1', [
      elsewhere,
    ])
    expect(stillElsewhere?.gap_id).toBe(other.id)
  })

  it('attaches a whole cluster and offers the decision most of its incidents name', async () => {
    const made = await decision('Platform retires the old queue')
    const gap = await openGap('Queue strategy missing')
    const members = [...(await incidents(2, { decisionId: made })), ...(await incidents(1))]
    const [cluster] = await ctx.database.db.insert(clusters).values({ title: 'Queue surprises', status: 'confirmed' }).returning()
    if (!cluster) throw new Error('no cluster')
    await ctx.database.db
      .insert(clusterMembers)
      .values(members.map((incidentId) => ({ clusterId: cluster.id, incidentId, source: 'auto' as const })))
    const res = await attach(gap.id, { clusterId: cluster.id })
    expect(res.statusCode, res.body).toBe(200)
    const done = res.json() as AttachResult
    expect([...done.incidentIds].sort()).toEqual([...members].sort())
    expect(done.decisionIds).toEqual([])
    expect(done.offeredDecision).toEqual({ id: made, title: 'Platform retires the old queue', incidents: 2 })
    expect((await ranking()).get(gap.id)).toMatchObject({ incidents: 3, throughDecisions: 0 })
    const back = await attach(gap.id, { clusterId: cluster.id }, 'detach')
    expect((back.json() as AttachResult).incidentIds).toHaveLength(3)
    expect((await ranking()).get(gap.id)?.incidents).toBe(0)
  })

  it('answers problems a person can act on, and lets only leaders and admins attach', async () => {
    const gap = await openGap('Guarded')
    const [incident] = await incidents(1)
    const byLead = await attach(gap.id, { incidentIds: [incident] }, 'attach', 'lead')
    expect(byLead.statusCode).toBe(403)
    const empty = await attach(gap.id, {})
    expect(empty.statusCode).toBe(400)
    const noCluster = await attach(gap.id, { clusterId: '00000000-0000-4000-8000-000000000000' })
    expect(noCluster.statusCode).toBe(422)
    expect(noCluster.json().detail).toMatch(/No cluster/)
    const noDecision = await attach(gap.id, { incidentIds: [incident], decisionIds: ['00000000-0000-4000-8000-000000000000'] })
    expect(noDecision.statusCode).toBe(422)
    expect(noDecision.headers['content-type']).toMatch(/application\/problem\+json/)
    // Nothing half-written: the incident was not attached when the decision was refused.
    const [unchanged] = await runSql<{ gap_id: string | null }>(ctx.database, 'select gap_id from incidents where id = $1', [
      incident,
    ])
    expect(unchanged?.gap_id).toBeNull()
    const missingGap = await attach('00000000-0000-4000-8000-000000000000', { incidentIds: [incident] })
    expect(missingGap.statusCode).toBe(404)
  })
})

describe('GET /api/v1/strategy-gaps/suggestions', () => {
  it('offers a decision and a cluster with the same incidents once, with both reasons', async () => {
    const made = await decision('Identity shortens sessions')
    const ids = await incidents(3, { decisionId: made, harm: 4, surprise: 4 })
    const [cluster] = await ctx.database.db.insert(clusters).values({ title: 'Logged out', status: 'confirmed' }).returning()
    if (!cluster) throw new Error('no cluster')
    await ctx.database.db
      .insert(clusterMembers)
      .values(ids.map((incidentId) => ({ clusterId: cluster.id, incidentId, source: 'auto' as const })))
    const got = await get<{
      items: { sourceId: string; reasons: { source: string; sourceId: string }[]; decisionIds: string[] }[]
    }>('leader', '/api/v1/strategy-gaps/suggestions')
    const telling = got.items.filter((s) => s.reasons.some((r) => r.sourceId === made || r.sourceId === cluster.id))
    expect(telling).toHaveLength(1)
    // The cluster engine may have grouped them too: every source telling the story is one reason.
    expect(telling[0]?.reasons.map((r) => r.sourceId)).toEqual(expect.arrayContaining([made, cluster.id]))
    expect(telling[0]?.decisionIds).toEqual([made])

    // Accepting it with its decision: the story is now counted by the gap and no longer suggested.
    const gap = await openGap('Sessions', { decisionIds: telling[0]?.decisionIds })
    expect((await ranking()).get(gap.id)?.incidents).toBe(3)
    const after = await get<{ items: unknown[] }>('leader', '/api/v1/strategy-gaps/suggestions')
    expect(after.items).toEqual([])
  })
})
