import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { fileIncident } from '../fixtures'
import { type ActorName, type TestContext, useTestApp } from '../helper'

const ctx = useTestApp()

interface QueueItem {
  incident: { id: string; key: string; reporterId: string | null; isMine: boolean; reportingTeamId: string }
  mayLink: boolean
  suggestions: unknown[]
}
interface QueuePage {
  items: QueueItem[]
  nextCursor: string | null
  total: number
}

async function decision(c: TestContext, owningTeamId = c.teams.away, title = 'Cut access token lifetime to 15 minutes') {
  const res = await c.inject({
    method: 'POST',
    url: '/api/v1/decisions',
    payload: { title, owningTeamId, decidedAt: '2026-01-10' },
  })
  expect(res.statusCode).toBe(201)
  return res.json().id as string
}

const file = (c: TestContext, as: ActorName, overrides: Record<string, unknown> = {}) =>
  fileIncident(c.as(as).inject, as === 'outsider' || as === 'outsideLead' ? c.teams.away : c.teams.home, overrides)

async function queue(c: TestContext, as: ActorName, query = ''): Promise<QueuePage> {
  const res = await c.as(as).inject({ url: `/api/v1/triage/no-decision${query}` })
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}

const link = (c: TestContext, as: ActorName, links: unknown[]) =>
  c.as(as).inject({ method: 'POST', url: '/api/v1/incidents/decision-links', payload: { links } })

const read = async (c: TestContext, id: string) => (await c.inject({ url: `/api/v1/incidents/${id}` })).json()

const auditOf = async (c: TestContext, id: string) =>
  (await c.inject({ url: `/api/v1/audit?entityType=incident&entityId=${id}&action=update` })).json().items as {
    actorLabel: string
    changes: Record<string, { before?: unknown; after?: unknown }>
  }[]

describe('GET /api/v1/triage/no-decision', () => {
  it("shows a lead their own teams' incidents with no decision, newest first", async () => {
    const decisionId = await decision(ctx)
    const first = await file(ctx, 'member')
    await file(ctx, 'member', { decisionId })
    const second = await file(ctx, 'lead')
    const suspected = await file(ctx, 'outsider', { decisionOwnerTeamId: ctx.teams.home })
    await file(ctx, 'outsider')

    const page = await queue(ctx, 'lead')
    expect(page.items.map((item) => item.incident.key)).toEqual([suspected.key, second.key, first.key])
    expect(page.total).toBe(3)
    // A lead links only their own team's reports, as on the incident page.
    expect(page.items.map((item) => item.mayLink)).toEqual([false, true, true])
    expect(page.items.every((item) => Array.isArray(item.suggestions))).toBe(true)
  })

  it('offers at most three likely decisions per incident, best first', async () => {
    const decisionId = await decision(ctx)
    const story = {
      title: 'Forced logout after the access token expiry',
      narrative: 'Access tokens now expire after 15 minutes and our app has no refresh token flow.',
    }
    await file(ctx, 'outsider', { ...story, decisionId })
    await file(ctx, 'outsider', { ...story, decisionId })
    const unnamed = await file(ctx, 'member', story)
    const [item] = (await queue(ctx, 'lead')).items
    expect(item?.incident.key).toBe(unnamed.key)
    expect(item?.suggestions.length).toBeLessThanOrEqual(3)
    expect(item?.suggestions[0]).toMatchObject({ decision: { id: decisionId }, confidence: expect.any(String) })
  })

  it('shows leaders everything, and anyone allowed one team with teamId', async () => {
    await file(ctx, 'member')
    const away = await file(ctx, 'outsider')
    expect((await queue(ctx, 'leader')).total).toBe(2)
    const narrowed = await queue(ctx, 'lead', `?teamId=${ctx.teams.away}`)
    expect(narrowed.items.map((item) => item.incident.key)).toEqual([away.key])
  })

  it('never shows restricted incidents of other teams, nor an anonymous reporter or their small team', async () => {
    const restricted = await file(ctx, 'member', { restricted: true, title: 'Team-only trouble' })
    const anonymous = await file(ctx, 'member', { anonymous: true })
    expect((await queue(ctx, 'outsideLead', `?teamId=${ctx.teams.home}`)).total).toBe(0)
    // The home team has fewer than 5 members: its anonymous report is shown, and queued, as the parent's.
    const forOutsider = await queue(ctx, 'outsideLead', `?teamId=${ctx.teams.org}`)
    expect(forOutsider.items.map((item) => item.incident.key)).toEqual([anonymous.key])
    expect((await queue(ctx, 'lead')).items.map((item) => item.incident.key)).toEqual([restricted.key])
    const forLeader = await queue(ctx, 'leader')
    expect(forLeader.total).toBe(2)
    const shown = forLeader.items.find((item) => item.incident.key === anonymous.key)
    expect(shown?.incident).toMatchObject({ reporterId: null, isMine: false, reportingTeamId: ctx.teams.org })
    expect(JSON.stringify(shown)).not.toContain(ctx.actors.member.id)
  })

  it('pages with a cursor and counts the whole queue on every page', async () => {
    const filed = []
    for (let i = 0; i < 5; i++) filed.push(await file(ctx, 'member', { title: `Report ${i}` }))
    const seen: string[] = []
    let cursor = ''
    for (let pageNumber = 0; pageNumber < 3; pageNumber++) {
      const page = await queue(ctx, 'leader', `?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      expect(page.total).toBe(5)
      seen.push(...page.items.map((item) => item.incident.key))
      cursor = page.nextCursor ?? ''
    }
    expect(cursor).toBe('')
    expect(seen).toEqual(filed.map((f) => f.key).reverse())
  })

  it('refuses members, and answers a doctored cursor or team with a problem', async () => {
    const member = await ctx.as('member').inject({ url: '/api/v1/triage/no-decision' })
    expect(member.statusCode).toBe(403)
    expect(member.headers['content-type']).toMatch(/application\/problem\+json/)
    for (const query of ['?cursor=not-a-cursor', '?teamId=nope', '?limit=0']) {
      const res = await ctx.as('lead').inject({ url: `/api/v1/triage/no-decision${query}` })
      expect(res.statusCode, query).toBe(400)
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
    }
  })
})

describe('POST /api/v1/incidents/decision-links', () => {
  it('links many incidents at once, audits each as an edit, and undoes with the previous state', async () => {
    const decisionId = await decision(ctx)
    const one = await file(ctx, 'member', { decisionOwnerTeamId: ctx.teams.home })
    const two = await file(ctx, 'member')
    const res = await link(ctx, 'lead', [
      { incidentId: one.id, decisionId },
      { incidentId: two.id, decisionId },
    ])
    expect(res.statusCode, res.body).toBe(200)
    const { links } = res.json()
    expect(links).toEqual([
      {
        incidentId: one.id,
        key: one.key,
        previous: { decisionId: null, decisionOwnerTeamId: ctx.teams.home },
        current: { decisionId, decisionOwnerTeamId: ctx.teams.away },
        isChanged: true,
        version: 2,
      },
      expect.objectContaining({ incidentId: two.id, previous: { decisionId: null, decisionOwnerTeamId: null }, version: 2 }),
    ])
    expect(await read(ctx, one.id)).toMatchObject({ decisionId, decisionOwnerTeamId: ctx.teams.away, version: 2 })
    expect((await queue(ctx, 'lead')).total).toBe(0)
    const [entry] = await auditOf(ctx, one.id)
    expect(entry?.actorLabel).toBe(ctx.actors.lead.email)
    expect(entry?.changes.decisionId).toEqual({ before: null, after: decisionId })
    expect(entry?.changes.decisionOwnerTeamId).toEqual({ before: ctx.teams.home, after: ctx.teams.away })

    const undo = await link(
      ctx,
      'lead',
      links.map((l: { incidentId: string; previous: object }) => ({ incidentId: l.incidentId, ...l.previous })),
    )
    expect(undo.statusCode, undo.body).toBe(200)
    expect(await read(ctx, one.id)).toMatchObject({ decisionId: null, decisionOwnerTeamId: ctx.teams.home, version: 3 })
    expect(await read(ctx, two.id)).toMatchObject({ decisionId: null, decisionOwnerTeamId: null })
    expect((await auditOf(ctx, one.id))[0]?.changes.decisionId).toEqual({ before: decisionId, after: null })
    expect((await queue(ctx, 'lead')).total).toBe(2)
  })

  it('writes nothing for a link that changes nothing', async () => {
    const decisionId = await decision(ctx)
    const linked = await file(ctx, 'member', { decisionId })
    const res = await link(ctx, 'lead', [{ incidentId: linked.id, decisionId }])
    expect(res.json().links[0]).toMatchObject({ isChanged: false, version: 1 })
    expect(await auditOf(ctx, linked.id)).toEqual([])
  })

  it('lets a member link their own report, and keeps an anonymous reporter out of the log', async () => {
    const decisionId = await decision(ctx)
    const mine = await file(ctx, 'member', { anonymous: true })
    const res = await link(ctx, 'member', [{ incidentId: mine.id, decisionId }])
    expect(res.statusCode, res.body).toBe(200)
    const [entry] = await auditOf(ctx, mine.id)
    expect(entry?.actorLabel).toBe('anonymous')
    expect(JSON.stringify(entry)).not.toContain(ctx.actors.member.id)
  })

  it('refuses the whole batch when one incident is not yours to change, naming it', async () => {
    const decisionId = await decision(ctx)
    const home = await file(ctx, 'member')
    const away = await file(ctx, 'outsider')
    const res = await link(ctx, 'lead', [
      { incidentId: home.id, decisionId },
      { incidentId: away.id, decisionId },
    ])
    expect(res.statusCode).toBe(403)
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
    expect(res.json().detail).toContain(away.key)
    expect(res.json().detail).not.toContain(home.key)
    expect(await read(ctx, home.id)).toMatchObject({ decisionId: null, version: 1 })
    expect(await auditOf(ctx, home.id)).toEqual([])
  })

  it('treats a restricted incident the caller cannot see as unknown', async () => {
    const decisionId = await decision(ctx)
    const hidden = await file(ctx, 'member', { restricted: true })
    const res = await link(ctx, 'outsideLead', [{ incidentId: hidden.id, decisionId }])
    expect(res.statusCode).toBe(404)
    expect(res.json().detail).toContain(hidden.id)
  })

  it('answers bad input with a problem a person can act on, and changes nothing', async () => {
    const decisionId = await decision(ctx)
    const filed = await file(ctx, 'member')
    const unknownDecision = randomUUID()
    const cases: [unknown, number, RegExp][] = [
      [[], 400, /links/],
      [Array.from({ length: 101 }, () => ({ incidentId: randomUUID(), decisionId })), 400, /links/],
      [[{ incidentId: 'MIS-1', decisionId }], 400, /incidentId/],
      [[{ incidentId: filed.id, decisionId, colour: 'red' }], 400, /colour/],
      [
        [
          { incidentId: filed.id, decisionId },
          { incidentId: filed.id.toUpperCase(), decisionId: null },
        ],
        422,
        /one link per incident/,
      ],
      [[{ incidentId: filed.id, decisionId, decisionOwnerTeamId: ctx.teams.home }], 422, /taken from the decision/],
      [[{ incidentId: randomUUID(), decisionId }], 404, /No incident/],
      [[{ incidentId: filed.id, decisionId: unknownDecision }], 422, new RegExp(unknownDecision)],
      [[{ incidentId: filed.id, decisionId: null, decisionOwnerTeamId: randomUUID() }], 422, /No team/],
    ]
    for (const [links, status, detail] of cases) {
      const res = await link(ctx, 'lead', links as unknown[])
      expect(res.statusCode, res.body).toBe(status)
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
      expect(`${res.json().detail} ${JSON.stringify(res.json().errors ?? [])}`).toMatch(detail)
    }
    expect(await read(ctx, filed.id)).toMatchObject({ decisionId: null, version: 1 })
    expect(await auditOf(ctx, filed.id)).toEqual([])
  })
})
