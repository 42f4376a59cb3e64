import { describe, expect, it } from 'vitest'
import { fileIncident } from '../fixtures'
import { type TestContext, useTestApp } from '../helper'

const ctx = useTestApp()

type Row = { id: string; number: number; discoveredAt: string; weightedHarm: number; decisionId: string | null }
type Listed = { items: Row[]; nextCursor: string | null; total?: number; isTotalCapped?: boolean }

/** Eleven incidents with ties in every sortable column, one of them restricted. */
async function fileMany(c: TestContext) {
  const filed = []
  for (let i = 0; i < 11; i++) {
    filed.push(
      await fileIncident(c.inject, c.teams.home, {
        title: `Incident ${i}`,
        discoveredAt: `2026-03-${String(10 + (i % 4)).padStart(2, '0')}`,
        harm: 1 + (i % 3),
        surprise: 2 + (i % 2),
        restricted: i === 4,
      }),
    )
  }
  return filed
}

/** Follows nextCursor to the end and returns every row, checking each page's total. */
async function walk(c: TestContext, path: string, as: 'admin' | 'outsider' = 'admin') {
  const rows: Row[] = []
  let cursor: string | null = null
  const totals = new Set<number | undefined>()
  do {
    const sep = path.includes('?') ? '&' : '?'
    const url: string = `${path}${sep}limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`
    const res = await c.as(as).inject({ url })
    expect(res.statusCode, res.body).toBe(200)
    const page = res.json() as Listed
    totals.add(page.total)
    rows.push(...page.items)
    cursor = page.nextCursor
  } while (cursor)
  expect(totals.size).toBe(1)
  return { rows, total: [...totals][0] }
}

const byNumber = (rows: Row[]) => rows.map((r) => r.number)

describe('GET /api/v1/incidents: totals and sorting', () => {
  it('counts every match on every page, as the caller may see them', async () => {
    await fileMany(ctx)
    expect((await walk(ctx, '/api/v1/incidents')).total).toBe(11)
    const outsider = await walk(ctx, '/api/v1/incidents', 'outsider')
    expect(outsider.total).toBe(10)
    expect(outsider.rows).toHaveLength(10)
    const filtered = (await ctx.inject({ url: '/api/v1/incidents?from=2026-03-12&limit=1' })).json() as Listed
    expect(filtered.total).toBe(5)
    expect(filtered.isTotalCapped).toBeUndefined()
  })

  it.each([
    ['number', (a: Row, b: Row) => a.number - b.number],
    ['-number', (a: Row, b: Row) => b.number - a.number],
    ['discoveredAt', (a: Row, b: Row) => a.discoveredAt.localeCompare(b.discoveredAt) || a.number - b.number],
    ['-discoveredAt', (a: Row, b: Row) => b.discoveredAt.localeCompare(a.discoveredAt) || b.number - a.number],
    ['weightedHarm', (a: Row, b: Row) => a.weightedHarm - b.weightedHarm || a.number - b.number],
    ['-weightedHarm', (a: Row, b: Row) => b.weightedHarm - a.weightedHarm || b.number - a.number],
  ])('pages through sort=%s in order, each incident exactly once', async (sort, order) => {
    await fileMany(ctx)
    const { rows, total } = await walk(ctx, `/api/v1/incidents?sort=${sort}`)
    expect(total).toBe(11)
    expect(new Set(byNumber(rows)).size).toBe(11)
    expect(byNumber(rows)).toEqual(byNumber([...rows].sort(order)))
  })

  it('refuses a cursor given out under another sort, and a sort it does not know', async () => {
    await fileMany(ctx)
    const first = (await ctx.inject({ url: '/api/v1/incidents?sort=-weightedHarm&limit=2' })).json() as Listed
    const replayed = await ctx.inject({ url: `/api/v1/incidents?sort=discoveredAt&cursor=${first.nextCursor}` })
    expect(replayed.statusCode).toBe(400)
    expect(replayed.headers['content-type']).toMatch(/application\/problem\+json/)
    expect(replayed.json().detail).toMatch(/cursor/)
    const defaultOrder = await ctx.inject({ url: `/api/v1/incidents?cursor=${first.nextCursor}` })
    expect(defaultOrder.statusCode).toBe(400)
    const unknown = await ctx.inject({ url: '/api/v1/incidents?sort=reporterId' })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/)
  })

  it('finds incidents that name no decision yet', async () => {
    const decision = await ctx.inject({
      method: 'POST',
      url: '/api/v1/decisions',
      payload: { title: 'Freeze the public API', owningTeamId: ctx.teams.away, decidedAt: '2026-01-10' },
    })
    await fileIncident(ctx.inject, ctx.teams.home, { decisionId: decision.json().id })
    const without = await fileIncident(ctx.inject, ctx.teams.home)
    const page = (await ctx.inject({ url: '/api/v1/incidents?hasDecision=false' })).json() as Listed
    expect(page.items.map((i) => i.id)).toEqual([without.id])
    expect(page.total).toBe(1)
  })
})

describe('GET /api/v1/decisions: totals and sorting', () => {
  it('pages through titles in byte order and counts them', async () => {
    const titles = ['beta', 'Alpha', 'alpha', 'Gamma', 'delta', 'Beta', 'epsilon']
    for (const [i, title] of titles.entries()) {
      const res = await ctx.inject({
        method: 'POST',
        url: '/api/v1/decisions',
        payload: { title, owningTeamId: ctx.teams.away, decidedAt: `2026-01-${String(10 + (i % 2)).padStart(2, '0')}` },
      })
      expect(res.statusCode).toBe(201)
    }
    const collect = async (sort: string) => {
      const seen: { title: string; decidedAt: string }[] = []
      let cursor: string | null = null
      let total: number | undefined
      do {
        const url: string = `/api/v1/decisions?sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`
        const page = (await ctx.inject({ url })).json()
        seen.push(...page.items)
        total = page.total
        cursor = page.nextCursor
      } while (cursor)
      return { seen, total }
    }
    const ascending = await collect('title')
    expect(ascending.total).toBe(7)
    expect(ascending.seen.map((d) => d.title)).toEqual([...titles].sort())
    const descending = await collect('-title')
    expect(descending.seen.map((d) => d.title)).toEqual([...titles].sort().reverse())
    const byDay = await collect('decidedAt')
    expect(byDay.seen.map((d) => d.decidedAt)).toEqual(byDay.seen.map((d) => d.decidedAt).sort())
    expect(byDay.seen).toHaveLength(7)
  })
})

describe('other lists carry their total', () => {
  it.each(['/api/v1/strategies', '/api/v1/strategy-gaps', '/api/v1/retros', '/api/v1/actions', '/api/v1/clusters'])(
    '%s answers total 0 when empty',
    async (path) => {
      const res = await ctx.inject({ url: path })
      expect(res.statusCode, res.body).toBe(200)
      expect(res.json()).toMatchObject({ items: [], nextCursor: null, total: 0 })
    },
  )

  it('counts strategy gaps by status', async () => {
    for (const title of ['Gap one', 'Gap two', 'Gap three']) {
      const res = await ctx.inject({ method: 'POST', url: '/api/v1/strategy-gaps', payload: { title, description: 'x' } })
      expect(res.statusCode, res.body).toBe(201)
    }
    const page = (await ctx.inject({ url: '/api/v1/strategy-gaps?limit=1&status=open' })).json()
    expect(page).toMatchObject({ total: 3 })
    expect(page.items).toHaveLength(1)
  })
})

const stories = [
  [
    'Cut access token lifetime to 15 minutes',
    'Forced logout after the access token expiry',
    'Access tokens expire after 15 minutes and our app has no refresh flow.',
  ],
  [
    'Deprecate payments API v1',
    'Checkout broke when payments v1 disappeared',
    'The payments gateway removed version one endpoints and our checkout calls failed.',
  ],
  [
    'Move CI builds to ARM runners',
    'Native modules fail on the new ARM build machines',
    'Our compiled image libraries crash on aarch64 runners in continuous integration.',
  ],
] as const

/** Three stories of distinct decisions and words: three suggested clusters, sizes 3, 4 and 5. */
async function threeSuggestions(c: TestContext) {
  for (const [i, [decisionTitle, title, narrative]] of stories.entries()) {
    const decision = await c.inject({
      method: 'POST',
      url: '/api/v1/decisions',
      payload: { title: decisionTitle, owningTeamId: c.teams.away, decidedAt: '2026-01-10' },
    })
    for (let n = 0; n < i + 3; n++) {
      await fileIncident(c.inject, c.teams.home, { title, narrative, decisionId: decision.json().id })
    }
  }
  await c.app.jobs.settled()
  return (await c.inject({ url: '/api/v1/clusters?status=suggested' })).json() as {
    items: { id: string; version: number; size: number; status: string }[]
    total: number
  }
}

describe('clusters: pages and bulk status', () => {
  it('pages the heaviest clusters first with a total', async () => {
    const all = await threeSuggestions(ctx)
    expect(all.total).toBe(3)
    expect(all.items.map((cl) => cl.size)).toEqual([5, 4, 3])
    const first = (await ctx.inject({ url: '/api/v1/clusters?limit=1' })).json()
    expect(first.items).toHaveLength(1)
    expect(first.total).toBe(all.total)
    const second = (await ctx.inject({ url: `/api/v1/clusters?limit=1&cursor=${first.nextCursor}` })).json()
    expect(second.items[0].id).not.toBe(first.items[0].id)
    expect(second.total).toBe(all.total)
    const bad = await ctx.inject({ url: '/api/v1/clusters?cursor=bm9wZQ' })
    expect(bad.statusCode).toBe(400)
  })

  it('confirms many suggestions at once, each a logged and revertible edit', async () => {
    const { items } = await threeSuggestions(ctx)
    const chosen = items.slice(0, 2)
    const res = await ctx.as('lead').inject({
      method: 'POST',
      url: '/api/v1/clusters/status',
      payload: { status: 'confirmed', clusters: chosen.map(({ id, version }) => ({ id, version })) },
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().items.map((i: { previousStatus: string }) => i.previousStatus)).toEqual(['suggested', 'suggested'])
    const confirmed = (await ctx.inject({ url: '/api/v1/clusters?status=confirmed' })).json()
    expect(confirmed.total).toBe(2)
    const detail = (await ctx.inject({ url: `/api/v1/clusters/${chosen[0]?.id}` })).json()
    expect(detail.edits[0]).toMatchObject({ kind: 'confirm', isRevertible: true })
  })

  it('changes nothing when one of them is stale, repeated or not allowed', async () => {
    const { items } = await threeSuggestions(ctx)
    const [a, b] = items
    if (!a || !b) throw new Error('expected two suggestions')
    const stale = await ctx.inject({
      method: 'POST',
      url: '/api/v1/clusters/status',
      payload: {
        status: 'dismissed',
        clusters: [
          { id: a.id, version: a.version },
          { id: b.id, version: b.version + 5 },
        ],
      },
    })
    expect(stale.statusCode).toBe(412)
    expect(stale.headers['content-type']).toMatch(/application\/problem\+json/)
    const untouched = (await ctx.inject({ url: `/api/v1/clusters/${a.id}` })).json()
    expect(untouched).toMatchObject({ status: 'suggested', version: a.version })

    const repeated = await ctx.inject({
      method: 'POST',
      url: '/api/v1/clusters/status',
      payload: {
        status: 'dismissed',
        clusters: [
          { id: a.id, version: a.version },
          { id: a.id, version: a.version },
        ],
      },
    })
    expect(repeated.statusCode).toBe(422)
    expect(repeated.json().errors[0].field).toBe('clusters/1/id')

    const member = await ctx.as('member').inject({
      method: 'POST',
      url: '/api/v1/clusters/status',
      payload: { status: 'dismissed', clusters: [{ id: a.id, version: a.version }] },
    })
    expect(member.statusCode).toBe(403)
    const empty = await ctx.inject({
      method: 'POST',
      url: '/api/v1/clusters/status',
      payload: { status: 'dismissed', clusters: [] },
    })
    expect(empty.statusCode).toBe(400)
  })
})

describe('incidents grouped by decision', () => {
  it('lists a cluster’s incidents and counts them per decision, as the caller may see them', async () => {
    const { items } = await threeSuggestions(ctx)
    const heaviest = items[0]
    if (!heaviest) throw new Error('expected a cluster')
    const page = (await ctx.inject({ url: `/api/v1/incidents?clusterId=${heaviest.id}&limit=2` })).json() as Listed
    expect(page.total).toBe(5)
    expect(page.items).toHaveLength(2)
    const groups = (await ctx.inject({ url: '/api/v1/decisions/incident-counts' })).json().items
    expect(groups.map((g: { count: number }) => g.count)).toEqual([5, 4, 3])
    expect(groups[0]).toMatchObject({ title: 'Move CI builds to ARM runners', weightedHarm: 60 })
    const inCluster = (await ctx.inject({ url: `/api/v1/decisions/incident-counts?clusterId=${heaviest.id}` })).json()
    expect(inCluster.items).toHaveLength(1)

    await fileIncident(ctx.inject, ctx.teams.home, { restricted: true })
    const forOutsider = (await ctx.as('outsider').inject({ url: '/api/v1/decisions/incident-counts?hasDecision=false' })).json()
    expect(forOutsider.items).toEqual([])
    const forAdmin = (await ctx.inject({ url: '/api/v1/decisions/incident-counts?hasDecision=false' })).json()
    expect(forAdmin.items).toEqual([{ decisionId: null, title: null, count: 1, weightedHarm: 12 }])
  })
})
