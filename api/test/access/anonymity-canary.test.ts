import { clusterMembers, clusters } from '@misalign/db'
import { describe, expect, it } from 'vitest'
import { incidentBody } from '../fixtures'
import { type ActorName, useTestApp } from '../helper'

const ctx = useTestApp()
const ANONYMOUS_CANARY = 'canary-anon-7f3a9c'
const RESTRICTED_CANARY = 'canary-restricted-41be07'

/** Every GET route of the OpenAPI document, with its {params} filled from the ids we know. */
function getUrls(ids: string[]): string[] {
  const document = ctx.app.swagger() as { paths: Record<string, Record<string, unknown>> }
  const urls: string[] = []
  for (const [path, methods] of Object.entries(document.paths)) {
    if (!('get' in methods)) continue
    if (!path.includes('{')) urls.push(path)
    else for (const id of ids) urls.push(path.replace(/\{[^}]+\}/g, id))
  }
  return urls
}

/** Objects in a JSON answer that mention the report (by id or canary), where identity must not appear. */
function objectsMentioning(value: unknown, needles: string[], found: unknown[] = []): unknown[] {
  if (Array.isArray(value)) for (const item of value) objectsMentioning(item, needles, found)
  else if (value && typeof value === 'object') {
    const own = Object.values(value).filter((v) => typeof v !== 'object' || v === null)
    if (own.some((v) => needles.some((needle) => String(v).includes(needle)))) found.push(value)
    for (const child of Object.values(value)) if (child && typeof child === 'object') objectsMentioning(child, needles, found)
  }
  return found
}

describe('anonymity and restriction hold across every read', () => {
  it('never reveal an anonymous reporter, nor a restricted report outside its team', async () => {
    const reporter = ctx.actors.member
    // A gap holding both reports, so the gap register's reads (ranking, impact, context) are walked too.
    const gapId: string = (
      await ctx.inject({ method: 'POST', url: '/api/v1/strategy-gaps', payload: { title: 'Canary gap' } })
    ).json().id
    const anonymous = await ctx.as('member').inject({
      method: 'POST',
      url: '/api/v1/incidents',
      payload: incidentBody(reporter.teamId, {
        anonymous: true,
        gapId,
        title: `Surprise ${ANONYMOUS_CANARY}`,
        narrative: ANONYMOUS_CANARY,
      }),
    })
    expect(anonymous.statusCode).toBe(201)
    const restricted = await ctx.as('lead').inject({
      method: 'POST',
      url: '/api/v1/incidents',
      payload: incidentBody(ctx.actors.lead.teamId, { restricted: true, gapId, narrative: RESTRICTED_CANARY }),
    })
    expect(restricted.statusCode).toBe(201)
    const anonymousId: string = anonymous.json().id
    const restrictedId: string = restricted.json().id
    const identity = [reporter.id, reporter.email, reporter.displayName]
    const logsBefore = ctx.logs.length

    const ids = [anonymousId, restrictedId, 'MIS-1', 'MIS-2', reporter.id, ctx.teams.home, gapId]
    // A retro on a cluster of both reports, so the retro workspace and its export are walked too.
    const [cluster] = await ctx.database.db.insert(clusters).values({ title: 'Canary cluster', status: 'confirmed' }).returning()
    if (!cluster) throw new Error('no cluster')
    ids.push(cluster.id)
    await ctx.database.db
      .insert(clusterMembers)
      .values([anonymousId, restrictedId].map((incidentId) => ({ clusterId: cluster.id, incidentId, source: 'auto' as const })))
    const retro = await ctx.inject({
      method: 'POST',
      url: '/api/v1/retros',
      payload: { clusterId: cluster.id, title: 'Canary retro' },
    })
    expect(retro.statusCode).toBe(201)
    ids.push(retro.json().id as string)
    const viewers: ActorName[] = ['lead', 'leader', 'admin', 'outsider']
    let reads = 0
    for (const viewer of viewers) {
      for (const url of getUrls(ids)) {
        const res = await ctx.as(viewer).inject({ method: 'GET', url })
        reads += 1
        expect(res.statusCode, `${viewer} GET ${url}`).toBeLessThan(500)
        if (viewer === 'outsider') expect(res.body, `outsider GET ${url}`).not.toContain(RESTRICTED_CANARY)
        const body = String(res.headers['content-type'] ?? '').includes('json') ? JSON.parse(res.body || 'null') : res.body
        for (const object of objectsMentioning(body, [anonymousId, ANONYMOUS_CANARY])) {
          const text = JSON.stringify(object)
          for (const secret of identity) expect(text, `${viewer} GET ${url} links the reporter`).not.toContain(secret)
        }
      }
    }
    expect(reads).toBeGreaterThan(50)

    // Others see the day, not the second; the reporter sees it is theirs.
    const seenByLead = (await ctx.as('lead').inject({ method: 'GET', url: `/api/v1/incidents/${anonymousId}` })).json()
    expect(seenByLead.createdAt).toMatch(/T00:00:00\.000Z$/)
    expect(seenByLead).toMatchObject({ reporterId: null, isMine: false })
    const seenByReporter = (await ctx.as('member').inject({ method: 'GET', url: `/api/v1/incidents/${anonymousId}` })).json()
    expect(seenByReporter).toMatchObject({ reporterId: null, isMine: true })

    // The audit entry of the anonymous filing says "anonymous", with the day only.
    const audit = (await ctx.inject({ method: 'GET', url: `/api/v1/audit?entityId=${anonymousId}` })).json().items
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ actorId: null, actorLabel: 'anonymous' })
    expect(audit[0].at).toMatch(/T00:00:00\.000Z$/)

    // No log line, from filing to every read, carries the reporter or the texts.
    for (const line of ctx.logs) {
      const text = JSON.stringify(line)
      for (const secret of [...identity, ANONYMOUS_CANARY, RESTRICTED_CANARY]) expect(text).not.toContain(secret)
    }
    expect(ctx.logs.length).toBeGreaterThan(logsBefore)
  }, 120_000)

  it('lets the reporter find and edit their own anonymous report', async () => {
    const filed = await ctx.as('member').inject({
      method: 'POST',
      url: '/api/v1/incidents',
      payload: incidentBody(ctx.actors.member.teamId, { anonymous: true }),
    })
    const edited = await ctx.as('member').inject({
      method: 'PATCH',
      url: `/api/v1/incidents/${filed.json().id}`,
      headers: { 'if-match': '"1"' },
      payload: { narrative: 'More detail, added later' },
    })
    expect(edited.statusCode).toBe(200)
    const entries = (await ctx.inject({ method: 'GET', url: `/api/v1/audit?entityId=${filed.json().id}` })).json().items
    for (const entry of entries) expect(entry.actorId).toBeNull()
  })

  it('makes a restricted report not exist for members of other teams', async () => {
    const filed = await ctx.as('member').inject({
      method: 'POST',
      url: '/api/v1/incidents',
      payload: incidentBody(ctx.actors.member.teamId, { restricted: true }),
    })
    const id = filed.json().id
    expect((await ctx.as('outsider').inject({ method: 'GET', url: `/api/v1/incidents/${id}` })).statusCode).toBe(404)
    expect((await ctx.as('outsider').inject({ method: 'GET', url: '/api/v1/incidents' })).json().items).toHaveLength(0)
    const patch = await ctx
      .as('outsider')
      .inject({ method: 'PATCH', url: `/api/v1/incidents/${id}`, headers: { 'if-match': '"1"' }, payload: { status: 'triaged' } })
    expect(patch.statusCode).toBe(404)
    expect((await ctx.as('leader').inject({ method: 'GET', url: `/api/v1/incidents/${id}` })).statusCode).toBe(200)
    expect((await ctx.as('lead').inject({ method: 'GET', url: `/api/v1/incidents/${id}` })).statusCode).toBe(200)
  })

  it('shows an anonymous report from a team under five people as its parent team', async () => {
    const filed = await ctx.as('member').inject({
      method: 'POST',
      url: '/api/v1/incidents',
      payload: incidentBody(ctx.actors.member.teamId, { anonymous: true }),
    })
    const id = filed.json().id
    expect(filed.json().reportingTeamId).toBe(ctx.teams.home)
    const seen = (await ctx.as('outsider').inject({ method: 'GET', url: `/api/v1/incidents/${id}` })).json()
    expect(seen.reportingTeamId).toBe(ctx.teams.org)
    const byTeam = await ctx.as('outsider').inject({ method: 'GET', url: `/api/v1/incidents?reportingTeamId=${ctx.teams.home}` })
    expect(byTeam.json().items).toHaveLength(0)
  })
})

describe('logs', () => {
  it('carry the route and status of each request, never its address, query string or body', async () => {
    await ctx.as('member').inject({ method: 'GET', url: '/api/v1/incidents?q=secret-search-words' })
    await ctx.as('member').inject({
      method: 'POST',
      url: '/api/v1/incidents',
      remoteAddress: '203.0.113.77',
      payload: incidentBody(ctx.actors.member.teamId, { narrative: 'body-text-never-logged' }),
    })
    // The filing's placement job logs too, and must not outlive the app.
    await ctx.app.jobs.settled()
    const lines = ctx.logs.map((line) => JSON.stringify(line))
    expect(
      lines.some((line) => line.includes('"route":"/api/v1/incidents/"') || line.includes('"route":"/api/v1/incidents"')),
    ).toBe(true)
    for (const secret of [
      'secret-search-words',
      '203.0.113.77',
      '127.0.0.1',
      'body-text-never-logged',
      ctx.actors.member.email,
    ]) {
      expect(lines.join('\n')).not.toContain(secret)
    }
  })
})
