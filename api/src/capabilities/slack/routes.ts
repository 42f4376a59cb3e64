import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import type { SlackConfig } from '../../config'
import { HttpProblem } from '../../lib/problem'
import { noticeActions } from './notice-actions'
import { checkSlackSignature } from './signature'
import { type SlackApi, slackApi } from './slack-api'
import { type SlashCommand, slackFiling } from './slack-filing'
import { type Interaction, slackPeople } from './slack-people'

const tags = ['slack']
const formBody = 'application/x-www-form-urlencoded'
/** Slack reads an empty 200 as done; some requests answer JSON, so the schema leaves the body open. */
const SlackReply = {
  description: 'Empty, or the JSON Slack expects back: a message for the user, a form’s errors, a menu’s options',
}

/**
 * The Slack app's request URLs (docs/slack-app.md). Slack signs every request; nothing is read
 * before the signature is checked against the raw body, and a request that fails the check is
 * 401 and changes nothing. Registered only when Slack is configured.
 */
const slackRoutes: FastifyPluginAsync<{ api?: SlackApi }> = async (app, options) => {
  const slack = app.config.slack as SlackConfig
  const api = options.api ?? slackApi(slack)
  const people = slackPeople({
    users: app.repos.users,
    slack,
    reporterKeySecret: app.config.reporterKeySecret,
    api,
    log: app.log,
  })
  const filing = slackFiling({ services: app.services, teams: app.repos.teams, slack, api, people, now: () => new Date() })
  const notices = noticeActions({ services: app.services, api, people })

  // The raw body as Slack sent it: the signature covers these exact bytes.
  app.addContentTypeParser(formBody, { parseAs: 'string', bodyLimit: 1_048_576 }, (_req, body, done) => done(null, body))
  app.addHook('preValidation', async (req) => {
    const check = checkSlackSignature(
      slack.signingSecret,
      { timestamp: header(req, 'x-slack-request-timestamp'), signature: header(req, 'x-slack-signature') },
      typeof req.body === 'string' ? req.body : '',
      Math.floor(Date.now() / 1000),
    )
    if (!check.ok) throw new HttpProblem(401, 'slack-signature', check.reason)
  })

  app.post(
    '/commands',
    {
      config: { policy: 'public' },
      schema: {
        tags,
        operationId: 'handleSlackCommand',
        summary: 'Slack slash command: opens the filing form',
        description: `Slack's request URL for the \`/misalignment\` command (${formBody}, signed by Slack).`,
        consumes: [formBody],
        response: { 200: SlackReply },
      },
    },
    async (req) => {
      const fields = Object.fromEntries(new URLSearchParams(req.body as string)) as Partial<SlashCommand>
      if (!fields.user_id || !fields.trigger_id || !fields.channel_id) {
        throw new HttpProblem(400, 'malformed', 'A slash command needs user_id, trigger_id and channel_id.')
      }
      return (await filing.command(fields as SlashCommand)) ?? ''
    },
  )

  app.post(
    '/interactions',
    {
      config: { policy: 'public' },
      schema: {
        tags,
        operationId: 'handleSlackInteraction',
        summary: 'Slack interactions: form submissions, the decision type-ahead and the notice buttons',
        description: `Slack's request URL for interactivity and select menus (${formBody} with a JSON \`payload\`, signed by Slack).`,
        consumes: [formBody],
        response: { 200: SlackReply },
      },
    },
    async (req) => {
      const raw = new URLSearchParams(req.body as string).get('payload')
      let interaction: Interaction
      try {
        interaction = JSON.parse(raw ?? '') as Interaction
      } catch {
        throw new HttpProblem(400, 'malformed', 'An interaction carries its JSON in the "payload" field.')
      }
      if (typeof interaction?.type !== 'string' || typeof interaction.user?.id !== 'string') {
        throw new HttpProblem(400, 'malformed', 'An interaction payload needs a type and a user.')
      }
      const reply = notices.handles(interaction) ? await notices.interaction(interaction) : await filing.interaction(interaction)
      return reply ?? ''
    },
  )
}

function header(req: FastifyRequest, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

export default slackRoutes
