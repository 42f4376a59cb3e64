import { describe, expect, it } from 'vitest'
import { incidentBody } from '../fixtures'
import { type TestContext, useTestApp } from '../helper'

const ctx = useTestApp()

async function decision(c: TestContext, title = 'Cut access token lifetime to 15 minutes') {
  const res = await c.inject({
    method: 'POST',
    url: '/api/v1/decisions',
    payload: { title, owningTeamId: c.teams.away, decidedAt: '2026-01-10' },
  })
  expect(res.statusCode).toBe(201)
  return res.json().id as string
}

async function file(c: TestContext, overrides: Record<string, unknown> = {}, as: 'admin' | 'member' | 'outsider' = 'member') {
  const res = await c.as(as).inject({
    method: 'POST',
    url: '/api/v1/incidents',
    payload: incidentBody(as === 'outsider' ? c.teams.away : c.teams.home, {
      title: 'Forced logout after the access token expiry',
      narrative: 'Access tokens now expire after 15 minutes and our app has no refresh token flow.',
      ...overrides,
    }),
  })
  expect(res.statusCode).toBe(201)
  return res.json() as { id: string; key: string }
}

async function tokenStory(c: TestContext, extra: Record<string, unknown>[] = [{}, {}, {}]) {
  const decisionId = await decision(c)
  const filed = []
  for (const over of extra) filed.push(await file(c, { decisionId, decisionOwnerTeamId: c.teams.away, ...over }))
  await c.app.jobs.settled()
  return { decisionId, filed }
}

const list = async (c: TestContext, as: 'admin' | 'lead' | 'outsider' | 'member' = 'admin', query = '') =>
  (await c.as(as).inject({ url: `/api/v1/clusters${query}` })).json().items as {
    id: string
    size: number
    signals: string[]
    status: string
    title: string
    weightedHarm: number
  }[]

describe('clusters', () => {
  it('places newly filed incidents of one decision into a suggestion that explains itself', async () => {
    const { filed } = await tokenStory(ctx)
    const [cluster] = await list(ctx)
    expect(cluster).toMatchObject({
      size: 3,
      status: 'suggested',
      title: 'Cut access token lifetime to 15 minutes',
      weightedHarm: 36,
    })
    expect(cluster?.signals).toEqual(expect.arrayContaining(['same_decision', 'similar_text']))
    const detail = (await ctx.inject({ url: `/api/v1/clusters/${cluster?.id}` })).json()
    expect(detail.members.map((m: { incidentId: string }) => m.incidentId)).toEqual(filed.map((f) => f.id))
    expect(detail.explanation.decision.title).toBe('Cut access token lifetime to 15 minutes')
    expect(detail.explanation.terms).toEqual(expect.arrayContaining(['token']))
  })

  it('runs a full recompute that finds the same cluster and keeps its id', async () => {
    await tokenStory(ctx)
    const [before] = await list(ctx)
    const res = await ctx.as('lead').inject({ method: 'POST', url: '/api/v1/clusters/recompute' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ suggested: 1, created: 0, incidents: 3 })
    expect((await list(ctx)).map((c) => c.id)).toEqual([before?.id])
  })

  it('leaves restricted incidents and their words out for those who may not see them', async () => {
    await tokenStory(ctx, [{}, {}, { restricted: true, narrative: 'Zebracorn secret project lost its tokens.' }])
    const [forOutsider] = await list(ctx, 'outsider')
    expect(forOutsider?.size).toBe(2)
    const detail = (await ctx.as('outsider').inject({ url: `/api/v1/clusters/${forOutsider?.id}` })).json()
    expect(detail.members).toHaveLength(2)
    expect(JSON.stringify(detail)).not.toMatch(/zebracorn/i)
    expect((await list(ctx, 'lead'))[0]?.size).toBe(3)
  })

  it('hides a cluster whose every member is restricted from those who may not see them', async () => {
    await tokenStory(ctx, [{ restricted: true }, { restricted: true }, { restricted: true }])
    expect(await list(ctx, 'outsider')).toEqual([])
    const [cluster] = await list(ctx, 'lead')
    expect((await ctx.as('outsider').inject({ url: `/api/v1/clusters/${cluster?.id}` })).statusCode).toBe(404)
  })

  it('keeps manual edits through a recompute and reverts a removal', async () => {
    const { filed } = await tokenStory(ctx)
    const [cluster] = await list(ctx)
    const id = cluster?.id
    const lead = ctx.as('lead')
    const confirmed = await lead.inject({
      method: 'PATCH',
      url: `/api/v1/clusters/${id}`,
      headers: { 'if-match': '"1"' },
      payload: { status: 'confirmed', title: 'Token lifetime' },
    })
    expect(confirmed.statusCode).toBe(200)
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', title: 'Token lifetime' })
    const stale = await lead.inject({
      method: 'PATCH',
      url: `/api/v1/clusters/${id}`,
      headers: { 'if-match': '"1"' },
      payload: { title: 'Late' },
    })
    expect(stale.statusCode).toBe(412)
    const removed = await lead.inject({ method: 'DELETE', url: `/api/v1/clusters/${id}/members/${filed[0]?.id}` })
    expect(removed.json().members).toHaveLength(2)

    await ctx.inject({ method: 'POST', url: '/api/v1/clusters/recompute' })
    const after = (await ctx.inject({ url: `/api/v1/clusters/${id}` })).json()
    expect(after).toMatchObject({ status: 'confirmed', title: 'Token lifetime', size: 2 })
    expect(after.edits.map((e: { kind: string }) => e.kind)).toEqual(['remove_member', 'confirm', 'rename'])
    expect(after.edits[0]).toMatchObject({ summary: `Removed ${filed[0]?.key}`, actorName: 'Lead Person', isRevertible: true })

    const reverted = await lead.inject({ method: 'POST', url: `/api/v1/clusters/${id}/edits/${after.edits[0].id}/revert` })
    expect(reverted.statusCode).toBe(200)
    expect(reverted.json().members).toHaveLength(3)
    expect(reverted.json().edits[0].revertedAt).not.toBeNull()
    const twice = await lead.inject({ method: 'POST', url: `/api/v1/clusters/${id}/edits/${after.edits[0].id}/revert` })
    expect(twice.statusCode).toBe(409)
  })

  it('never suggests a dismissed cluster again', async () => {
    await tokenStory(ctx)
    const [cluster] = await list(ctx)
    await ctx.inject({
      method: 'PATCH',
      url: `/api/v1/clusters/${cluster?.id}`,
      headers: { 'if-match': '"1"' },
      payload: { status: 'dismissed' },
    })
    await ctx.inject({ method: 'POST', url: '/api/v1/clusters/recompute' })
    expect(await list(ctx, 'admin', '?status=suggested')).toEqual([])
    expect((await list(ctx, 'admin', '?status=dismissed')).map((c) => c.id)).toEqual([cluster?.id])
  })

  it('splits members off, merges them back, and reverts the split', async () => {
    const { filed } = await tokenStory(ctx, [{}, {}, {}, {}])
    const [cluster] = await list(ctx)
    const split = await ctx.inject({
      method: 'POST',
      url: `/api/v1/clusters/${cluster?.id}/split`,
      payload: { incidentIds: [filed[2]?.id, filed[3]?.id], title: 'Later reports' },
    })
    expect(split.statusCode).toBe(201)
    expect(split.json()).toMatchObject({ title: 'Later reports', size: 2 })
    const splitId = split.json().id
    const merged = await ctx.inject({
      method: 'POST',
      url: `/api/v1/clusters/${splitId}/merge`,
      payload: { intoClusterId: cluster?.id },
    })
    expect(merged.json()).toMatchObject({ id: cluster?.id, size: 4 })
    const mergeEdit = merged.json().edits.find((e: { kind: string }) => e.kind === 'merge')
    const unmerged = await ctx.inject({ method: 'POST', url: `/api/v1/clusters/${cluster?.id}/edits/${mergeEdit.id}/revert` })
    expect(unmerged.json().size).toBe(2)
    const splitEdit = unmerged.json().edits.find((e: { kind: string }) => e.kind === 'split')
    const unsplit = await ctx.inject({ method: 'POST', url: `/api/v1/clusters/${cluster?.id}/edits/${splitEdit.id}/revert` })
    expect(unsplit.json().size).toBe(4)
    expect((await ctx.inject({ url: `/api/v1/clusters/${splitId}` })).statusCode).toBe(404)
  })

  it('groups reports that name no decision under the one they all read like, and offers it for them', async () => {
    const decisionId = await decision(ctx)
    const stories = [
      'Our mobile users are forced to log in again every 15 minutes because the access token expires',
      'Support saw a wave of customers logged out mid-checkout; their access token expired after 15 minutes',
      'Partner integrations lose their session when the access token lifetime ends after 15 minutes',
    ]
    const filed = []
    for (const narrative of stories) filed.push(await file(ctx, { narrative, decisionId: null, decisionOwnerTeamId: null }))
    await ctx.as('lead').inject({ method: 'POST', url: '/api/v1/clusters/recompute' })
    const [cluster] = await list(ctx)
    expect(cluster).toMatchObject({ size: 3, title: 'Likely: Cut access token lifetime to 15 minutes' })
    const detail = (await ctx.inject({ url: `/api/v1/clusters/${cluster?.id}` })).json()
    expect(detail.explanation.decisionForTheRest).toEqual({
      id: decisionId,
      title: 'Cut access token lifetime to 15 minutes',
      named: 0,
      likely: 3,
      unnamedIncidentIds: filed.map((f) => f.id),
    })

    const linked = await ctx.as('admin').inject({
      method: 'POST',
      url: '/api/v1/incidents/decision-links',
      payload: { links: filed.map((f) => ({ incidentId: f.id, decisionId })) },
    })
    expect(linked.statusCode).toBe(200)
    const after = (await ctx.inject({ url: `/api/v1/clusters/${cluster?.id}` })).json()
    expect(after.explanation.decisionForTheRest).toBeNull()
    expect(after.explanation.decision).toMatchObject({ id: decisionId, count: 3 })
  })

  it('lets members read but not edit clusters', async () => {
    await tokenStory(ctx)
    const [cluster] = await list(ctx, 'member')
    const res = await ctx.as('member').inject({
      method: 'PATCH',
      url: `/api/v1/clusters/${cluster?.id}`,
      headers: { 'if-match': '"1"' },
      payload: { title: 'Mine' },
    })
    expect(res.statusCode).toBe(403)
  })
})

describe('GET /api/v1/incidents/similar', () => {
  it('finds incidents by shared words and by the same decision, with reasons', async () => {
    const { decisionId, filed } = await tokenStory(ctx)
    // Unrelated in every field: the fixture's shared expected/goal/missing-context words would relate it.
    await file(ctx, {
      title: 'Invoices exported twice',
      narrative: 'The billing export job retried everything.',
      expected: 'One export per invoice run',
      harmedGoal: 'Close the books on time',
      missingContext: 'That the export job retries whole batches',
    })
    const byText = await ctx.as('member').inject({ url: '/api/v1/incidents/similar?text=access%20token%20expiry%20logout' })
    expect(byText.statusCode).toBe(200)
    const items = byText.json().items
    expect(items.map((i: { id: string }) => i.id).sort()).toEqual(filed.map((f) => f.id).sort())
    expect(items[0].reasons).toEqual(expect.arrayContaining(['similar_text']))
    expect(items.every((i: { confidence: string }) => i.confidence === 'likely')).toBe(true)
    expect(items[0].terms).toEqual(expect.arrayContaining(['token']))
    const byDecision = await ctx.as('member').inject({ url: `/api/v1/incidents/similar?decisionId=${decisionId}` })
    expect(byDecision.json().items[0].reasons).toContain('same_decision')
  })

  it('never returns a restricted incident to someone who may not see it', async () => {
    await file(ctx, { restricted: true, title: 'Quokka migration broke our build' })
    const res = await ctx.as('outsider').inject({ url: '/api/v1/incidents/similar?text=quokka%20migration' })
    expect(res.json().items).toEqual([])
    const lead = await ctx.as('lead').inject({ url: '/api/v1/incidents/similar?text=quokka%20migration' })
    expect(lead.json().items).toHaveLength(1)
  })

  it('refuses unknown query parameters', async () => {
    expect((await ctx.inject({ url: '/api/v1/incidents/similar?txt=x' })).statusCode).toBe(400)
  })
})
