import {
  discoveryChannelLabels,
  discoveryChannels,
  type FieldProblem,
  harmKindLabels,
  harmKinds,
  harmWords,
  MIN_ANONYMITY_GROUP,
  type NewIncident,
  surpriseWords,
  type Team,
} from '@misalign/shared'
import type { KnownBlock, PlainTextOption, View } from '@slack/web-api'

/**
 * The Slack modal for filing a report: the web form's three steps in the web form's words
 * (shared/src/domain/report-words.ts), and the way back from a submission to a report.
 * Pure: Block Kit JSON in and out, no calls.
 */

export const FILING_CALLBACK = 'file_misalignment'

/** Block ids of the modal, named after the report fields they fill. */
const blocks = {
  title: 'title',
  reportingTeamId: 'reporting_team',
  discoveredAt: 'discovered_at',
  discoveryChannel: 'discovery_channel',
  narrative: 'narrative',
  expected: 'expected',
  surprise: 'surprise',
  harm: 'harm',
  harmedGoal: 'harmed_goal',
  harmKinds: 'harm_kinds',
  decisionId: 'decision',
  missingContext: 'missing_context',
  privacy: 'privacy',
} as const satisfies Partial<Record<keyof NewIncident | 'privacy', string>>

/** Every input's action id is `value`: the block id already says which field it is. */
const ACTION = 'value'

/** What the modal carries from the command to the submission (Slack hands it back untouched). */
export interface FilingMetadata {
  channelId: string
}

const text = (value: string) => ({ type: 'plain_text' as const, text: value, emoji: false })
const option = (label: string, value: string): PlainTextOption => ({ text: text(label.slice(0, 75)), value })
const heading = (words: string): KnownBlock => ({ type: 'header', text: text(words) })

function input(
  blockId: string,
  label: string,
  element: Record<string, unknown>,
  extra: { hint?: string; optional?: boolean } = {},
): KnownBlock {
  return {
    type: 'input',
    block_id: blockId,
    label: text(label),
    element: { action_id: ACTION, ...element },
    optional: extra.optional ?? false,
    ...(extra.hint ? { hint: text(extra.hint) } : {}),
  } as KnownBlock
}

const textInput = (maxLength: number, multiline = false) => ({ type: 'plain_text_input', max_length: maxLength, multiline })

/** The modal a slash command opens; `teams` are the reporter's own teams, the first preselected. */
export function filingModal(teams: readonly Team[], today: string, metadata: FilingMetadata): View {
  const teamOptions = teams.map((t) => option(t.name, t.id))
  const scale = (words: Record<number, string>, from: number) =>
    Object.entries(words)
      .filter(([n]) => Number(n) >= from)
      .map(([n, word]) => option(`${n} · ${word}`, n))
  return {
    type: 'modal',
    callback_id: FILING_CALLBACK,
    private_metadata: JSON.stringify(metadata),
    title: text('Report a misalignment'),
    submit: text('File it'),
    close: text('Cancel'),
    blocks: [
      heading('1 · What did you discover?'),
      input(blocks.title, 'In one line: what decision did you discover?', textInput(200), {
        hint: 'For example: “Payments API v1 is switched off next month”.',
      }),
      input(
        blocks.reportingTeamId,
        'Your team',
        { type: 'static_select', options: teamOptions, ...(teamOptions[0] ? { initial_option: teamOptions[0] } : {}) },
        { hint: 'The team that was hurt.' },
      ),
      input(blocks.discoveredAt, 'When did you find out?', { type: 'datepicker', initial_date: today }),
      input(blocks.discoveryChannel, 'How did you find out?', {
        type: 'static_select',
        options: discoveryChannels.map((c) => option(discoveryChannelLabels[c], c)),
      }),
      input(blocks.narrative, 'What happened, in your words', textInput(3_000, true), { optional: true }),
      heading('2 · Why was it a surprise?'),
      input(blocks.expected, 'What did you expect instead?', textInput(3_000, true)),
      input(blocks.surprise, 'How surprising was it?', { type: 'static_select', options: scale(surpriseWords, 1) }),
      heading('3 · Did it hurt your goals?'),
      input(
        blocks.harm,
        'How badly did it hurt?',
        { type: 'static_select', options: scale(harmWords, 0) },
        { hint: 'A surprise without harm is not a misalignment: “No harm” notes it as a near miss instead.' },
      ),
      input(blocks.harmedGoal, 'Which of your goals did it hurt?', textInput(1_000), {
        optional: true,
        hint: 'For example: “Ship the new checkout by April”. Needed unless there was no harm.',
      }),
      input(
        blocks.harmKinds,
        'What kinds of harm?',
        { type: 'multi_static_select', options: harmKinds.map((k) => option(harmKindLabels[k], k)) },
        { optional: true },
      ),
      input(
        blocks.decisionId,
        'Which decision was it, if you know?',
        { type: 'external_select', min_query_length: 0, placeholder: text('Type a few words of the decision') },
        { optional: true, hint: 'Suggestions read what you wrote above; leave it empty if you are not sure.' },
      ),
      input(blocks.missingContext, 'What would have made this predictable?', textInput(3_000, true), { optional: true }),
      input(
        blocks.privacy,
        'Who sees this report',
        {
          type: 'checkboxes',
          options: [
            {
              text: text('File anonymously'),
              value: 'anonymous',
              description: text(
                `Others see what you write, the day and your team (its parent under ${MIN_ANONYMITY_GROUP} people), never your name.`,
              ),
            },
            {
              text: text('Only my team can see it'),
              value: 'restricted',
              description: text('Visible to your team, leaders and admins. Nobody else will know it exists.'),
            },
          ],
        },
        { optional: true },
      ),
    ],
  }
}

/** One input's state as Slack sends it in `view.state.values[block][action]`. */
interface InputState {
  value?: string | null
  selected_option?: { value: string } | null
  selected_options?: { value: string }[]
  selected_date?: string | null
}

export type ViewState = Record<string, Record<string, InputState>>

/** The report a submission describes; the incident service applies the rules. */
export function reportOf(state: ViewState): NewIncident {
  const at = (block: string): InputState => state[block]?.[ACTION] ?? {}
  const words = (block: string) => at(block).value?.trim() || undefined
  const choice = (block: string) => at(block).selected_option?.value
  const choices = (block: string) => (at(block).selected_options ?? []).map((o) => o.value)
  const rating = (block: string) => {
    const value = choice(block)
    return value === undefined ? Number.NaN : Number(value)
  }
  const privacy = choices(blocks.privacy)
  const report: Record<string, unknown> = {
    title: words(blocks.title) ?? '',
    narrative: words(blocks.narrative),
    reportingTeamId: choice(blocks.reportingTeamId) ?? '',
    discoveredAt: at(blocks.discoveredAt).selected_date ?? '',
    discoveryChannel: choice(blocks.discoveryChannel) ?? '',
    expected: words(blocks.expected) ?? '',
    surprise: rating(blocks.surprise),
    harmedGoal: words(blocks.harmedGoal) ?? '',
    harm: rating(blocks.harm),
    harmKinds: choices(blocks.harmKinds),
    decisionId: choice(blocks.decisionId) ?? null,
    missingContext: words(blocks.missingContext),
    anonymous: privacy.includes('anonymous'),
    restricted: privacy.includes('restricted'),
  }
  for (const [key, value] of Object.entries(report)) if (value === undefined) delete report[key]
  return report as NewIncident
}

/** Slack's answer that keeps the modal open with a message under each input that needs one. */
export function modalErrors(problems: readonly FieldProblem[]): { response_action: 'errors'; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  for (const { field, message } of problems) {
    const block = (blocks as Record<string, string>)[field] ?? blocks.title
    errors[block] = errors[block] ? `${errors[block]}. ${message}` : message
  }
  return { response_action: 'errors', errors }
}
