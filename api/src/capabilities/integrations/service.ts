import { integrationRepository } from '@misalign/db'
import {
  type Delivery,
  type DeliveryQuery,
  DomainError,
  fail,
  type IntegrationStatus,
  type Page,
  type TeamChannel,
} from '@misalign/shared'
import { logSafeError } from '../../lib/log-safe-error'
import { authorize, type Caller } from '../../services/caller'
import type { ServiceDeps } from '../../services/deps'
import { writeTransaction } from '../../services/unit-of-work'
import { type SlackApi, slackApi } from '../slack/slack-api'

/** Slack's errors a person can act on, in words. */
const slackAdvice: Record<string, string> = {
  not_in_channel: 'The app is not in that channel: invite it there first (/invite @Misalignment Tracker).',
  channel_not_found:
    'Slack knows no channel with that id, or the app cannot see it: check the id, and invite the app to a private channel.',
  invalid_auth: 'Slack refused the bot token: check SLACK_BOT_TOKEN.',
  not_authed: 'Slack refused the bot token: check SLACK_BOT_TOKEN.',
  is_archived: 'That channel is archived.',
}

/** The integrations' settings and log, for admins: where Slack messages go, and what was sent. */
export function integrationService(deps: ServiceDeps, api?: SlackApi) {
  const slack = deps.config.slack
  const client = api ?? (slack ? slackApi(slack) : undefined)

  return {
    async status(caller: Caller): Promise<IntegrationStatus> {
      authorize(caller, 'integration.manage')
      const set = (value: string | undefined) => (value ? 'set' : 'missing') as 'set' | 'missing'
      return {
        slack: {
          configured: slack !== undefined,
          signingSecret: set(slack?.signingSecret),
          botToken: set(slack?.botToken),
          apiUrl: slack?.apiUrl ?? null,
          commandUrl: slack ? `${slack.appUrl}/api/v1/integrations/slack/commands` : null,
          interactionsUrl: slack ? `${slack.appUrl}/api/v1/integrations/slack/interactions` : null,
        },
        channels: await deps.repos.integrations.channels(),
      }
    },

    /** Points a team's notices at a Slack channel, or with null stops them. */
    async setChannel(caller: Caller, teamId: string, channelId: string | null): Promise<TeamChannel[]> {
      authorize(caller, 'integration.manage')
      if (!(await deps.repos.teams.findById(teamId))) throw fail.notFound('team', teamId)
      await writeTransaction(deps, (tx) => integrationRepository(tx).setChannel(tx, teamId, channelId, caller.actor))
      return deps.repos.integrations.channels()
    },

    deliveries(caller: Caller, query: DeliveryQuery): Promise<Page<Delivery>> {
      authorize(caller, 'integration.manage')
      return deps.repos.integrations.deliveries(query)
    },

    /** Posts a test message to a team's channel, so an admin sees the set-up work before anyone relies on it. */
    async sendTest(caller: Caller, teamId: string): Promise<void> {
      authorize(caller, 'integration.manage')
      const team = await deps.repos.teams.findById(teamId)
      if (!team) throw fail.notFound('team', teamId)
      if (!client) {
        throw fail.conflict(
          'Slack is not configured: set SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN and APP_URL, then restart.',
          'slack-not-configured',
        )
      }
      const channel = await deps.repos.integrations.channelOf(teamId)
      if (!channel) throw fail.conflict(`${team.name} has no Slack channel yet: set one first.`, 'no-channel')
      const delivery = { integration: 'slack', kind: 'test', target: channel }
      try {
        await client.postMessage(channel, {
          text: `A test from the Misalignment Tracker: ${team.name} will hear here when one of its decisions surprises and hurts another team.`,
        })
      } catch (error) {
        const code = (error as { data?: { error?: string } }).data?.error
        const detail = (code && slackAdvice[code]) || `Slack did not take the message: ${code ?? logSafeError(error).message}`
        await deps.repos.integrations.recordDelivery({ ...delivery, status: 'failed', detail })
        throw new DomainError('conflict', detail, { code: 'slack-refused' })
      }
      await deps.repos.integrations.recordDelivery({ ...delivery, status: 'sent', detail: null })
    },
  }
}

export type IntegrationService = ReturnType<typeof integrationService>
