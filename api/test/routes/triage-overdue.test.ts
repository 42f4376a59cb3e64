import { clusterMembers, clusters } from '@misalign/db'
import { describe, expect, it } from 'vitest'
import { fileIncident } from '../fixtures'
import { type ActorName, useTestApp } from '../helper'

const ctx = useTestApp()

async function retroOn(teamId: string): Promise<string> {
  const incident = await fileIncident(ctx.inject, teamId)
  // The engine places each filed incident after the response; let it finish first.
  await ctx.app.jobs.settled()
  const [cluster] = await ctx.database.db.insert(clusters).values({ title: 'Cluster', status: 'confirmed' }).returning()
  if (!cluster) throw new Error('no cluster')
  await ctx.database.db.insert(clusterMembers).values({ clusterId: cluster.id, incidentId: incident.id, source: 'auto' })
  const res = await ctx.inject({ method: 'POST', url: '/api/v1/retros', payload: { clusterId: cluster.id, title: 'Retro' } })
  return res.json().id
}

async function addAction(retroId: string, ownerTeamId: string, description: string, dueAt: string | null): Promise<string> {
  const res = await ctx.inject({
    method: 'POST',
    url: `/api/v1/retros/${retroId}/actions`,
    payload: { description, ownerTeamId, kind: 'share_strategy', dueAt },
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json().id
}

const overdue = (as: ActorName, query = '') => ctx.as(as).inject({ url: `/api/v1/triage/overdue-actions${query}` })
const descriptions = (res: { json(): { items: { description: string }[] } }) => res.json().items.map((a) => a.description)

describe('GET /api/v1/triage/overdue-actions', () => {
  it('lists open actions past their due date, most overdue first: a lead’s teams’, or every team’s for a leader', async () => {
    const home = await retroOn(ctx.teams.home)
    const away = await retroOn(ctx.teams.away)
    await addAction(home, ctx.teams.home, 'home, late', '2020-03-01')
    await addAction(home, ctx.teams.home, 'home, later', '2020-01-01')
    await addAction(home, ctx.teams.home, 'home, not due', '2999-01-01')
    await addAction(home, ctx.teams.home, 'home, no date', null)
    const done = await addAction(home, ctx.teams.home, 'home, done', '2020-01-01')
    await ctx.inject({
      method: 'PATCH',
      url: `/api/v1/actions/${done}`,
      headers: { 'if-match': '"1"' },
      payload: { status: 'done' },
    })
    await addAction(away, ctx.teams.away, 'away, late', '2020-02-01')

    const lead = await overdue('lead')
    expect(lead.statusCode).toBe(200)
    expect(descriptions(lead)).toEqual(['home, later', 'home, late'])
    expect(lead.json().total).toBe(2)

    const leader = await overdue('leader')
    expect(descriptions(leader)).toEqual(['home, later', 'away, late', 'home, late'])
    expect(descriptions(await overdue('lead', `?teamId=${ctx.teams.away}`))).toEqual(['away, late'])
  })

  it('pages with a cursor and counts every page', async () => {
    const home = await retroOn(ctx.teams.home)
    for (const day of ['01', '02', '03']) await addAction(home, ctx.teams.home, `due 2020-01-${day}`, `2020-01-${day}`)
    const first = await overdue('admin', '?limit=2')
    expect(descriptions(first)).toEqual(['due 2020-01-01', 'due 2020-01-02'])
    expect(first.json().total).toBe(3)
    const second = await overdue('admin', `?limit=2&cursor=${first.json().nextCursor}`)
    expect(descriptions(second)).toEqual(['due 2020-01-03'])
    expect(second.json().nextCursor).toBeNull()
  })

  it('is for leads, leaders and admins, and answers a doctored cursor with a problem', async () => {
    expect((await overdue('member')).statusCode).toBe(403)
    const bad = await overdue('admin', '?cursor=nonsense')
    expect(bad.statusCode).toBe(400)
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/)
    expect(bad.json().detail).toMatch(/cursor/)
  })
})
