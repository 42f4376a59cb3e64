import type { UserRepository } from '@misalign/db'
import type { KnownBlock } from '@slack/web-api'
import type { FastifyBaseLogger } from 'fastify'
import type { SlackConfig } from '../../config'
import { logSafeError } from '../../lib/log-safe-error'
import { reporterKeyOf } from '../../lib/reporter-key'
import type { Caller } from '../../services/caller'
import type { ViewState } from './filing-modal'
import type { SlackApi } from './slack-api'

/** The parts of an interaction payload we read (https://api.slack.com/reference/interaction-payloads). */
export interface Interaction {
  type: string
  user: { id: string }
  value?: string
  block_id?: string
  trigger_id?: string
  actions?: { action_id: string; value?: string }[]
  channel?: { id: string }
  message?: { ts: string; blocks?: KnownBlock[] }
  view?: { id: string; callback_id: string; private_metadata?: string; state?: { values: ViewState } }
}

/** What the HTTP answer to Slack carries; undefined means an empty 200. */
export type SlackReply = Record<string, unknown> | undefined

export const slackDidNotAnswer = {
  response_type: 'ephemeral',
  text: 'Slack did not answer the tracker in time, so nothing was changed. Try again in a minute.',
}

/**
 * Who is asking from Slack, and how to answer them. A Slack user is the tracker user with the
 * same verified email; everything they do then goes through the services as that user, with
 * the same permission checks, rules and audit entries as in the browser.
 */
export function slackPeople(deps: {
  users: UserRepository
  slack: SlackConfig
  reporterKeySecret: string
  api: SlackApi
  log: FastifyBaseLogger
}) {
  const { api } = deps

  /** The tracker user behind a Slack user, matched by verified email; null when there is none. */
  async function callerOf(slackUserId: string): Promise<Caller | null> {
    const email = await api.emailOf(slackUserId)
    if (!email) return null
    const user = await deps.users.findByEmail(email)
    if (!user || user.disabledAt) return null
    return {
      viewer: {
        userId: user.id,
        role: user.role,
        teamIds: user.teamIds,
        reporterKey: reporterKeyOf(deps.reporterKeySecret, user.id),
      },
      actor: { id: user.id, label: user.email },
    }
  }

  const unknownUser = {
    response_type: 'ephemeral',
    text: `I could not match your Slack account to a Misalignment Tracker account. Sign in at ${deps.slack.appUrl} with the email address your Slack profile shows, or ask an admin to add you; then try again.`,
  }

  /** Tells someone privately, in the channel they were in; failing that, in a direct message. */
  async function tell(channelId: string | undefined, userId: string, text: string): Promise<void> {
    try {
      if (channelId) return await api.postEphemeral(channelId, userId, text)
    } catch (error) {
      deps.log.warn({ err: logSafeError(error) }, 'slack: ephemeral message failed, sending a direct message')
    }
    try {
      await api.postMessage(userId, { text })
    } catch (error) {
      deps.log.error({ err: logSafeError(error) }, 'slack: could not send a direct message')
    }
  }

  /** Runs `work`; when a call to Slack fails, logs it and answers `fallback` instead of failing the request. */
  async function orWhenSlackFails(work: () => Promise<SlackReply>, fallback: SlackReply): Promise<SlackReply> {
    try {
      return await work()
    } catch (error) {
      if (!isSlackCallError(error)) throw error
      deps.log.error({ err: logSafeError(error) }, 'slack: a call to the Slack API failed')
      return fallback
    }
  }

  return { callerOf, unknownUser, tell, orWhenSlackFails }
}

export type SlackPeople = ReturnType<typeof slackPeople>

/** Errors of the Slack client (`slack_webapi_platform_error`, `slack_webapi_request_error`, …). */
const isSlackCallError = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && code.startsWith('slack_')
}

/** What a view carried from where it was opened (Slack hands it back untouched); {} when unreadable. */
export function metadataOf<T extends object>(raw: string | undefined): Partial<T> {
  try {
    const parsed = JSON.parse(raw ?? '{}') as unknown
    return typeof parsed === 'object' && parsed !== null ? (parsed as Partial<T>) : {}
  } catch {
    return {}
  }
}
