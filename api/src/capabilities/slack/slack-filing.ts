import type { TeamRepository } from '@misalign/db'
import { DomainError, latestCalendarDay, NewIncident, type Team } from '@misalign/shared'
import type { SlackConfig } from '../../config'
import { requestHash } from '../../lib/request-hash'
import { schemaProblems } from '../../lib/schema-check'
import type { Caller } from '../../services/caller'
import type { Services } from '../services'
import { FILING_CALLBACK, type FilingMetadata, filingModal, modalErrors, reportOf } from './filing-modal'
import { clip, escapeLinkText } from './mrkdwn'
import type { SlackApi } from './slack-api'
import { type Interaction, metadataOf, type SlackPeople, type SlackReply, slackDidNotAnswer } from './slack-people'

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

export interface SlackFilingDeps {
  services: Services
  teams: TeamRepository
  slack: SlackConfig
  api: SlackApi
  people: SlackPeople
  now: () => Date
}

export function slackFiling(deps: SlackFilingDeps) {
  const { api, services, slack } = deps
  const { callerOf, tell, orWhenSlackFails, unknownUser } = deps.people

  async function teamsOf(caller: Caller): Promise<Team[]> {
    const teams = await Promise.all(caller.viewer.teamIds.map((id) => deps.teams.findById(id)))
    return teams.filter((t): t is Team => t !== undefined).sort((a, b) => a.name.localeCompare(b.name))
  }

  async function submit(interaction: Interaction): Promise<SlackReply> {
    const view = interaction.view
    if (!view?.state) return undefined
    const caller = await callerOf(interaction.user.id)
    if (!caller) return modalErrors([{ field: 'title', message: unknownUser.text }])
    const metadata = metadataOf<FilingMetadata>(view.private_metadata)
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
        `Filed as ${incident.key}: <${slack.appUrl}/incidents/${incident.key}|${escapeLinkText(incident.title)}>`,
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

  return {
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
