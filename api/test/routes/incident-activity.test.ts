import { addDays, utcDay } from '@misalign/shared'
import { describe, expect, it } from 'vitest'
import { fileIncident } from '../fixtures'
import { type ActorName, useTestApp } from '../helper'

const ctx = useTestApp()
const recently = addDays(utcDay(new Date()), -3)

type Entry = { id: string; kind: string; actorName: string; summary: string; details: string[]; comment: unknown }

async function activity(id: string, as: ActorName = 'admin', query = '') {
  const res = await ctx.as(as).inject({ method: 'GET', url: `/api/v1/incidents/${id}/activity${query}` })
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as { items: Entry[]; nextCursor: string | null }
}

async function patch(id: string, version: number, payload: object, as: ActorName = 'lead') {
  const res = await ctx.as(as).inject({
    method: 'PATCH',
    url: `/api/v1/incidents/${id}`,
    headers: { 'if-match': `"${version}"` },
    payload,
  })
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as { version: number }
}

const impactBody = (teamId: string, overrides: Record<string, unknown> = {}) => ({
  teamId,
  surprise: 4,
  harm: 3,
  harmKinds: ['delay'],
  engineerDaysLost: 2.5,
  delayDays: 5,
  note: 'Our release slipped a week',
  ...overrides,
})

describe('GET /api/v1/incidents/:id/activity', () => {
  it('tells every change and comment newest first, in plain words, naming the teams mentioned', async () => {
    const incident = await fileIncident(ctx.as('member').inject, ctx.teams.home)
    await patch(incident.id, 1, { rootCause: 'hidden_decision' })
    const comment = await ctx.as('outsider').inject({
      method: 'POST',
      url: `/api/v1/incidents/${incident.key}/comments`,
      payload: { body: 'Same thing hit our checkout', mentionTeamIds: [ctx.teams.home] },
    })
    expect(comment.statusCode, comment.body).toBe(201)
    expect(comment.json()).toMatchObject({ kind: 'comment', summary: 'Outsider Person commented and mentioned Home Team' })

    const feed = await activity(incident.key, 'member')
    expect(feed.items.map((e) => e.summary)).toEqual([
      'Outsider Person commented and mentioned Home Team',
      'Lead Person set the root cause to Hidden decision',
      'Member Person filed this incident',
    ])
    expect(feed.items[0]?.comment).toMatchObject({
      body: 'Same thing hit our checkout',
      mentions: [{ teamId: ctx.teams.home, teamName: 'Home Team' }],
    })
  })

  it('never names an anonymous reporter, not even through their own edits', async () => {
    const incident = await fileIncident(ctx.as('member').inject, ctx.teams.home, { anonymous: true })
    await patch(incident.id, 1, { status: 'triaged' }, 'member')
    const feed = await activity(incident.id, 'admin')
    expect(feed.items.map((e) => e.summary)).toEqual([
      'Someone (anonymous) set the status to Triaged',
      'Someone (anonymous) filed this incident',
    ])
    const body = JSON.stringify(feed)
    expect(body).not.toContain(ctx.actors.member.id)
    expect(body).not.toContain(ctx.actors.member.email)
    expect(body).not.toContain('Member Person')
  })

  it('pages with a cursor, without repeating or losing an entry', async () => {
    const incident = await fileIncident(ctx.inject, ctx.teams.home)
    for (const body of ['one', 'two', 'three', 'four']) {
      await ctx.inject({ method: 'POST', url: `/api/v1/incidents/${incident.id}/comments`, payload: { body } })
    }
    const first = await activity(incident.id, 'admin', '?limit=2')
    expect(first.items).toHaveLength(2)
    const second = await activity(incident.id, 'admin', `?limit=2&cursor=${first.nextCursor}`)
    const third = await activity(incident.id, 'admin', `?limit=2&cursor=${second.nextCursor}`)
    expect(third.nextCursor).toBeNull()
    const bodies = [...first.items, ...second.items, ...third.items].map((e) => e.summary)
    expect(bodies).toHaveLength(5)
    expect(new Set([...first.items, ...second.items, ...third.items].map((e) => e.id)).size).toBe(5)
    expect(bodies[4]).toBe('Admin Person filed this incident')
  })

  it('answers a bad cursor, an empty comment and an unknown team as problems a person can act on', async () => {
    const incident = await fileIncident(ctx.inject, ctx.teams.home)
    const cursor = await ctx.inject({ method: 'GET', url: `/api/v1/incidents/${incident.id}/activity?cursor=nonsense` })
    expect(cursor.statusCode).toBe(400)
    expect(cursor.headers['content-type']).toMatch(/application\/problem\+json/)
    const empty = await ctx.inject({ method: 'POST', url: `/api/v1/incidents/${incident.id}/comments`, payload: { body: '   ' } })
    expect(empty.statusCode).toBe(422)
    expect(empty.json().detail).toMatch(/empty/)
    const unknown = await ctx.inject({
      method: 'POST',
      url: `/api/v1/incidents/${incident.id}/comments`,
      payload: { body: 'Hello', mentionTeamIds: ['00000000-0000-4000-8000-000000000000'] },
    })
    expect(unknown.statusCode).toBe(422)
    expect(unknown.json().detail).toMatch(/mentionTeamIds names a team that does not exist/)
  })

  it('does not exist for someone who may not see a restricted incident', async () => {
    const incident = await fileIncident(ctx.as('member').inject, ctx.teams.home, { restricted: true })
    for (const [method, url, payload] of [
      ['GET', `/api/v1/incidents/${incident.id}/activity`, undefined],
      ['GET', `/api/v1/incidents/${incident.id}/impacts`, undefined],
      ['POST', `/api/v1/incidents/${incident.id}/comments`, { body: 'hi' }],
      ['POST', `/api/v1/incidents/${incident.id}/impacts`, impactBody(ctx.teams.away)],
    ] as const) {
      const res = await ctx.as('outsider').inject({ method, url, ...(payload ? { payload } : {}) })
      expect(res.statusCode, `${method} ${url}`).toBe(404)
    }
  })
})

describe('"this hurt us too": /api/v1/incidents/:id/impacts', () => {
  it('adds another team’s harm to the incident, the feed and its gap’s ranking as that team’s harm', async () => {
    const gap = await ctx.inject({ method: 'POST', url: '/api/v1/strategy-gaps', payload: { title: 'No API lifecycle' } })
    const incident = await fileIncident(ctx.as('member').inject, ctx.teams.home, { discoveredAt: recently, gapId: gap.json().id })
    const before = await ctx.inject({ method: 'GET', url: '/api/v1/strategy-gaps/ranking' })
    expect(before.json().items[0]).toMatchObject({ weightedHarm: 12, incidents: 1, teamsAffected: 1, engineerDaysLost: 0 })

    const added = await ctx.as('outsider').inject({
      method: 'POST',
      url: `/api/v1/incidents/${incident.key}/impacts`,
      payload: impactBody(ctx.teams.away, { surprise: 5, harm: 4 }),
    })
    expect(added.statusCode, added.body).toBe(201)
    expect(added.json()).toMatchObject({ teamId: ctx.teams.away, weightedHarm: 20, isMine: true, anonymous: false })

    const impacts = await ctx.as('member').inject({ method: 'GET', url: `/api/v1/incidents/${incident.id}/impacts` })
    expect(impacts.json().weightedHarm).toMatchObject({ incident: 12, impacts: 20, total: 32 })
    expect(impacts.json().items[0]).toMatchObject({ isMine: false, reporterId: ctx.actors.outsider.id })

    const ranking = await ctx.inject({ method: 'GET', url: '/api/v1/strategy-gaps/ranking' })
    expect(ranking.json().items[0]).toMatchObject({ weightedHarm: 32, incidents: 1, teamsAffected: 2, engineerDaysLost: 2.5 })

    const feed = await activity(incident.id, 'member')
    expect(feed.items[0]?.summary).toBe('Outsider Person added that this hurt Away Team too: harm 4 × surprise 5 = 20')

    const removed = await ctx.as('outsider').inject({
      method: 'DELETE',
      url: `/api/v1/incidents/${incident.id}/impacts/${added.json().id}`,
    })
    expect(removed.statusCode).toBe(204)
    const after = await ctx.inject({ method: 'GET', url: '/api/v1/strategy-gaps/ranking' })
    expect(after.json().items[0]).toMatchObject({ weightedHarm: 12, teamsAffected: 1 })
    expect((await activity(incident.id, 'member')).items[0]?.summary).toBe(
      'Outsider Person took back Away Team’s harm: harm 4 × surprise 5 = 20',
    )
  })

  it('counts an impact in the decision’s harm and among the teams it hurt on the leadership review', async () => {
    const decision = await ctx.inject({
      method: 'POST',
      url: '/api/v1/decisions',
      payload: { title: 'Drop the v1 API', owningTeamId: ctx.teams.org, decidedAt: addDays(recently, -30) },
    })
    const incident = await fileIncident(ctx.as('member').inject, ctx.teams.home, {
      discoveredAt: recently,
      decisionId: decision.json().id,
    })
    await ctx.as('outsider').inject({
      method: 'POST',
      url: `/api/v1/incidents/${incident.id}/impacts`,
      payload: impactBody(ctx.teams.away, { surprise: 2, harm: 2 }),
    })
    const review = await ctx.as('leader').inject({ method: 'GET', url: '/api/v1/leadership/decision-visibility' })
    expect(review.statusCode, review.body).toBe(200)
    const item = review.json().items.find((i: { decisionId: string }) => i.decisionId === decision.json().id)
    expect(item.hurtTeamIds.sort()).toEqual([ctx.teams.home, ctx.teams.away].sort())
    expect(item.harm).toMatchObject({ incidents: 1, weightedHarm: 12 + 4 })
  })

  it('keeps an anonymous impact’s author to themselves and shows a small team as its parent', async () => {
    const incident = await fileIncident(ctx.as('member').inject, ctx.teams.home)
    const added = await ctx.as('outsider').inject({
      method: 'POST',
      url: `/api/v1/incidents/${incident.id}/impacts`,
      payload: impactBody(ctx.teams.away, { anonymous: true }),
    })
    expect(added.statusCode, added.body).toBe(201)
    expect(added.json()).toMatchObject({ isMine: true, reporterId: null, teamId: ctx.teams.away })

    const seen = await ctx.as('leader').inject({ method: 'GET', url: `/api/v1/incidents/${incident.id}/impacts` })
    const [impact] = seen.json().items
    // The away team has two members: others see it as its parent, and the day only.
    expect(impact).toMatchObject({ isMine: false, reporterId: null, teamId: ctx.teams.org })
    expect(impact.createdAt).toMatch(/T00:00:00\.000Z$/)

    await ctx.as('lead').inject({ method: 'POST', url: `/api/v1/incidents/${incident.id}/comments`, payload: { body: 'Noted' } })
    const entries = await activity(incident.id, 'leader')
    // It keeps its day only, so it sorts last in its day, never between the day's named entries by its time.
    expect(entries.items.map((e) => e.summary)).toEqual([
      'Someone (anonymous) added that this hurt The Org too: harm 3 × surprise 4 = 12',
      'Lead Person commented',
      'Member Person filed this incident',
    ])
    const feed = JSON.stringify(entries)
    for (const secret of [ctx.actors.outsider.id, ctx.actors.outsider.email, 'Outsider Person', ctx.teams.away]) {
      expect(feed).not.toContain(secret)
      expect(JSON.stringify(seen.json())).not.toContain(secret)
    }
    // Its author may take it back; a lead of the team others see may not learn it is theirs.
    const byLead = await ctx
      .as('outsideLead')
      .inject({ method: 'DELETE', url: `/api/v1/incidents/${incident.id}/impacts/${impact.id}` })
    expect(byLead.statusCode).toBe(403)
    const byAuthor = await ctx
      .as('outsider')
      .inject({ method: 'DELETE', url: `/api/v1/incidents/${incident.id}/impacts/${impact.id}` })
    expect(byAuthor.statusCode).toBe(204)
  })

  it('refuses what is not another team’s surprise and harm, with the reason', async () => {
    const incident = await fileIncident(ctx.as('member').inject, ctx.teams.home)
    const url = `/api/v1/incidents/${incident.id}/impacts`
    const noHarm = await ctx.as('outsider').inject({ method: 'POST', url, payload: impactBody(ctx.teams.away, { harm: 0 }) })
    expect(noHarm.statusCode).toBe(422)
    expect(noHarm.headers['content-type']).toMatch(/application\/problem\+json/)
    expect(noHarm.json().detail).toMatch(/a surprise without harm is not a misalignment/i)

    const ownTeam = await ctx.as('lead').inject({ method: 'POST', url, payload: impactBody(ctx.teams.home) })
    expect(ownTeam.statusCode).toBe(409)
    expect(ownTeam.json().detail).toMatch(/Your team filed this incident/)

    const notMine = await ctx.as('member').inject({ method: 'POST', url, payload: impactBody(ctx.teams.away) })
    expect(notMine.statusCode).toBe(403)

    expect((await ctx.as('outsider').inject({ method: 'POST', url, payload: impactBody(ctx.teams.away) })).statusCode).toBe(201)
    const twice = await ctx.as('outsideLead').inject({ method: 'POST', url, payload: impactBody(ctx.teams.away) })
    expect(twice.statusCode).toBe(409)
    expect(twice.json().detail).toMatch(/already said this hurt it too/)

    const unknown = await ctx.inject({ method: 'POST', url, payload: impactBody('00000000-0000-4000-8000-000000000000') })
    expect(unknown.statusCode).toBe(422)
    const badField = await ctx.inject({ method: 'POST', url, payload: { ...impactBody(ctx.teams.away), extra: 1 } })
    expect(badField.statusCode).toBe(400)
  })

  it('lets whoever added an impact, or a lead of its team, take it back, and nobody else', async () => {
    const incident = await fileIncident(ctx.as('member').inject, ctx.teams.home)
    const added = await ctx.as('outsideLead').inject({
      method: 'POST',
      url: `/api/v1/incidents/${incident.id}/impacts`,
      payload: impactBody(ctx.teams.away),
    })
    const url = `/api/v1/incidents/${incident.id}/impacts/${added.json().id}`
    expect((await ctx.as('outsider').inject({ method: 'DELETE', url })).statusCode).toBe(403)
    expect((await ctx.as('lead').inject({ method: 'DELETE', url })).statusCode).toBe(403)
    expect((await ctx.as('outsideLead').inject({ method: 'DELETE', url })).statusCode).toBe(204)
    expect((await ctx.as('outsideLead').inject({ method: 'DELETE', url })).statusCode).toBe(404)
  })
})
