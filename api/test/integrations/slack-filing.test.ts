import { afterAll, describe, expect, it } from 'vitest'
import { slackSignatureOf } from '../../src/capabilities/slack/signature'
import { type TestContext, useTestApp } from '../helper'
import { startFakeSlack } from '../support/fake-slack'

const SECRET = 'test-signing-secret-0123456789abcdef'
const slack = await startFakeSlack()
afterAll(() => slack.close())

const ctx = useTestApp({
  slack: { signingSecret: SECRET, botToken: 'xoxb-test', apiUrl: slack.url, appUrl: 'https://tracker.test' },
})

const form = 'application/x-www-form-urlencoded'
const now = () => Math.floor(Date.now() / 1000)

/** Posts a body to a Slack request URL, signed as Slack signs it (or as told). */
function post(c: TestContext, path: string, body: string, sign: { secret?: string; at?: number; signature?: string } = {}) {
  const at = sign.at ?? now()
  return c.app.inject({
    method: 'POST',
    url: `/api/v1/integrations/slack/${path}`,
    headers: {
      'content-type': form,
      'x-slack-request-timestamp': String(at),
      'x-slack-signature': sign.signature ?? slackSignatureOf(sign.secret ?? SECRET, at, body),
    },
    payload: body,
  })
}

const command = (user = 'U_MEMBER') =>
  new URLSearchParams({
    command: '/misalignment',
    user_id: user,
    trigger_id: 'trigger-1',
    channel_id: 'C_GENERAL',
    text: '',
  }).toString()

const interaction = (payload: Record<string, unknown>) => new URLSearchParams({ payload: JSON.stringify(payload) }).toString()

type Answers = Record<string, string | string[] | undefined>

/** A filled-in modal as Slack sends it back: block id → { value: state }. */
function submission(c: TestContext, answers: Answers = {}, viewId = 'V1') {
  const filled: Answers = {
    title: 'Payments API v1 is switched off next month',
    reporting_team: c.teams.home,
    discovered_at: '2026-03-14',
    discovery_channel: 'code_review',
    narrative: 'We found out in code review.',
    expected: 'A deprecation window of two quarters',
    surprise: '4',
    harm: '3',
    harmed_goal: 'Ship the new checkout by April',
    ...answers,
  }
  const selects = new Set(['reporting_team', 'discovery_channel', 'surprise', 'harm', 'decision'])
  const values: Record<string, Record<string, unknown>> = {}
  for (const [block, answer] of Object.entries(filled)) {
    if (answer === undefined) continue
    const state = Array.isArray(answer)
      ? { selected_options: answer.map((value) => ({ value })) }
      : block === 'discovered_at'
        ? { selected_date: answer }
        : selects.has(block)
          ? { selected_option: { value: answer } }
          : { value: answer }
    values[block] = { value: state }
  }
  return interaction({
    type: 'view_submission',
    user: { id: 'U_MEMBER' },
    view: {
      id: viewId,
      callback_id: 'file_misalignment',
      private_metadata: JSON.stringify({ channelId: 'C_GENERAL' }),
      state: { values },
    },
  })
}

const incidents = async (c: TestContext) => (await c.inject({ url: '/api/v1/incidents' })).json()

function knowMember(c: TestContext) {
  slack.calls.length = 0
  slack.failing.clear()
  slack.emails.set('U_MEMBER', c.actors.member.email.toUpperCase())
}

describe('Slack: filing from a slash command', () => {
  it('opens the filing form in the web form’s words, with the reporter’s team chosen', async () => {
    knowMember(ctx)
    const res = await post(ctx, 'commands', command())
    expect(res.statusCode).toBe(200)
    const [opened] = slack.callsTo('views.open')
    expect(opened?.body.trigger_id).toBe('trigger-1')
    const view = opened?.body.view as { callback_id: string; blocks: { block_id?: string; label?: { text: string } }[] }
    expect(view.callback_id).toBe('file_misalignment')
    const labels = view.blocks.map((b) => b.label?.text).filter(Boolean)
    expect(labels).toEqual(
      expect.arrayContaining(['When did you find out?', 'What did you expect instead?', 'Which of your goals did it hurt?']),
    )
    const team = view.blocks.find((b) => b.block_id === 'reporting_team') as unknown as {
      element: { initial_option: { value: string } }
    }
    expect(team.element.initial_option.value).toBe(ctx.teams.home)
  })

  it('refuses a bad or stale signature with 401 and opens nothing', async () => {
    knowMember(ctx)
    const wrong = await post(ctx, 'commands', command(), { secret: 'not-the-secret' })
    expect(wrong.statusCode).toBe(401)
    expect(wrong.headers['content-type']).toContain('application/problem+json')
    expect(wrong.json().detail).toContain('does not match')
    const stale = await post(ctx, 'commands', command(), { at: now() - 6 * 60 })
    expect(stale.statusCode).toBe(401)
    const unsigned = await post(ctx, 'commands', command(), { signature: '' })
    expect(unsigned.statusCode).toBe(401)
    const forged = await post(ctx, 'interactions', submission(ctx), { secret: 'not-the-secret' })
    expect(forged.statusCode).toBe(401)
    expect(slack.calls).toEqual([])
    expect((await incidents(ctx)).total).toBe(0)
  })

  it('tells a Slack user with no tracker account how to get one, and opens nothing', async () => {
    knowMember(ctx)
    const res = await post(ctx, 'commands', command('U_STRANGER'))
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ response_type: 'ephemeral' })
    expect(res.json().text).toContain('https://tracker.test')
    expect(slack.callsTo('views.open')).toEqual([])
  })

  it('files a submission once, even when Slack sends it twice, and says where to find it', async () => {
    knowMember(ctx)
    const first = await post(ctx, 'interactions', submission(ctx))
    expect(first.statusCode).toBe(200)
    expect(first.body).toBe('')
    const again = await post(ctx, 'interactions', submission(ctx))
    expect(again.statusCode).toBe(200)
    const list = await incidents(ctx)
    expect(list.total).toBe(1)
    expect(list.items[0]).toMatchObject({ title: 'Payments API v1 is switched off next month', surprise: 4, harm: 3 })
    const told = slack.callsTo('chat.postEphemeral')
    expect(told[0]?.body).toMatchObject({ channel: 'C_GENERAL', user: 'U_MEMBER' })
    expect(String(told[0]?.body.text)).toContain(`Filed as ${list.items[0].key}`)
    const audit = (await ctx.inject({ url: `/api/v1/audit?entityId=${list.items[0].id}` })).json()
    expect(audit.items[0]?.actorLabel).toBe(ctx.actors.member.email)
  })

  it('keeps the form open with the rule’s words under the answer that breaks it', async () => {
    knowMember(ctx)
    const res = await post(ctx, 'interactions', submission(ctx, { harmed_goal: undefined }))
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ response_action: 'errors', errors: { harmed_goal: 'Say which of your goals it hurt' } })
    const future = await post(ctx, 'interactions', submission(ctx, { discovered_at: '2999-01-01' }, 'V2'))
    expect(Object.keys(future.json().errors)).toEqual(['discovered_at'])
    expect((await incidents(ctx)).total).toBe(0)
  })

  it('notes "no harm" as a near miss, never as an incident', async () => {
    knowMember(ctx)
    const res = await post(ctx, 'interactions', submission(ctx, { harm: '0', harmed_goal: undefined }))
    expect(res.statusCode).toBe(200)
    expect((await incidents(ctx)).total).toBe(0)
    const signals = (await ctx.inject({ url: '/api/v1/signals' })).json()
    expect(signals.items).toMatchObject([{ kind: 'near_miss', teamId: ctx.teams.home }])
    expect(String(slack.callsTo('chat.postEphemeral')[0]?.body.text)).toContain('near miss')
  })

  it('files an anonymous report that names nobody, in the report, the audit log or the logs', async () => {
    knowMember(ctx)
    ctx.logs.length = 0
    await post(ctx, 'interactions', submission(ctx, { privacy: ['anonymous'] }))
    const [incident] = (await incidents(ctx)).items
    expect(incident).toMatchObject({ anonymous: true })
    expect(JSON.stringify(incident)).not.toContain(ctx.actors.member.id)
    const audit = (await ctx.inject({ url: `/api/v1/audit?entityId=${incident.id}` })).json()
    expect(JSON.stringify(audit)).not.toContain(ctx.actors.member.email)
    expect(JSON.stringify(ctx.logs).toLowerCase()).not.toContain(ctx.actors.member.email.toLowerCase())
  })

  it('offers decisions from the register as the reporter types', async () => {
    knowMember(ctx)
    const decision = await ctx.inject({
      method: 'POST',
      url: '/api/v1/decisions',
      payload: { title: 'Sunset Payments API v1 by June', owningTeamId: ctx.teams.away, decidedAt: '2026-01-10' },
    })
    expect(decision.statusCode).toBe(201)
    const res = await post(
      ctx,
      'interactions',
      interaction({
        type: 'block_suggestion',
        user: { id: 'U_MEMBER' },
        block_id: 'decision',
        action_id: 'value',
        value: 'payments',
      }),
    )
    expect(res.json().options).toEqual([
      { text: { type: 'plain_text', text: 'Sunset Payments API v1 by June' }, value: decision.json().id },
    ])
  })

  it('answers in words, not a 500, when Slack itself fails', async () => {
    knowMember(ctx)
    slack.failing.set('views.open', 'expired_trigger_id')
    const res = await post(ctx, 'commands', command())
    expect(res.statusCode).toBe(200)
    expect(res.json().text).toContain('Try again')
  })
})
