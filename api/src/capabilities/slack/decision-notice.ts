import type { DecisionNoticeFacts } from '@misalign/db'
import { latestCalendarDay } from '@misalign/shared'
import type { KnownBlock } from '@slack/web-api'
import { logSafeError } from '../../lib/log-safe-error'
import type { ServiceDeps } from '../../services/deps'
import { escapeMrkdwn } from './mrkdwn'
import type { SlackApi } from './slack-api'

export const NOTICE_QUEUE = 'slack-decision-notice'
export const NOTICE_SEEN = 'notice_seen'
export const NOTICE_TRADEOFF = 'notice_tradeoff'

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`
const quote = (text: string) => `>${text.slice(0, 280).replaceAll('\n', '\n>')}${text.length > 280 ? '…' : ''}`

/**
 * The message a deciding team gets: about the context that did not reach other teams, never
 * about people. It names no reporter and quotes only what reporters said would have made the
 * decision predictable (docs/decisions/036-slack-as-a-way-in.md).
 */
export function decisionNotice(facts: DecisionNoticeFacts, appUrl: string): { text: string; blocks: KnownBlock[] } {
  const who = plural(facts.reportingTeams, 'team', 'teams')
  const text = `Your decision “${facts.title}” surprised and hurt ${who} (${plural(facts.incidents, 'report', 'reports')}).`
  const link = `${appUrl}/incidents?decisionId=${facts.decisionId}`
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*${escapeMrkdwn(facts.title)}* surprised and hurt ${who} (${plural(facts.incidents, 'report', 'reports')}).`,
      },
    },
  ]
  if (facts.missingContext.length > 0) {
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `What they say would have made it predictable:\n${facts.missingContext.map((c) => quote(escapeMrkdwn(c))).join('\n')}`,
      },
    })
  }
  blocks.push(
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `Nobody is blamed here: this is about context that did not reach them. <${link}|Read the reports>`,
        },
      ],
    },
    {
      type: 'actions',
      block_id: `notice:${facts.decisionId}`,
      elements: [
        { type: 'button', action_id: NOTICE_SEEN, text: { type: 'plain_text', text: 'We see it' }, value: facts.decisionId },
        {
          type: 'button',
          action_id: NOTICE_TRADEOFF,
          style: 'primary',
          text: { type: 'plain_text', text: 'State the tradeoff' },
          value: facts.decisionId,
        },
      ],
    },
  )
  return { text, blocks }
}

/**
 * When a report names a decision (filed, or linked in triage), the owning team hears of it in
 * its Slack channel: at most once per decision per day, never for a restricted report. An outbox
 * consumer, so a notice goes out once however many instances run, and is tried again when
 * Slack fails; every attempt lands in the delivery log admins read.
 */
export function decisionNotices(deps: ServiceDeps, api: SlackApi, appUrl: string): void {
  const log = deps.repos.integrations
  deps.events.subscribe(
    NOTICE_QUEUE,
    ['incident.filed', 'incident.updated'],
    async ({ data }) => {
      const decisionId = data.payload.decisionId
      if (typeof decisionId !== 'string' || data.payload.restricted === true) return
      const day = latestCalendarDay(deps.now())
      // Claimed before the post and given back if it fails, never held open across the call to
      // Slack: on the embedded database an open transaction would stall every other request.
      if (!(await log.claimNotice(decisionId, day))) return
      const delivery = { integration: 'slack', kind: 'decision-notice', target: `decision ${decisionId}` }
      try {
        const facts = await log.noticeFacts(decisionId)
        if (!facts || facts.incidents === 0) return
        const channel = await log.channelOf(facts.owningTeamId)
        if (!channel) {
          await log.recordDelivery({
            ...delivery,
            status: 'skipped',
            detail: 'The owning team has no Slack channel: the tracker shows the reports, nobody was messaged.',
          })
          return
        }
        delivery.target = `${channel}, decision ${decisionId}`
        await api.postMessage(channel, decisionNotice(facts, appUrl))
        await log.recordDelivery({ ...delivery, status: 'sent', detail: null })
      } catch (error) {
        await log.releaseNotice(decisionId, day)
        await log.recordDelivery({ ...delivery, status: 'failed', detail: logSafeError(error).message })
        throw error
      }
    },
    { retryLimit: 5, retryDelaySeconds: 30 },
  )
}

/** The message asking a deciding team for its tradeoff, with the button that opens the form. */
export function tradeoffRequestMessage(facts: DecisionNoticeFacts): { text: string; blocks: KnownBlock[] } {
  const text = `Leadership asks what “${facts.title}” prefers, over what, and for which goal.`
  return {
    text,
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `Leadership asks what *${escapeMrkdwn(facts.title)}* prefers, over what, and for which goal: without it, other teams cannot predict decisions like this one.`,
        },
      },
      {
        type: 'actions',
        block_id: `tradeoff-request:${facts.decisionId}`,
        elements: [
          {
            type: 'button',
            action_id: NOTICE_TRADEOFF,
            style: 'primary',
            text: { type: 'plain_text', text: 'State the tradeoff' },
            value: facts.decisionId,
          },
        ],
      },
    ],
  }
}

/**
 * "Ask the owning team to state its tradeoff" reaches the team in its channel, with the button
 * that answers it. One message per request: a request stays open until answered, and asking
 * again while it is open records no event.
 */
export function tradeoffRequestNotices(deps: ServiceDeps, api: SlackApi): void {
  const log = deps.repos.integrations
  deps.events.subscribe(
    'slack-tradeoff-request',
    ['tradeoff-request.created'],
    async ({ data }) => {
      const decisionId = data.payload.decisionId
      if (typeof decisionId !== 'string') return
      const facts = await log.noticeFacts(decisionId)
      if (!facts) return
      const channel = await log.channelOf(facts.owningTeamId)
      const delivery = {
        integration: 'slack',
        kind: 'tradeoff-request',
        target: `${channel ?? 'no channel'}, decision ${decisionId}`,
      }
      if (!channel) {
        await log.recordDelivery({
          ...delivery,
          status: 'skipped',
          detail: 'The owning team has no Slack channel: the request shows in the tracker only.',
        })
        return
      }
      try {
        await api.postMessage(channel, tradeoffRequestMessage(facts))
      } catch (error) {
        await log.recordDelivery({ ...delivery, status: 'failed', detail: logSafeError(error).message })
        throw error
      }
      await log.recordDelivery({ ...delivery, status: 'sent', detail: null })
    },
    { retryLimit: 5, retryDelaySeconds: 30 },
  )
}
