/**
 * The incident page's activity feed in plain words, and the rule for "this hurt us too"
 * (docs/decisions/023). Pure: callers resolve names (teams, decisions, gaps, incidents) first.
 */
import type { FieldProblem } from './errors'
import type { HarmKind, IncidentStatus, RootCause } from './vocabulary'

export const incidentStatusWords: Record<IncidentStatus, string> = {
  open: 'Open',
  triaged: 'Triaged',
  in_retro: 'In a retro',
  resolved: 'Resolved',
}

export const rootCauseWords: Record<RootCause, string> = {
  missing_strategy: 'Missing strategy',
  stale_strategy: 'Stale strategy',
  agreement_without_why: 'Agreement without its why',
  hidden_decision: 'Hidden decision',
  conflicting_priorities: 'Conflicting priorities',
  unknown: 'Not analysed yet',
}

const harmKindWords: Record<HarmKind, string> = {
  rework: 'rework',
  delay: 'delay',
  customer: 'customer impact',
  cost: 'cost',
  quality: 'quality',
  morale: 'morale',
  opportunity: 'lost opportunity',
}

/** What the feed calls whoever took the step; an anonymous reporter is never named. */
export const ANONYMOUS_ACTOR_NAME = 'Someone (anonymous)'
export const SYSTEM_ACTOR_NAME = 'The tracker'

/** Names for the ids an entry refers to; undefined when unknown or not visible to the reader. */
export interface ActivityNames {
  team(id: string): string | undefined
  decision(id: string): string | undefined
  gap(id: string): string | undefined
  /** The MIS key of an incident the reader may see. */
  incident(id: string): string | undefined
}

export interface AuditForWords {
  action: string
  actorName: string
  changes: Record<string, { before?: unknown; after?: unknown }>
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
/** "14 Mar 2026", as every date on screen reads. */
export function dayWords(day: string): string {
  const [y, m, d] = day.slice(0, 10).split('-')
  return `${Number(d)} ${months[Number(m) - 1] ?? m} ${y}`
}

const quote = (text: string, max = 80) => `“${text.length > max ? `${text.slice(0, max - 1)}…` : text}”`
const str = (value: unknown) => (typeof value === 'string' ? value : undefined)
const num = (value: unknown) => (typeof value === 'number' ? value : undefined)

/** Fields the feed leaves out: bookkeeping, or derived from a field it already words. */
const unworded = new Set([
  'id',
  'number',
  'key',
  'version',
  'createdAt',
  'updatedAt',
  'weightedHarm',
  'discoveryLagDays',
  'isMine',
  'reporterId',
  'anonymous',
  'reportingTeamId',
])

/** One sentence fragment ("set the root cause to Hidden decision") per changed field. */
export function describeFieldChange(field: string, before: unknown, after: unknown, names: ActivityNames): string | null {
  if (unworded.has(field)) return null
  switch (field) {
    case 'status':
      return `set the status to ${incidentStatusWords[after as IncidentStatus] ?? String(after)}`
    case 'rootCause':
      return `set the root cause to ${rootCauseWords[after as RootCause] ?? String(after)}`
    case 'decisionId': {
      const id = str(after)
      if (!id) return 'removed the upstream decision'
      const title = names.decision(id)
      return title ? `linked the decision ${quote(title)}` : 'linked an upstream decision'
    }
    case 'decisionOwnerTeamId': {
      const id = str(after)
      return id ? `set the decision owner to ${names.team(id) ?? 'another team'}` : 'cleared the decision owner'
    }
    case 'gapId': {
      const id = str(after)
      if (!id) return 'removed the strategy gap'
      const title = names.gap(id)
      return title ? `linked the strategy gap ${quote(title)}` : 'linked a strategy gap'
    }
    case 'title':
      return `renamed it to ${quote(str(after) ?? '')}`
    case 'narrative':
      return 'edited what happened'
    case 'expected':
      return 'edited what was expected'
    case 'harmedGoal':
      return 'edited the goal hurt'
    case 'missingContext':
      return str(after) ? `set the missing context to ${quote(str(after) ?? '')}` : 'cleared the missing context'
    case 'surprise':
      return `set the surprise to ${String(after)} of 5`
    case 'harm':
      return `set the harm to ${String(after)} of 5`
    case 'harmKinds': {
      const kinds = Array.isArray(after) ? (after as HarmKind[]).map((k) => harmKindWords[k] ?? k) : []
      return kinds.length > 0 ? `set the kinds of harm to ${kinds.join(', ')}` : 'cleared the kinds of harm'
    }
    case 'engineerDaysLost':
      return num(after) === undefined ? 'cleared the engineer-days lost' : `set the engineer-days lost to ${after}`
    case 'delayDays':
      return num(after) === undefined ? 'cleared the days of delay' : `set the days of delay to ${after}`
    case 'restricted':
      return after ? 'made it visible to the reporting team only' : 'made it visible to everyone'
    case 'discoveredAt':
      return str(after) ? `set the discovery day to ${dayWords(str(after) ?? '')}` : null
    case 'discoveryChannel':
      return `set how it was found to ${String(after).replace(/_/g, ' ')}`
    default:
      return before === after ? null : `changed the ${field.replace(/([A-Z])/g, ' $1').toLowerCase()}`
  }
}

/** "Harm 3 × surprise 4 = 12": weighted harm with its formula, as the page shows it. */
export const weightedHarmWords = (harm: number, surprise: number) => `harm ${harm} × surprise ${surprise} = ${harm * surprise}`

function joinWords(parts: string[]): string {
  if (parts.length <= 1) return parts.join('')
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`
}

/** An audit entry about an incident as one sentence, plus one per changed field. */
export function describeAuditEntry(entry: AuditForWords, names: ActivityNames): { summary: string; details: string[] } {
  const who = entry.actorName
  const c = entry.changes
  switch (entry.action) {
    case 'create':
      return { summary: `${who} filed this incident`, details: [] }
    case 'mark_unrelated':
    case 'unmark_unrelated': {
      const otherId = str(c.unrelatedTo?.after) ?? str(c.unrelatedTo?.before)
      const other = (otherId && names.incident(otherId)) || 'another incident'
      return entry.action === 'mark_unrelated'
        ? { summary: `${who} marked ${other} as not related`, details: [] }
        : { summary: `${who} took back “not related” for ${other}`, details: [] }
    }
    case 'impact.add':
    case 'impact.remove': {
      const teamId = str(c.teamId?.after) ?? str(c.teamId?.before)
      const team = (teamId && names.team(teamId)) || 'another team'
      const harm = num(c.harm?.after) ?? num(c.harm?.before)
      const surprise = num(c.surprise?.after) ?? num(c.surprise?.before)
      const figure = harm !== undefined && surprise !== undefined ? `: ${weightedHarmWords(harm, surprise)}` : ''
      return entry.action === 'impact.add'
        ? { summary: `${who} added that this hurt ${team} too${figure}`, details: [] }
        : { summary: `${who} took back ${team}’s harm${figure}`, details: [] }
    }
    default: {
      const details = Object.entries(c)
        .map(([field, change]) => describeFieldChange(field, change.before, change.after, names))
        .filter((words): words is string => words !== null)
      if (details.length === 0) return { summary: `${who} changed this incident`, details: [] }
      const shown = details.length <= 3 ? details : [...details.slice(0, 2), `made ${details.length - 2} more changes`]
      return { summary: `${who} ${joinWords(shown)}`, details: details.length > 1 ? details : [] }
    }
  }
}

/** A comment's feed sentence: who commented, and which teams it calls on. */
export function describeComment(authorName: string, mentionedTeamNames: readonly string[]): string {
  return mentionedTeamNames.length > 0
    ? `${authorName} commented and mentioned ${joinWords([...mentionedTeamNames])}`
    : `${authorName} commented`
}

/**
 * "This hurt us too" needs what an incident needs of the team adding it: it surprised them and
 * harmed them. A harm of 0 is a near miss, not an impact.
 */
export function checkImpact(draft: { surprise: number; harm: number }): FieldProblem[] {
  const problems: FieldProblem[] = []
  if (draft.surprise < 1)
    problems.push({
      field: 'surprise',
      message: 'How surprising was it to your team (1–5)? Without surprise it is not a misalignment',
    })
  if (draft.harm < 1)
    problems.push({
      field: 'harm',
      message: 'How much did it hurt your team (1–5)? A surprise without harm is not a misalignment',
    })
  return problems
}
