import { afterAll, describe, expect, it } from 'vitest'
import { slackSignatureOf } from '../../src/capabilities/slack/signature'
import { incidentBody } from '../fixtures'
import { type TestContext, useTestApp } from '../helper'
import { startFakeSlack } from '../support/fake-slack'

const SECRET = 'test-signing-secret-0123456789abcdef'
const slack = await startFakeSlack()
afterAll(() => slack.close())

const ctx = useTestApp({
  slack: { signingSecret: SECRET, botToken: 'xoxb-test', apiUrl: slack.url, appUrl: 'https://tracker.test' },
})

const AWAY_CHANNEL = 'C0AWAY123'

function interact(c: TestContext, payload: Record<string, unknown>) {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString()
  const at = Math.floor(Date.now() / 1000)
  return c.app.inject({
    method: 'POST',
    url: '/api/v1/integrations/slack/interactions',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(at),
      'x-slack-signature': slackSignatureOf(SECRET, at, body),
    },
    payload: body,
  })
}

/** A decision of the away team, its channel set, and Slack knowing who is who. */
async function setUp(c: TestContext, channel: string | null = AWAY_CHANNEL) {
  slack.calls.length = 0
  slack.failing.clear()
  slack.emails.set('U_AWAYLEAD', c.actors.outsideLead.email)
  slack.emails.set('U_MEMBER', c.actors.member.email)
  const decision = await c.inject({
    method: 'POST',
    url: '/api/v1/decisions',
    payload: { title: 'Sunset Payments API v1 by June', owningTeamId: c.teams.away, decidedAt: '2026-01-10' },
  })
  if (channel) {
    const set = await c.inject({
      method: 'PUT',
      url: `/api/v1/admin/integrations/slack/channels/${c.teams.away}`,
      payload: { channelId: channel },
    })
    expect(set.statusCode).toBe(200)
  }
  return decision.json() as { id: string; title: string }
}

async function file(
  c: TestContext,
  decisionId: string,
  overrides: Record<string, unknown> = {},
  as: 'member' | 'lead' = 'member',
) {
  const res = await c.as(as).inject({
    method: 'POST',
    url: '/api/v1/incidents',
    payload: incidentBody(c.teams.home, { decisionId, missingContext: 'A heads-up two quarters ahead', ...overrides }),
  })
  expect(res.statusCode).toBe(201)
  await c.app.jobs.settled()
  return res.json() as { id: string }
}

const deliveries = async (c: TestContext) => (await c.inject({ url: '/api/v1/admin/integrations/deliveries' })).json()

describe('Slack: telling the deciding team, without blame', () => {
  it('posts once per decision per day, with counts and the missing context, naming nobody', async () => {
    const decision = await setUp(ctx)
    await file(ctx, decision.id)
    await file(ctx, decision.id, { anonymous: true, missingContext: 'Any announcement at all' }, 'lead')
    const posts = slack.callsTo('chat.postMessage')
    expect(posts).toHaveLength(1)
    const message = JSON.stringify(posts[0]?.body)
    expect(posts[0]?.body.channel).toBe(AWAY_CHANNEL)
    expect(message).toContain('Sunset Payments API v1 by June')
    expect(message).toContain('1 team (1 report)')
    expect(message).toContain('A heads-up two quarters ahead')
    expect(message).toContain('Nobody is blamed')
    for (const actor of [ctx.actors.member, ctx.actors.lead]) {
      expect(message).not.toContain(actor.email)
      expect(message).not.toContain(actor.displayName)
    }
    const log = await deliveries(ctx)
    expect(log).toMatchObject({ total: 1, items: [{ status: 'sent', kind: 'decision-notice' }] })
    expect(JSON.stringify(log)).not.toContain(ctx.actors.member.email)
  })

  it('never tells anyone about a restricted report', async () => {
    const decision = await setUp(ctx)
    await file(ctx, decision.id, { restricted: true })
    expect(slack.callsTo('chat.postMessage')).toEqual([])
    expect((await deliveries(ctx)).total).toBe(0)
  })

  it('logs a skipped notice when the deciding team has no channel', async () => {
    const decision = await setUp(ctx, null)
    await file(ctx, decision.id)
    expect(slack.callsTo('chat.postMessage')).toEqual([])
    expect((await deliveries(ctx)).items).toMatchObject([{ status: 'skipped' }])
  })

  it('lets the deciding team state its tradeoff from the message, which answers the open request', async () => {
    const decision = await setUp(ctx)
    const asked = await ctx.as('leader').inject({
      method: 'POST',
      url: '/api/v1/leadership/tradeoff-requests',
      payload: { decisionId: decision.id },
    })
    expect(asked.statusCode).toBe(201)
    await ctx.app.jobs.settled()
    // The request reaches the deciding team in its channel, with the button that answers it.
    const [request] = slack.callsTo('chat.postMessage')
    expect(request?.body.channel).toBe(AWAY_CHANNEL)
    expect(String(request?.body.text)).toContain('Leadership asks what “Sunset Payments API v1 by June” prefers')
    expect(JSON.stringify(request?.body.blocks)).toContain('notice_tradeoff')
    expect((await deliveries(ctx)).items).toMatchObject([{ kind: 'tradeoff-request', status: 'sent' }])
    const pressed = await interact(ctx, {
      type: 'block_actions',
      user: { id: 'U_AWAYLEAD' },
      trigger_id: 'trigger-2',
      channel: { id: AWAY_CHANNEL },
      actions: [{ action_id: 'notice_tradeoff', value: decision.id }],
    })
    expect(pressed.statusCode).toBe(200)
    const opened = slack.callsTo('views.open')[0]?.body.view as { callback_id: string; private_metadata: string }
    expect(opened.callback_id).toBe('state_tradeoff')
    const values = {
      prefer: { value: { value: 'One payments API' } },
      over: { value: { value: 'Backwards compatibility' } },
      for_goal: { value: { value: 'Halve integration cost by Q4' } },
    }
    const saved = await interact(ctx, {
      type: 'view_submission',
      user: { id: 'U_AWAYLEAD' },
      view: { id: 'V9', callback_id: 'state_tradeoff', private_metadata: opened.private_metadata, state: { values } },
    })
    expect(saved.statusCode).toBe(200)
    expect(saved.body).toBe('')
    const after = (await ctx.inject({ url: `/api/v1/decisions/${decision.id}` })).json()
    expect(after.tradeoff).toMatchObject({
      prefer: 'One payments API',
      over: 'Backwards compatibility',
      forGoal: 'Halve integration cost by Q4',
    })
    const requests = (await ctx.inject({ url: `/api/v1/leadership/tradeoff-requests?decisionId=${decision.id}` })).json()
    expect(JSON.stringify(requests)).toContain('"status":"answered"')
  })

  it('refuses the tradeoff from someone who may not edit the decision, in the form', async () => {
    const decision = await setUp(ctx)
    const values = {
      prefer: { value: { value: 'X' } },
      over: { value: { value: 'Y' } },
      for_goal: { value: { value: 'Z' } },
    }
    const res = await interact(ctx, {
      type: 'view_submission',
      user: { id: 'U_MEMBER' },
      view: {
        id: 'V10',
        callback_id: 'state_tradeoff',
        private_metadata: JSON.stringify({ decisionId: decision.id, channelId: AWAY_CHANNEL }),
        state: { values },
      },
    })
    expect(res.json()).toMatchObject({ response_action: 'errors' })
    expect(res.json().errors.prefer).toContain('may not')
    expect((await ctx.inject({ url: `/api/v1/decisions/${decision.id}` })).json().tradeoff).toBeNull()
  })

  it('"We see it" marks the message as seen and keeps the tradeoff button', async () => {
    const decision = await setUp(ctx)
    await file(ctx, decision.id)
    const posted = slack.callsTo('chat.postMessage')[0]?.body as { blocks: unknown[] }
    await interact(ctx, {
      type: 'block_actions',
      user: { id: 'U_AWAYLEAD' },
      channel: { id: AWAY_CHANNEL },
      message: { ts: '1700000000.000100', blocks: posted.blocks },
      actions: [{ action_id: 'notice_seen', value: decision.id }],
    })
    const [update] = slack.callsTo('chat.update')
    expect(update?.body).toMatchObject({ channel: AWAY_CHANNEL, ts: '1700000000.000100' })
    const blocks = JSON.stringify(update?.body.blocks)
    expect(blocks).not.toContain('notice_seen')
    expect(blocks).toContain('notice_tradeoff')
    expect(blocks).toContain('<@U_AWAYLEAD> has seen it.')
  })
})

describe('Integrations admin', () => {
  it('shows whether the secrets are set, never their values, to admins only', async () => {
    await setUp(ctx)
    const status = await ctx.inject({ url: '/api/v1/admin/integrations' })
    expect(status.json()).toMatchObject({
      slack: {
        configured: true,
        signingSecret: 'set',
        botToken: 'set',
        commandUrl: 'https://tracker.test/api/v1/integrations/slack/commands',
      },
      channels: [{ teamId: ctx.teams.away, channelId: AWAY_CHANNEL, teamName: 'Away Team' }],
    })
    expect(status.body).not.toContain(SECRET)
    expect(status.body).not.toContain('xoxb-test')
    expect((await ctx.as('leader').inject({ url: '/api/v1/admin/integrations' })).statusCode).toBe(403)
  })

  it('refuses a channel #name with a message that says what to give instead', async () => {
    const res = await ctx.inject({
      method: 'PUT',
      url: `/api/v1/admin/integrations/slack/channels/${ctx.teams.home}`,
      payload: { channelId: '#general' },
    })
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toContain('application/problem+json')
    expect(JSON.stringify(res.json())).toContain('channelId')
  })

  it('sends a test message, and says what to do when Slack refuses it', async () => {
    await setUp(ctx)
    const sent = await ctx.inject({
      method: 'POST',
      url: '/api/v1/admin/integrations/slack/test',
      payload: { teamId: ctx.teams.away },
    })
    expect(sent.statusCode).toBe(204)
    expect(slack.callsTo('chat.postMessage')[0]?.body.channel).toBe(AWAY_CHANNEL)
    slack.failing.set('chat.postMessage', 'not_in_channel')
    const refused = await ctx.inject({
      method: 'POST',
      url: '/api/v1/admin/integrations/slack/test',
      payload: { teamId: ctx.teams.away },
    })
    expect(refused.statusCode).toBe(409)
    expect(refused.json().detail).toContain('invite it')
    const log = await deliveries(ctx)
    expect(log.items.map((d: { status: string }) => d.status)).toEqual(['failed', 'sent'])
    const noChannel = await ctx.inject({
      method: 'POST',
      url: '/api/v1/admin/integrations/slack/test',
      payload: { teamId: ctx.teams.home },
    })
    expect(noChannel.statusCode).toBe(409)
    expect(noChannel.json().detail).toContain('has no Slack channel')
  })
})
