import { type Decision, DomainError, TradeoffSchema } from '@misalign/shared'
import type { KnownBlock, View } from '@slack/web-api'
import { schemaProblems } from '../../lib/schema-check'
import type { Services } from '../services'
import { NOTICE_SEEN, NOTICE_TRADEOFF } from './decision-notice'
import type { ViewState } from './filing-modal'
import type { SlackApi } from './slack-api'
import { type Interaction, metadataOf, type SlackPeople, type SlackReply, slackDidNotAnswer } from './slack-people'

/**
 * The deciding team's answers to a decision notice: "We see it" marks the message as seen by
 * whoever pressed it; "State the tradeoff" opens a form whose answer is written to the decision
 * through the decision service (so only those who may edit the decision can), which also
 * answers an open tradeoff request (a trigger stamps it; see tradeoff_requests).
 */

export const TRADEOFF_CALLBACK = 'state_tradeoff'

interface TradeoffMetadata {
  decisionId: string
  channelId: string
}

const text = (value: string) => ({ type: 'plain_text' as const, text: value })
const fields = { prefer: 'prefer', over: 'over', forGoal: 'for_goal' } as const

/** "We prefer X over Y, for goal Z", the decision's current words filled in. */
export function tradeoffModal(decision: Decision, metadata: TradeoffMetadata): View {
  const input = (block: string, label: string, hint: string, initial: string | undefined): KnownBlock =>
    ({
      type: 'input',
      block_id: block,
      label: text(label),
      hint: text(hint),
      element: { type: 'plain_text_input', action_id: 'value', max_length: 300, ...(initial ? { initial_value: initial } : {}) },
    }) as KnownBlock
  return {
    type: 'modal',
    callback_id: TRADEOFF_CALLBACK,
    private_metadata: JSON.stringify(metadata),
    title: text('State the tradeoff'),
    submit: text('Save'),
    close: text('Cancel'),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${decision.title}*\nWe prefer X over Y, for goal Z.` } },
      input(fields.prefer, 'We prefer (X)', 'What the decision favours.', decision.tradeoff?.prefer),
      input(fields.over, 'over (Y)', 'What it gives up: what other teams lost.', decision.tradeoff?.over),
      input(fields.forGoal, 'for goal (Z)', 'The goal the preference serves.', decision.tradeoff?.forGoal),
    ],
  }
}

export function noticeActions(deps: { services: Services; api: SlackApi; people: SlackPeople }) {
  const { api, services } = deps
  const { callerOf, tell, orWhenSlackFails, unknownUser } = deps.people

  async function seen(interaction: Interaction): Promise<SlackReply> {
    const { channel, message } = interaction
    if (!channel || !message) return undefined
    if (!(await callerOf(interaction.user.id))) {
      await tell(channel.id, interaction.user.id, unknownUser.text)
      return undefined
    }
    // The "We see it" button goes; the tradeoff button stays, and the message says who saw it.
    const blocks: KnownBlock[] = (message.blocks ?? []).map((block) =>
      block.type === 'actions'
        ? { ...block, elements: block.elements.filter((e) => !('action_id' in e) || e.action_id !== NOTICE_SEEN) }
        : block,
    )
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `<@${interaction.user.id}> has seen it.` }] })
    await api.updateMessage(channel.id, message.ts, { text: 'Seen by the deciding team.', blocks })
    return undefined
  }

  async function openTradeoff(interaction: Interaction, decisionId: string): Promise<SlackReply> {
    const caller = await callerOf(interaction.user.id)
    if (!caller || !interaction.trigger_id) {
      await tell(interaction.channel?.id, interaction.user.id, unknownUser.text)
      return undefined
    }
    try {
      const decision = await services.decisions.find(caller, decisionId)
      await api.openView(
        interaction.trigger_id,
        tradeoffModal(decision, { decisionId, channelId: interaction.channel?.id ?? '' }),
      )
    } catch (error) {
      if (!(error instanceof DomainError)) throw error
      await tell(interaction.channel?.id, interaction.user.id, error.message)
    }
    return undefined
  }

  async function submitTradeoff(interaction: Interaction): Promise<SlackReply> {
    const view = interaction.view
    if (!view?.state) return undefined
    const errorsOn = (block: string, message: string) => ({ response_action: 'errors', errors: { [block]: message } })
    const caller = await callerOf(interaction.user.id)
    if (!caller) return errorsOn(fields.prefer, unknownUser.text)
    const { decisionId, channelId } = metadataOf<TradeoffMetadata>(view.private_metadata)
    if (!decisionId) return errorsOn(fields.prefer, 'This form lost track of its decision: open it again from the message.')
    const values: ViewState = view.state.values
    const words = (block: string) => values[block]?.value?.value?.trim() ?? ''
    const tradeoff = { prefer: words(fields.prefer), over: words(fields.over), forGoal: words(fields.forGoal) }
    const problems = schemaProblems(TradeoffSchema, tradeoff)
    if (problems.length > 0) {
      const field = problems[0]?.field as keyof typeof fields
      return errorsOn(fields[field] ?? fields.prefer, 'Say it in a few words (at most 300 characters).')
    }
    try {
      const decision = await services.decisions.find(caller, decisionId)
      await services.decisions.update(caller, decisionId, decision.version, { tradeoff })
      await tell(
        channelId,
        interaction.user.id,
        `Thank you: “${decision.title}” now says what it prefers, over what, and for which goal. Every team can read it in the tracker.`,
      )
      return undefined
    } catch (error) {
      if (!(error instanceof DomainError)) throw error
      return errorsOn(fields.prefer, error.message)
    }
  }

  return {
    /** Whether this interaction is an answer to a decision notice. */
    handles(interaction: Interaction): boolean {
      if (interaction.type === 'view_submission') return interaction.view?.callback_id === TRADEOFF_CALLBACK
      const action = interaction.actions?.[0]?.action_id
      return interaction.type === 'block_actions' && (action === NOTICE_SEEN || action === NOTICE_TRADEOFF)
    },

    interaction(interaction: Interaction): Promise<SlackReply> {
      if (interaction.type === 'view_submission') {
        return orWhenSlackFails(() => submitTradeoff(interaction), {
          response_action: 'errors',
          errors: { [fields.prefer]: slackDidNotAnswer.text },
        })
      }
      const action = interaction.actions?.[0]
      const work = () => (action?.action_id === NOTICE_SEEN ? seen(interaction) : openTradeoff(interaction, action?.value ?? ''))
      return orWhenSlackFails(work, undefined)
    },
  }
}
