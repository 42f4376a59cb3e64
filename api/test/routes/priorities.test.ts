import { describe, expect, it } from 'vitest'
import { useTestApp } from '../helper'

const ctx = useTestApp()

const createPriority = async (payload: object) => {
  const res = await ctx.inject({ method: 'POST', url: '/api/v1/priorities', payload })
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string; name: string; aliases: string[]; version: number }
}

const expectProblem = (
  res: { statusCode: number; headers: Record<string, unknown>; json(): { detail: string } },
  status: number,
) => {
  expect(res.statusCode).toBe(status)
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
  return res.json().detail
}

describe('the priorities register', () => {
  it('creates a priority, reads it with its ETag and audits the creation', async () => {
    const res = await ctx.as('lead').inject({
      method: 'POST',
      url: '/api/v1/priorities',
      payload: {
        name: ' Privacy by default ',
        aliases: ['data minimisation', 'Privacy-by-default', '  '],
        description: 'Collect less',
      },
    })
    expect(res.statusCode, res.body).toBe(201)
    const created = res.json()
    // Trimmed; an alias that only repeats the name, or is blank, is dropped.
    expect(created).toMatchObject({
      name: 'Privacy by default',
      aliases: ['data minimisation'],
      description: 'Collect less',
      version: 1,
    })
    expect(res.headers.location).toBe(`/api/v1/priorities/${created.id}`)

    const read = await ctx.as('member').inject({ url: `/api/v1/priorities/${created.id}` })
    expect(read.statusCode).toBe(200)
    expect(read.headers.etag).toBe('"1"')

    const audit = await ctx.inject({ url: '/api/v1/audit?entityType=priority' })
    expect(audit.json().items).toEqual([expect.objectContaining({ action: 'create', entityId: created.id })])
  })

  it('keeps names unique ignoring case, and one spelling to one priority', async () => {
    await createPriority({ name: 'Reliability', aliases: ['uptime'] })
    expect(
      expectProblem(await ctx.inject({ method: 'POST', url: '/api/v1/priorities', payload: { name: 'RELIABILITY' } }), 409),
    ).toMatch(/already names the priority "Reliability"/)
    expect(
      expectProblem(
        await ctx.inject({ method: 'POST', url: '/api/v1/priorities', payload: { name: 'Speed', aliases: ['Uptime!'] } }),
        409,
      ),
    ).toMatch(/alias/)
  })

  it('refuses bad input with a problem that names the field, and stores nothing', async () => {
    const unknownField = await ctx.inject({ method: 'POST', url: '/api/v1/priorities', payload: { name: 'X', colour: 'red' } })
    expectProblem(unknownField, 400)
    expectProblem(await ctx.inject({ method: 'POST', url: '/api/v1/priorities', payload: { name: '' } }), 400)
    expect(
      expectProblem(await ctx.inject({ method: 'POST', url: '/api/v1/priorities', payload: { name: ' -- ' } }), 422),
    ).toMatch(/letters or digits/)
    expectProblem(await ctx.inject({ url: '/api/v1/priorities?cursor=nonsense' }), 400)
    expect((await ctx.inject({ url: '/api/v1/priorities' })).json().total).toBe(0)
  })

  it('lists by name a page at a time, with the total, and searches names and aliases', async () => {
    for (const name of ['Cost', 'battery life', 'Accessibility', 'Delivery speed']) await createPriority({ name })
    await createPriority({ name: 'Privacy by default', aliases: ['data minimisation'] })
    const first = (await ctx.as('member').inject({ url: '/api/v1/priorities?limit=2' })).json()
    expect(first.items.map((p: { name: string }) => p.name)).toEqual(['Accessibility', 'battery life'])
    expect(first.total).toBe(5)
    const second = (await ctx.inject({ url: `/api/v1/priorities?limit=2&cursor=${first.nextCursor}` })).json()
    expect(second.items.map((p: { name: string }) => p.name)).toEqual(['Cost', 'Delivery speed'])
    const third = (await ctx.inject({ url: `/api/v1/priorities?limit=2&cursor=${second.nextCursor}` })).json()
    expect(third).toMatchObject({ nextCursor: null, total: 5 })

    const byAlias = (await ctx.inject({ url: '/api/v1/priorities?q=MINIMIS' })).json()
    expect(byAlias).toMatchObject({ total: 1, items: [{ name: 'Privacy by default' }] })
  })

  it('changes aliases with If-Match and answers 412 to a stale write', async () => {
    const p = await createPriority({ name: 'Lower cloud cost' })
    const patch = (version: string | undefined, payload: object) =>
      ctx.as('leader').inject({
        method: 'PATCH',
        url: `/api/v1/priorities/${p.id}`,
        headers: version ? { 'if-match': version } : {},
        payload,
      })
    const changed = await patch('"1"', { aliases: ['infrastructure spend'], description: 'Spend less on cloud' })
    expect(changed.statusCode, changed.body).toBe(200)
    expect(changed.json()).toMatchObject({ aliases: ['infrastructure spend'], version: 2 })
    expect(changed.headers.etag).toBe('"2"')
    expectProblem(await patch('"1"', { aliases: [] }), 412)
    expectProblem(await patch(undefined, { aliases: [] }), 428)
    expectProblem(await patch('"2"', {}), 400)
    expect((await ctx.inject({ url: `/api/v1/priorities/${p.id}` })).json().aliases).toEqual(['infrastructure spend'])
  })

  it('lets members read but not write; leads, leaders and admins write', async () => {
    expectProblem(await ctx.as('member').inject({ method: 'POST', url: '/api/v1/priorities', payload: { name: 'Speed' } }), 403)
    expect(
      (await ctx.as('outsideLead').inject({ method: 'POST', url: '/api/v1/priorities', payload: { name: 'Speed' } })).statusCode,
    ).toBe(201)
    expect((await ctx.as('member').inject({ url: '/api/v1/priorities' })).statusCode).toBe(200)
  })

  it('suggests the priority typed words mean: aliases and close spellings', async () => {
    const privacy = await createPriority({ name: 'Privacy by default', aliases: ['data minimisation'] })
    const res = await ctx.as('member').inject({ url: '/api/v1/priorities/suggestions?text=Data%20Minimization' })
    expect(res.json().items).toEqual([
      expect.objectContaining({
        priority: expect.objectContaining({ id: privacy.id }),
        kind: 'close',
        matched: 'data minimisation',
      }),
    ])
    expect((await ctx.inject({ url: '/api/v1/priorities/suggestions?text=battery' })).json().items).toEqual([])
    expectProblem(await ctx.inject({ url: '/api/v1/priorities/suggestions' }), 400)
  })
})

describe('tradeoffs pick their priorities from the register', () => {
  const decision = (tradeoff: object, extra: object = {}) =>
    ctx.inject({
      method: 'POST',
      url: '/api/v1/decisions',
      payload: { title: 'Feed ranking', owningTeamId: ctx.teams.home, decidedAt: '2026-03-01', tradeoff, ...extra },
    })

  it('matches typed words to a suggestion, and creates a priority for words the register lacks', async () => {
    const privacy = await createPriority({ name: 'Privacy by default', aliases: ['data minimisation'] })
    const res = await decision({ prefer: 'Tailored feeds', over: 'Data-Minimisation', forGoal: 'engagement' })
    expect(res.statusCode, res.body).toBe(201)
    const { tradeoff } = res.json()
    expect(tradeoff).toMatchObject({
      prefer: 'Tailored feeds',
      over: 'Data-Minimisation',
      overPriorityId: privacy.id,
      prioritiesConfirmed: false,
    })
    const created = await ctx.inject({ url: `/api/v1/priorities/${tradeoff.preferPriorityId}` })
    expect(created.json().name).toBe('Tailored feeds')
  })

  it('keeps picked priorities as confirmed, and refuses ids the register does not have', async () => {
    const a = await createPriority({ name: 'Checkout conversion' })
    const b = await createPriority({ name: 'Fraud-check strictness' })
    const picked = await decision({
      prefer: 'conversion',
      over: 'fraud checks',
      forGoal: 'revenue',
      preferPriorityId: a.id,
      overPriorityId: b.id,
    })
    expect(picked.json().tradeoff).toMatchObject({ preferPriorityId: a.id, overPriorityId: b.id, prioritiesConfirmed: true })

    const unknown = await decision({
      prefer: 'x',
      over: 'y',
      forGoal: 'z',
      preferPriorityId: '00000000-0000-4000-8000-000000000000',
    })
    expect(expectProblem(unknown, 422)).toMatch(/names no priority/)
    const same = await decision({ prefer: 'conversion', over: 'y', forGoal: 'z', preferPriorityId: a.id, overPriorityId: a.id })
    expect(expectProblem(same, 422)).toMatch(/same priority/)
    expect((await ctx.inject({ url: '/api/v1/decisions' })).json().items).toHaveLength(1)
  })

  it('lists suggested tradeoffs to confirm, and a lead confirms or changes them', async () => {
    const speed = await createPriority({ name: 'Delivery speed' })
    const safety = await createPriority({ name: 'Release safety' })
    const d = (await decision({ prefer: 'speed of delivery', over: 'release safety', forGoal: 'ship Q3' })).json()
    const s = await ctx.inject({
      method: 'POST',
      url: '/api/v1/strategies',
      payload: {
        title: 'Ship safely',
        ownerTeamId: ctx.teams.home,
        reviewBy: '2027-01-01',
        tradeoffs: [
          {
            prefer: 'Release safety',
            over: 'delivery speed',
            forGoal: 'no Sev-1',
            preferPriorityId: safety.id,
            overPriorityId: speed.id,
          },
          { prefer: 'Small batches', over: 'release safety', forGoal: 'calm releases' },
        ],
      },
    })
    expect(s.statusCode, s.body).toBe(201)

    const list = (await ctx.as('member').inject({ url: '/api/v1/priorities/tradeoffs-to-confirm?limit=1' })).json()
    expect(list.total).toBe(2)
    expect(list.items[0]).toMatchObject({
      holderKind: 'decision',
      holderId: d.id,
      preferPriorityId: speed.id,
      overPriorityId: safety.id,
    })
    const rest = (await ctx.inject({ url: `/api/v1/priorities/tradeoffs-to-confirm?cursor=${list.nextCursor}` })).json()
    expect(rest.items).toEqual([expect.objectContaining({ holderKind: 'strategy', tradeoffIndex: 1, overPriorityId: safety.id })])

    const confirm = (as: 'member' | 'lead', version: string, body: object) =>
      ctx.as(as).inject({
        method: 'POST',
        url: '/api/v1/priorities/tradeoffs-to-confirm',
        headers: { 'if-match': version },
        payload: body,
      })
    const body = {
      holderKind: 'decision',
      holderId: d.id,
      tradeoffIndex: 0,
      preferPriorityId: speed.id,
      overPriorityId: safety.id,
    }
    expectProblem(await confirm('member', '"1"', body), 403)
    expectProblem(await confirm('lead', '"1"', { ...body, overPriorityId: speed.id }), 422)
    const ok = await confirm('lead', '"1"', body)
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.headers.etag).toBe('"2"')
    expectProblem(await confirm('lead', '"1"', body), 412)
    expectProblem(await confirm('lead', '"2"', { ...body, holderId: '00000000-0000-4000-8000-000000000000' }), 404)
    expectProblem(await confirm('lead', '"1"', { ...rest.items[0], holderVersion: undefined }), 400)

    const after = (await ctx.inject({ url: `/api/v1/decisions/${d.id}` })).json()
    expect(after.tradeoff).toMatchObject({ prioritiesConfirmed: true, prefer: 'speed of delivery' })
    expect((await ctx.inject({ url: '/api/v1/priorities/tradeoffs-to-confirm' })).json().total).toBe(1)
    const audit = (await ctx.inject({ url: '/api/v1/audit?entityType=decision' })).json()
    expect(audit.items.map((e: { action: string }) => e.action)).toContain('confirm_priorities')
  })

  it('keeps a confirmation when the same words are sent again, and suggests afresh for new words', async () => {
    const a = await createPriority({ name: 'Battery life' })
    const b = await createPriority({ name: 'Real-time updates' })
    const d = (
      await decision({ prefer: 'battery', over: 'live', forGoal: 'g', preferPriorityId: a.id, overPriorityId: b.id })
    ).json()
    const patch = (version: number, tradeoff: object) =>
      ctx.inject({
        method: 'PATCH',
        url: `/api/v1/decisions/${d.id}`,
        headers: { 'if-match': `"${version}"` },
        payload: { tradeoff },
      })
    const same = await patch(1, { prefer: 'Battery', over: 'live', forGoal: 'another goal' })
    expect(same.json().tradeoff).toMatchObject({ preferPriorityId: a.id, overPriorityId: b.id, prioritiesConfirmed: true })
    const changed = await patch(2, { prefer: 'real time updates', over: 'battery life', forGoal: 'g' })
    expect(changed.json().tradeoff).toMatchObject({ preferPriorityId: b.id, overPriorityId: a.id, prioritiesConfirmed: false })
  })
})

describe('conflicts found by priority', () => {
  it('finds differently worded opposite tradeoffs where scopes overlap, never across disjoint scopes', async () => {
    await createPriority({ name: 'Privacy by default', aliases: ['data minimisation'] })
    await createPriority({ name: 'Personalisation', aliases: ['tailored feeds'] })
    const post = (team: string, shared: string[], prefer: string, over: string, title: string) =>
      ctx.inject({
        method: 'POST',
        url: '/api/v1/decisions',
        payload: {
          title,
          owningTeamId: team,
          decidedAt: '2026-03-01',
          sharedWithTeamIds: shared,
          tradeoff: { prefer, over, forGoal: 'g' },
        },
      })
    await post(ctx.teams.home, [], 'privacy-by-default', 'personalization', 'Home keeps data')
    await post(ctx.teams.home, [], 'Tailored feeds', 'data minimisation', 'Home feeds')
    // Same two priorities, opposite order, but only the away team follows it: disjoint from the first.
    await post(ctx.teams.away, [], 'Personalisation', 'Privacy by default', 'Away feeds')

    const res = await ctx.as('leader').inject({ url: '/api/v1/leadership/conflicts' })
    expect(res.statusCode, res.body).toBe(200)
    const items = res.json().items
    expect(items).toHaveLength(1)
    expect(items[0]).toMatchObject({ kind: 'opposite', isSuggested: true, sharedScopeTeamIds: [ctx.teams.home] })
    const titles = [...items[0].sideA.holders, ...items[0].sideB.holders].map((h: { title: string }) => h.title).sort()
    expect(titles).toEqual(['Home feeds', 'Home keeps data'])
    // Sides are named as the register names them, whatever words each tradeoff used.
    expect([items[0].sideA.prefer, items[0].sideB.prefer].sort()).toEqual(['Personalisation', 'Privacy by default'])
  })
})
