/**
 * A retro as Markdown, for a wiki or a doc. Pure: the caller passes the workspace (already
 * filtered to what the viewer may see) and how to name a team. Every piece of user text is
 * escaped, so a title like "*fix* [link](x)" prints as written instead of as formatting.
 */
import { type ActionClass, actionClass, antiMisalignmentNotes, isAntiMisalignment } from './action-class'
import { describeTradeoff } from './decision-class'
import { WEIGHTED_HARM_EXPLANATION } from './harm'
import { actionClassLabels, actionKindLabels, actionStatusLabels, retroStatusLabels } from './retro-labels'
import type { ActionKind, ActionStatus, RetroStatus, Tradeoff } from './vocabulary'

export interface RetroMarkdownAction {
  description: string
  ownerTeamId: string
  dueAt: string | null
  status: ActionStatus
  kind: ActionKind
  reason: string | null
  retroTitle: string
}

export type RetroMarkdownLink =
  | { kind: 'cluster' }
  | { kind: 'decision'; title: string }
  | { kind: 'gap'; title: string }
  | { kind: 'team_pair'; decisionOwnerTeamId: string; harmedTeamId: string }

export interface RetroMarkdownInput {
  retro: { title: string; heldAt: string | null; status: RetroStatus; summary: string; tradeoff: Tradeoff | null }
  cluster: { title: string }
  incidents: ReadonlyArray<{
    key: string
    title: string
    discoveredAt: string
    reportingTeamId: string
    weightedHarm: number
    harm: number
    surprise: number
    missingContext: string
    decisionId: string | null
  }>
  decisions: ReadonlyArray<{ id: string; title: string; owningTeamId: string; tradeoff: Tradeoff | null }>
  teams: ReadonlyArray<{ id: string; name: string; harmedIncidents: number; causedIncidents: number }>
  weightedHarm: { total: number }
  actions: readonly RetroMarkdownAction[]
  carriedOver: ReadonlyArray<{ action: RetroMarkdownAction; links: readonly RetroMarkdownLink[] }>
}

const inlineSpecials = /[\\`*_{}[\]()<>#+!|~&]/g

/** User text as one safe line of Markdown: specials escaped, line breaks folded. */
export function escapeMarkdown(text: string): string {
  const oneLine = text.replace(/\s*\r?\n\s*/g, ' ').trim()
  // A leading "-", "=" or "1." would still start a list or a heading underline.
  return oneLine
    .replace(inlineSpecials, '\\$&')
    .replace(/^[-=]/, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2')
}

/** User text that may hold paragraphs: each paragraph escaped on its own. */
function escapeParagraphs(text: string): string {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => escapeMarkdown(paragraph))
    .filter((paragraph) => paragraph !== '')
    .join('\n\n')
}

const cell = (text: string) => escapeMarkdown(text) || ' '

function tradeoffText(tradeoff: Tradeoff | null): string {
  return tradeoff ? escapeMarkdown(describeTradeoff(tradeoff)) : 'agreement — no tradeoff'
}

function actionLine(action: RetroMarkdownAction, teamName: (id: string) => string): string {
  const due = action.dueAt ? `, due ${action.dueAt}` : ''
  const parts = [
    `- **${actionKindLabels[action.kind]}** (${actionClassLabels[actionClass(action.kind)]}): ${escapeMarkdown(action.description)}`,
    ` — ${escapeMarkdown(teamName(action.ownerTeamId))}${due}, ${actionStatusLabels[action.status].toLowerCase()}`,
  ]
  if (isAntiMisalignment(action.kind)) {
    const note = antiMisalignmentNotes[action.kind]
    parts.push(`\n  - Cost: ${note.cost}. Alignment alternative: ${actionKindLabels[note.alternative]}.`)
    parts.push(`\n  - Reason given: ${action.reason?.trim() ? escapeMarkdown(action.reason) : 'none'}`)
  }
  return parts.join('')
}

function linkText(link: RetroMarkdownLink, teamName: (id: string) => string): string {
  switch (link.kind) {
    case 'cluster':
      return 'same cluster'
    case 'decision':
      return `same decision: ${escapeMarkdown(link.title)}`
    case 'gap':
      return `same strategy gap: ${escapeMarkdown(link.title)}`
    case 'team_pair':
      return `same team pair: ${escapeMarkdown(teamName(link.decisionOwnerTeamId))} → ${escapeMarkdown(teamName(link.harmedTeamId))}`
  }
}

const classOrder: readonly ActionClass[] = ['alignment', 'anti_misalignment']

export function retroMarkdown(input: RetroMarkdownInput, teamName: (id: string) => string): string {
  const { retro } = input
  const lines: string[] = [`# ${escapeMarkdown(retro.title)}`, '']
  lines.push(`- Date: ${retro.heldAt ? retro.heldAt.slice(0, 10) : 'not set'}`)
  lines.push(`- Status: ${retroStatusLabels[retro.status]}`)
  lines.push(`- Cluster: ${escapeMarkdown(input.cluster.title)}`)
  lines.push(
    `- Weighted harm: ${input.weightedHarm.total} over ${input.incidents.length} incidents (${WEIGHTED_HARM_EXPLANATION})`,
  )
  lines.push('')
  if (retro.summary.trim()) lines.push('## Summary', '', escapeParagraphs(retro.summary), '')

  lines.push('## Timeline', '')
  if (input.incidents.length === 0) lines.push('No incidents you may see are in this cluster.', '')
  else {
    lines.push('| Discovered | Incident | Reporting team | Weighted harm |', '| --- | --- | --- | --- |')
    for (const incident of input.incidents) {
      lines.push(
        `| ${incident.discoveredAt} | ${incident.key} ${cell(incident.title)} | ${cell(teamName(incident.reportingTeamId))} | ${incident.weightedHarm} (${incident.harm} × ${incident.surprise}) |`,
      )
    }
    lines.push('')
  }

  lines.push('## Decisions and tradeoffs', '')
  if (input.decisions.length === 0) lines.push('No decision is recorded for these incidents.', '')
  for (const decision of input.decisions) {
    lines.push(
      `- ${escapeMarkdown(decision.title)} (${escapeMarkdown(teamName(decision.owningTeamId))}): ${tradeoffText(decision.tradeoff)}`,
    )
  }
  if (input.decisions.length > 0) lines.push('')

  lines.push('## Missing context', '')
  const missing = input.incidents.filter((incident) => incident.missingContext.trim())
  if (missing.length === 0) lines.push('Nobody named the missing context yet.', '')
  for (const incident of missing) lines.push(`- ${incident.key}: ${escapeMarkdown(incident.missingContext)}`)
  if (missing.length > 0) lines.push('')

  lines.push('## Teams involved', '')
  for (const team of input.teams) {
    lines.push(`- ${escapeMarkdown(team.name)}: reported ${team.harmedIncidents}, caused ${team.causedIncidents}`)
  }
  if (input.teams.length > 0) lines.push('')

  lines.push('## Stated tradeoff', '')
  lines.push(
    retro.tradeoff
      ? `We prefer **${escapeMarkdown(retro.tradeoff.prefer)}** over **${escapeMarkdown(retro.tradeoff.over)}**, for goal **${escapeMarkdown(retro.tradeoff.forGoal)}**.`
      : 'None stated yet.',
    '',
  )

  lines.push('## Actions', '')
  if (input.actions.length === 0) lines.push('No actions recorded.', '')
  for (const group of classOrder) {
    const actions = input.actions.filter((action) => actionClass(action.kind) === group)
    if (actions.length === 0) continue
    lines.push(`### ${actionClassLabels[group]}`, '')
    for (const action of actions) lines.push(actionLine(action, teamName))
    lines.push('')
  }

  lines.push('## Carried over from earlier retros', '')
  if (input.carriedOver.length === 0) lines.push('No open actions carried over.', '')
  for (const { action, links } of input.carriedOver) {
    lines.push(
      `${actionLine(action, teamName)}\n  - From: ${escapeMarkdown(action.retroTitle)} (${links.map((link) => linkText(link, teamName)).join('; ')})`,
    )
  }
  if (input.carriedOver.length > 0) lines.push('')
  return `${lines.join('\n').trimEnd()}\n`
}

/** A file name for the export: the title in lowercase words, safe in any file system. */
export function retroFileName(title: string, heldAt: string | null): string {
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return `${heldAt ? `${heldAt.slice(0, 10)}-` : ''}${slug || 'retro'}.md`
}
