import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { fileIncident } from '../fixtures'
import { useTestApp } from '../helper'
import { homeAction } from './support'

const ctx = useTestApp()
const jira = 'https://acme.atlassian.net/browse/ABC-123'

describe('issue links on actions', () => {
  it('adds a link with its recognized tracker and key, lists it and removes it', async () => {
    const { actionId } = await homeAction(ctx)
    const added = await ctx
      .as('lead')
      .inject({ method: 'POST', url: `/api/v1/actions/${actionId}/links`, payload: { url: jira } })
    expect(added.statusCode).toBe(201)
    expect(added.json()).toMatchObject({
      subjectType: 'action',
      subjectId: actionId,
      tracker: 'jira',
      key: 'ABC-123',
      state: 'open',
    })

    const github = await ctx.as('lead').inject({
      method: 'POST',
      url: `/api/v1/actions/${actionId}/links`,
      payload: { url: 'https://github.com/Octo-Org/Hello-World/pull/12/files' },
    })
    expect(github.json()).toMatchObject({ tracker: 'github', key: 'octo-org/hello-world#12' })

    const listed = await ctx.as('member').inject({ url: `/api/v1/actions/${actionId}/links` })
    expect(listed.statusCode).toBe(200)
    expect(listed.json().items.map((l: { key: string }) => l.key)).toEqual(['ABC-123', 'octo-org/hello-world#12'])

    const removed = await ctx.as('lead').inject({ method: 'DELETE', url: `/api/v1/actions/${actionId}/links/${added.json().id}` })
    expect(removed.statusCode).toBe(204)
    const after = await ctx.inject({ url: `/api/v1/actions/${actionId}/links` })
    expect(after.json().items).toHaveLength(1)

    const audit = await ctx.inject({ url: `/api/v1/audit?entityType=action&entityId=${actionId}` })
    expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['link', 'unlink']))
  })

  it('answers 422 problem+json naming the url field for an address that is no issue', async () => {
    const { actionId } = await homeAction(ctx)
    const res = await ctx.inject({
      method: 'POST',
      url: `/api/v1/actions/${actionId}/links`,
      payload: { url: 'https://gitlab.com/acme/app/-/issues/3' },
    })
    expect(res.statusCode).toBe(422)
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
    expect(res.json().errors).toEqual([{ field: 'url', message: expect.stringMatching(/gitlab.com is not a tracker/) }])
  })

  it('refuses the same issue twice on one action with 409', async () => {
    const { actionId } = await homeAction(ctx)
    const add = () =>
      ctx.inject({ method: 'POST', url: `/api/v1/actions/${actionId}/links`, payload: { url: `${jira}?focused=1` } })
    expect((await add()).statusCode).toBe(201)
    const again = await add()
    expect(again.statusCode).toBe(409)
    expect(again.json().detail).toMatch(/already links/)
  })

  it("refuses a link to another team's action: members and the away team's lead get 403", async () => {
    const { actionId } = await homeAction(ctx)
    for (const who of ['member', 'outsider', 'outsideLead'] as const) {
      const res = await ctx.as(who).inject({ method: 'POST', url: `/api/v1/actions/${actionId}/links`, payload: { url: jira } })
      expect(res.statusCode, who).toBe(403)
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
    }
    const listed = await ctx.inject({ url: `/api/v1/actions/${actionId}/links` })
    expect(listed.json().items).toEqual([])
  })

  it('answers 404 for an unknown action or link', async () => {
    const { actionId } = await homeAction(ctx)
    const unknownAction = await ctx.inject({ url: `/api/v1/actions/${randomUUID()}/links` })
    expect(unknownAction.statusCode).toBe(404)
    const unknownLink = await ctx.inject({ method: 'DELETE', url: `/api/v1/actions/${actionId}/links/${randomUUID()}` })
    expect(unknownLink.statusCode).toBe(404)
  })
})

describe('issue links on incidents', () => {
  it('lets the reporter link their incident by its MIS key, and not another team', async () => {
    const incident = (await fileIncident(ctx.as('member').inject, ctx.teams.home)) as { id: string; key: string }
    const url = `/api/v1/incidents/${incident.key}/links`
    const added = await ctx.as('member').inject({
      method: 'POST',
      url,
      payload: { url: 'https://linear.app/acme/issue/ENG-123/fix-the-login-loop' },
    })
    expect(added.statusCode).toBe(201)
    expect(added.json()).toMatchObject({ subjectType: 'incident', subjectId: incident.id, tracker: 'linear', key: 'ENG-123' })

    const outsider = await ctx.as('outsider').inject({ method: 'POST', url, payload: { url: jira } })
    expect(outsider.statusCode).toBe(403)
    const outsideLead = await ctx.as('outsideLead').inject({ method: 'DELETE', url: `${url}/${added.json().id}` })
    expect(outsideLead.statusCode).toBe(403)

    const listed = await ctx.as('outsider').inject({ url: `/api/v1/incidents/${incident.id}/links` })
    expect(listed.json().items).toHaveLength(1)
  })

  it('hides the links of a restricted incident from other teams (404)', async () => {
    const incident = (await fileIncident(ctx.as('member').inject, ctx.teams.home, { restricted: true })) as { id: string }
    const res = await ctx.as('outsider').inject({ url: `/api/v1/incidents/${incident.id}/links` })
    expect(res.statusCode).toBe(404)
  })
})
