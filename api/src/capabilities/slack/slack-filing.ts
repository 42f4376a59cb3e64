import type { TeamRepository, UserRepository } from '@misalign/db'
import { DomainError, latestCalendarDay, NewIncident, type Team } from '@misalign/shared'
import type { FastifyBaseLogger } from 'fastify'
import type { SlackConfig } from '../../config'
import { logSafeError } from '../../lib/log-safe-error'
import { reporterKeyOf } from '../../lib/reporter-key'
import { requestHash } from '../../lib/request-hash'
import { schemaProblems } from '../../lib/schema-check'
import type { Caller } from '../../services/caller'
import type { Services } from '../services'
import { FILING_CALLBACK, type FilingMetadata, filingModal, modalErrors, reportOf, type ViewState } from './filing-modal'
import type { SlackApi } from './slack-api'

/**
 * Filing from Slack: a way in like the routes and the CLI, so it only translates. A Slack user
 * becomes the tracker user with the same verified email, and everything they do goes through
 * the same services, with the same permission checks, rules and audit entries.
 */

export interface SlashCommand {
  user_id: string
  trigger_id: string
  channel_id: string
}

/** The parts of an interaction payload we read (https://api.slack.com/reference/interaction-payloads). */
export interface Interaction {
  type: string
  user: { id: string }
  value?: string
  block_id?: string
  view?: { id: string; callback_id: string; private_metadata?: string; state?: { values: ViewState } }
}

/** What the HTTP answer to Slack carries; undefined means an empty 200. */
export type SlackReply = Record<string, unknown> | undefined

export interface SlackFilingDeps {
  services: Services
  users: UserRepository
  teams: TeamRepository
  slack: SlackConfig
  reporterKeySecret: string
  api: SlackApi
  log: FastifyBaseLogger
  now: () => Date
}

export function slackFiling(deps: SlackFilingDeps) {
  const { api, services, slack } = deps

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
    text: `I could not match your Slack account to a Misalignment Tracker account. Sign in at ${slack.appUrl} with the email address your Slack profile shows, or ask an admin to add you; then try again.`,
  }

  /** Tells the reporter privately, where they typed the command; failing that, in a direct message. */
  async function tell(channelId: string | undefined, userId: string, text: string): Promise<void> {
    try {
      if (channelId) return await api.postEphemeral(channelId, userId, text)
    } catch (error) {
      deps.log.warn({ err: logSafeError(error) }, 'slack: ephemeral message failed, sending a direct message')
    }
    try {
      await api.postMessage(userId, { text })
    } catch (error) {
      deps.log.error({ err: logSafeError(error) }, 'slack: could not tell the reporter their report was filed')
    }
  }

  async function teamsOf(caller: Caller): Promise<Team[]> {
    const teams = await Promise.all(caller.viewer.teamIds.map((id) => deps.teams.findById(id)))
    return teams.filter((t): t is Team => t !== undefined).sort((a, b) => a.name.localeCompare(b.name))
  }

  async function submit(interaction: Interaction): Promise<SlackReply> {
    const view = interaction.view
    if (!view?.state) return undefined
    const caller = await callerOf(interaction.user.id)
    if (!caller) return modalErrors([{ field: 'title', message: unknownUser.text }])
    const metadata = parseMetadata(view.private_metadata)
    const report = reportOf(view.state.values)
    const problems = schemaProblems(NewIncident, report).map(({ field, message }) => ({
      field,
      message: `Check this answer: it ${message}`,
    }))
    if (problems.length > 0) return modalErrors(problems)
    try {
      if (report.harm === 0) {
        // "No harm" is a near miss: counted apart, never an incident (DESIGN.md, "Rules").
        await services.signals.note(caller, {
          kind: 'near_miss',
          teamId: report.reportingTeamId,
          note: [report.title, report.narrative].filter(Boolean).join('. '),
          occurredAt: report.discoveredAt,
          anonymous: report.anonymous ?? false,
        })
        await tell(
          metadata.channelId,
          interaction.user.id,
          'Noted as a near miss: a surprise without harm is not a misalignment, but it is worth counting.',
        )
        return undefined
      }
      // Slack may deliver one submission twice; the view id makes the second a replay, not a second report.
      const { incident } = await services.incidents.file(caller, report, {
        idempotency: { key: `slack:${view.id}`, requestHash: requestHash(report) },
      })
      await tell(
        metadata.channelId,
        interaction.user.id,
        `Filed as ${incident.key}: <${slack.appUrl}/incidents/${incident.key}|${escapeLink(incident.title)}>`,
      )
      return undefined
    } catch (error) {
      if (!(error instanceof DomainError)) throw error
      return modalErrors(error.details.fields ?? [{ field: 'title', message: error.message }])
    }
  }

  /** Decisions for the type-ahead: the register's matches for what was typed, else the engine's suggestions for the draft. */
  async function decisionOptions(interaction: Interaction): Promise<SlackReply> {
    const caller = await callerOf(interaction.user.id)
    if (!caller) return { options: [] }
    const typed = interaction.value?.trim() ?? ''
    const option = (title: string, id: string) => ({ text: { type: 'plain_text', text: clip(title, 75) }, value: id })
    if (typed.length > 0) {
      const page = await services.decisions.list(caller, { q: typed, limit: 20 })
      return { options: page.items.map((d) => option(d.title, d.id)) }
    }
    const draft = reportOf(interaction.view?.state?.values ?? {})
    const text = [draft.title, draft.narrative, draft.expected].filter(Boolean).join('\n')
    if (!text) return { options: [] }
    const suggestions = await services.insight.decisionSuggestions(caller, {
      text,
      reportingTeamId: draft.reportingTeamId || undefined,
      discoveredAt: draft.discoveredAt || undefined,
    })
    return {
      options: suggestions.map((s) => option(`${s.confidence === 'likely' ? 'Likely: ' : ''}${s.decision.title}`, s.decision.id)),
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

  return {
    callerOf,

    /** `/misalignment`: opens the filing modal, or says plainly why it cannot. */
    command(command: SlashCommand): Promise<SlackReply> {
      return orWhenSlackFails(async () => {
        const caller = await callerOf(command.user_id)
        if (!caller) return unknownUser
        const teams = await teamsOf(caller)
        if (teams.length === 0) {
          return {
            response_type: 'ephemeral',
            text: 'You are not in a team yet, and a report belongs to the team that was hurt. Ask an admin to add you to yours.',
          }
        }
        const today = latestCalendarDay(deps.now())
        await api.openView(command.trigger_id, filingModal(teams, today, { channelId: command.channel_id }))
        return undefined
      }, slackDidNotAnswer)
    },

    interaction(interaction: Interaction): Promise<SlackReply> {
      if (interaction.type === 'view_submission' && interaction.view?.callback_id === FILING_CALLBACK) {
        return orWhenSlackFails(() => submit(interaction), modalErrors([{ field: 'title', message: slackDidNotAnswer.text }]))
      }
      if (interaction.type === 'block_suggestion' && interaction.block_id === 'decision') {
        return orWhenSlackFails(() => decisionOptions(interaction), { options: [] })
      }
      return Promise.resolve(undefined)
    },
  }
}

export type SlackFiling = ReturnType<typeof slackFiling>

const slackDidNotAnswer = {
  response_type: 'ephemeral',
  text: 'Slack did not answer the tracker in time, so nothing was filed. Try again in a minute.',
}

/** Errors of the Slack client (`slack_webapi_platform_error`, `slack_webapi_request_error`, …). */
const isSlackCallError = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && code.startsWith('slack_')
}

function parseMetadata(raw: string | undefined): Partial<FilingMetadata> {
  try {
    const parsed = JSON.parse(raw ?? '{}') as unknown
    return typeof parsed === 'object' && parsed !== null ? (parsed as Partial<FilingMetadata>) : {}
  } catch {
    return {}
  }
}

const clip = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`)
/** Slack's link syntax breaks on these; https://api.slack.com/reference/surfaces/formatting#escaping */
const escapeLink = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('|', '¦')
