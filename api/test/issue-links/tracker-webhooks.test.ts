import { outboxEvents, sql } from '@misalign/db'
import { describe, expect, it } from 'vitest'
import { hubSignatureOf, linearSignatureOf } from '../../src/capabilities/issue-links/signatures'
import { fileIncident } from '../fixtures'
import { type TestContext, useTestApp } from '../helper'
import { actionById, homeAction, payload } from './support'

const secrets = {
  github: 'github-test-secret-0123456789',
  linear: 'linear-test-secret-0123456789',
  jira: 'jira-test-secret-0123456789',
}
const ctx = useTestApp({ issueTrackers: secrets })

const github = (event: string, body: string, signature = hubSignatureOf(secrets.github, body)) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/v1/integrations/github/webhook',
    headers: { 'content-type': 'application/json', 'x-github-event': event, 'x-hub-signature-256': signature },
    payload: body,
  })

/** A recorded Linear delivery re-stamped "now": Linear refuses nothing older than a minute, nor do we. */
const linearBody = (name: string, at = Date.now()) =>
  payload(name).replace(/"webhookTimestamp": \d+/, `"webhookTimestamp": ${at}`)
const linear = (body: string, signature = linearSignatureOf(secrets.linear, body)) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/v1/integrations/linear/webhook',
    headers: { 'content-type': 'application/json', 'linear-signature': signature },
    payload: body,
  })

const jira = (body: string, signature = hubSignatureOf(secrets.jira, body)) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/v1/integrations/jira/webhook',
    headers: { 'content-type': 'application/json', 'x-hub-signature': signature },
    payload: body,
  })

async function linkedAction(url: string) {
  const { actionId, retroId } = await homeAction(ctx)
  const link = await ctx.inject({ method: 'POST', url: `/api/v1/actions/${actionId}/links`, payload: { url } })
  expect(link.statusCode).toBe(201)
  return { actionId, retroId, linkId: link.json().id as string }
}

const linksOf = async (c: TestContext, actionId: string) =>
  (await c.inject({ url: `/api/v1/actions/${actionId}/links` })).json().items as { state: string; closedAt: string | null }[]

describe('GitHub webhook', () => {
  const issueUrl = 'https://github.com/Codertocat/Hello-World/issues/1'

  it('marks the linked action done when the issue closes: audited, link closed, and a replay changes nothing', async () => {
    const { actionId, retroId } = await linkedAction(issueUrl)
    const res = await github('issues', payload('github-issues-closed.json'))
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({
      outcome: 'closed',
      tracker: 'github',
      key: 'codertocat/hello-world#1',
      links: 1,
      actionsDone: 1,
    })

    const action = await actionById(ctx, retroId, actionId)
    expect(action).toMatchObject({ status: 'done', version: 2 })
    const [link] = await linksOf(ctx, actionId)
    expect(link).toMatchObject({ state: 'closed', closedAt: expect.any(String) })
    const audit = await ctx.inject({ url: `/api/v1/audit?entityType=action&entityId=${actionId}` })
    expect(audit.json().items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'update',
          actorLabel: 'GitHub webhook',
          changes: expect.objectContaining({ status: { before: 'open', after: 'done' } }),
        }),
        expect.objectContaining({ action: 'issue_closed', actorLabel: 'GitHub webhook' }),
      ]),
    )

    const events = await ctx.database.db.select().from(outboxEvents).where(sql`${outboxEvents.aggregateId} = ${actionId}`)
    expect(events.map((e) => [e.type, e.aggregateVersion])).toEqual([
      ['action.created', 1],
      ['action.updated', 2],
    ])

    const replay = await github('issues', payload('github-issues-closed.json'))
    expect(replay.json()).toMatchObject({ outcome: 'unchanged', links: 0, actionsDone: 0 })
    expect(await actionById(ctx, retroId, actionId)).toMatchObject({ status: 'done', version: 2 })
  })

  it('reopens the link but leaves the action done when the issue reopens', async () => {
    const { actionId, retroId } = await linkedAction(issueUrl)
    await github('issues', payload('github-issues-closed.json'))
    const res = await github('issues', payload('github-issues-reopened.json'))
    expect(res.json()).toMatchObject({ outcome: 'reopened', links: 1, actionsDone: 0 })
    expect(await linksOf(ctx, actionId)).toEqual([expect.objectContaining({ state: 'open', closedAt: null })])
    expect(await actionById(ctx, retroId, actionId)).toMatchObject({ status: 'done' })
  })

  it('answers 401 problem+json for a bad or missing signature and changes nothing', async () => {
    const { actionId, retroId } = await linkedAction(issueUrl)
    const body = payload('github-issues-closed.json')
    const wrong = await github('issues', body, hubSignatureOf('someone-elses-secret-0000', body))
    expect(wrong.statusCode).toBe(401)
    expect(wrong.headers['content-type']).toMatch(/application\/problem\+json/)
    expect(wrong.json().detail).toMatch(/GITHUB_WEBHOOK_SECRET/)
    const tampered = await github('issues', body.replace('"number": 1', '"number": 2'), hubSignatureOf(secrets.github, body))
    expect(tampered.statusCode).toBe(401)
    const unsigned = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/integrations/github/webhook',
      headers: { 'content-type': 'application/json', 'x-github-event': 'issues' },
      payload: body,
    })
    expect(unsigned.statusCode).toBe(401)
    expect(await actionById(ctx, retroId, actionId)).toMatchObject({ status: 'open', version: 1 })
    expect(await linksOf(ctx, actionId)).toEqual([expect.objectContaining({ state: 'open' })])
  })

  it('closes on a merged pull request, not on one closed unmerged', async () => {
    const { actionId, retroId } = await linkedAction('https://github.com/Codertocat/Hello-World/pull/2')
    const unmerged = await github('pull_request', payload('github-pull-request-closed-unmerged.json'))
    expect(unmerged.json()).toMatchObject({ outcome: 'ignored', key: 'codertocat/hello-world#2' })
    expect(await actionById(ctx, retroId, actionId)).toMatchObject({ status: 'open' })
    const merged = await github('pull_request', payload('github-pull-request-closed-merged.json'))
    expect(merged.json()).toMatchObject({ outcome: 'closed', actionsDone: 1 })
    expect(await actionById(ctx, retroId, actionId)).toMatchObject({ status: 'done' })
  })

  it('answers 200 "no link" for an issue nothing links, so GitHub does not retry', async () => {
    const res = await github('issues', payload('github-issues-closed.json'))
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ outcome: 'no link', links: 0 })
  })

  it('closes only the link of an incident, never the incident', async () => {
    const incident = await fileIncident(ctx.inject, ctx.teams.home)
    await ctx.inject({ method: 'POST', url: `/api/v1/incidents/${incident.key}/links`, payload: { url: issueUrl } })
    const res = await github('issues', payload('github-issues-closed.json'))
    expect(res.json()).toMatchObject({ outcome: 'closed', links: 1, actionsDone: 0 })
    const after = await ctx.inject({ url: `/api/v1/incidents/${incident.key}` })
    expect(after.json()).toMatchObject({ status: 'open', version: incident.version })
  })
})

describe('Linear webhook', () => {
  const issueUrl = 'https://linear.app/acme/issue/ENG-123/share-the-policy'

  it('marks the action done on a completed issue, and only reopens the link when it moves back', async () => {
    const { actionId, retroId } = await linkedAction(issueUrl)
    const done = await linear(linearBody('linear-issue-completed.json'))
    expect(done.json()).toMatchObject({ outcome: 'closed', tracker: 'linear', key: 'ENG-123', actionsDone: 1 })
    expect(await actionById(ctx, retroId, actionId)).toMatchObject({ status: 'done' })
    const again = await linear(linearBody('linear-issue-completed.json'))
    expect(again.json()).toMatchObject({ outcome: 'unchanged', actionsDone: 0 })
    const reopened = await linear(linearBody('linear-issue-reopened.json'))
    expect(reopened.json()).toMatchObject({ outcome: 'reopened', links: 1 })
    expect(await actionById(ctx, retroId, actionId)).toMatchObject({ status: 'done' })
  })

  it('refuses a bad signature, and a webhookTimestamp more than 60 s away even when signed', async () => {
    const { actionId, retroId } = await linkedAction(issueUrl)
    const body = linearBody('linear-issue-completed.json')
    const wrong = await linear(body, linearSignatureOf('someone-elses-secret-0000', body))
    expect(wrong.statusCode).toBe(401)
    const stale = await linear(linearBody('linear-issue-completed.json', Date.now() - 61_000))
    expect(stale.statusCode).toBe(401)
    expect(stale.json().detail).toMatch(/60 seconds/)
    expect(await actionById(ctx, retroId, actionId)).toMatchObject({ status: 'open' })
  })
})

describe('Jira webhook', () => {
  it('marks the action done when the status category is done, reopens only the link after', async () => {
    const { actionId, retroId } = await linkedAction('https://acme.atlassian.net/browse/ABC-123')
    const done = await jira(payload('jira-issue-updated-done.json'))
    expect(done.json()).toMatchObject({ outcome: 'closed', tracker: 'jira', key: 'ABC-123', actionsDone: 1 })
    expect(await actionById(ctx, retroId, actionId)).toMatchObject({ status: 'done' })
    const reopened = await jira(payload('jira-issue-updated-reopened.json'))
    expect(reopened.json()).toMatchObject({ outcome: 'reopened', links: 1 })
    expect(await actionById(ctx, retroId, actionId)).toMatchObject({ status: 'done' })
  })

  it('answers 401 for a bad signature and changes nothing', async () => {
    const { actionId, retroId } = await linkedAction('https://acme.atlassian.net/browse/ABC-123')
    const body = payload('jira-issue-updated-done.json')
    const res = await jira(body, 'sha256=0000')
    expect(res.statusCode).toBe(401)
    expect(res.json().detail).toMatch(/JIRA_WEBHOOK_SECRET/)
    expect(await actionById(ctx, retroId, actionId)).toMatchObject({ status: 'open' })
  })
})
