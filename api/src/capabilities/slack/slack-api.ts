import { type KnownBlock, type Logger, LogLevel, type View, WebClient } from '@slack/web-api'
import type { SlackConfig } from '../../config'

/**
 * The calls the tracker makes to Slack's Web API, and nothing else: the official client under
 * it, pointed at `SLACK_API_URL` (a fake one on loopback in tests). Slack wants an interactive
 * request answered within three seconds, so a call gives up after two tries in about two.
 */
export interface SlackApi {
  /** The verified email of a Slack user, or null when Slack has none to give. */
  emailOf(slackUserId: string): Promise<string | null>
  openView(triggerId: string, view: View): Promise<void>
  postEphemeral(channel: string, user: string, text: string): Promise<void>
  postMessage(channel: string, message: { text: string; blocks?: KnownBlock[] }): Promise<void>
  updateMessage(channel: string, ts: string, message: { text: string; blocks: KnownBlock[] }): Promise<void>
}

export function slackApi(config: SlackConfig): SlackApi {
  const client = new WebClient(config.botToken, {
    slackApiUrl: config.apiUrl,
    timeout: 2_000,
    retryConfig: { retries: 1, minTimeout: 200, maxTimeout: 500 },
    // A rate-limited call fails at once: waiting would outlive the request Slack is holding open.
    rejectRateLimitedCalls: true,
    // The client's own logger would print request bodies; our error handler logs safely.
    logger: silentLogger,
  })
  return {
    async emailOf(slackUserId) {
      let answer: Awaited<ReturnType<typeof client.users.info>>
      try {
        answer = await client.users.info({ user: slackUserId })
      } catch (error) {
        // A user Slack does not know (or will not show) has no email for us: not a failure.
        if (unknownUserErrors.has((error as { data?: { error?: string } }).data?.error ?? '')) return null
        throw error
      }
      const profile = answer.user?.profile
      // Slack shows an email only with the users:read.email scope, and only a confirmed one.
      return profile?.email && answer.user?.is_email_confirmed !== false ? profile.email : null
    },
    async openView(triggerId, view) {
      await client.views.open({ trigger_id: triggerId, view })
    },
    async postEphemeral(channel, user, text) {
      await client.chat.postEphemeral({ channel, user, text })
    },
    async postMessage(channel, message) {
      await client.chat.postMessage({ channel, ...message })
    },
    async updateMessage(channel, ts, message) {
      await client.chat.update({ channel, ts, ...message })
    },
  }
}

const unknownUserErrors = new Set(['user_not_found', 'user_not_visible'])

const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
}
