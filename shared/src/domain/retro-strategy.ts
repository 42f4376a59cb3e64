/**
 * "Advocate for autonomy": a tradeoff a retro states is offered as a strategy draft, prefilled
 * from what the retro already knows, so publishing it costs the facilitator one click.
 */
import { addDays } from './dates'
import type { Tradeoff } from './vocabulary'

/** How long a new strategy lives before its first review: a quarter. */
export const DRAFT_REVIEW_DAYS = 91

export interface RetroForStrategy {
  retro: { title: string; summary: string; tradeoff: Tradeoff | null }
  cluster: { title: string }
  incidents: ReadonlyArray<{ key: string; missingContext: string; decisionOwnerTeamId: string | null }>
  teams: ReadonlyArray<{ id: string }>
}

export interface StrategyDraftChoices {
  today: string
  title?: string | undefined
  ownerTeamId?: string | undefined
  reviewBy?: string | undefined
  /** The facilitator's own teams: the owner when the incidents name no decision owner. */
  viewerTeamIds: readonly string[]
}

export interface StrategyDraft {
  title: string
  context: string
  ownerTeamId: string | null
  scopeTeamIds: string[]
  tradeoffs: Tradeoff[]
  reviewBy: string
}

const cap = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`)

/** The team whose decisions caused most of the incidents: it is the one to state the priority. */
export function likeliestOwnerTeam(incidents: RetroForStrategy['incidents']): string | null {
  const counts = new Map<string, number>()
  for (const { decisionOwnerTeamId } of incidents) {
    if (decisionOwnerTeamId) counts.set(decisionOwnerTeamId, (counts.get(decisionOwnerTeamId) ?? 0) + 1)
  }
  let best: string | null = null
  for (const [teamId, count] of counts) if (best === null || count > (counts.get(best) ?? 0)) best = teamId
  return best
}

/** The context of the draft: where it came from, the retro summary and the missing context, in words. */
export function strategyContextFromRetro(input: RetroForStrategy): string {
  const parts = [`From the retro "${input.retro.title}" on "${input.cluster.title}".`]
  if (input.retro.summary.trim()) parts.push(input.retro.summary.trim())
  const missing = input.incidents.filter((incident) => incident.missingContext.trim())
  if (missing.length > 0) {
    parts.push(
      ['What the incidents said was missing:', ...missing.map((i) => `- ${i.key}: ${i.missingContext.trim()}`)].join('\n'),
    )
  }
  return cap(parts.join('\n\n'), 20_000)
}

/** Null when the retro has stated no tradeoff yet: there is nothing to publish. */
export function strategyDraftFromRetro(input: RetroForStrategy, choices: StrategyDraftChoices): StrategyDraft | null {
  const tradeoff = input.retro.tradeoff
  if (!tradeoff) return null
  return {
    title: choices.title ?? cap(`Prefer ${tradeoff.prefer} over ${tradeoff.over}`, 200),
    context: strategyContextFromRetro(input),
    ownerTeamId: choices.ownerTeamId ?? likeliestOwnerTeam(input.incidents) ?? choices.viewerTeamIds[0] ?? null,
    scopeTeamIds: input.teams.map((team) => team.id),
    tradeoffs: [tradeoff],
    reviewBy: choices.reviewBy ?? addDays(choices.today, DRAFT_REVIEW_DAYS),
  }
}

/** A gap for a cluster whose incidents point at none: named after the cluster, described by what was missing. */
export function strategyGapFromRetro(
  input: RetroForStrategy,
  choices: { title?: string | undefined; description?: string | undefined },
): { title: string; description: string } {
  return {
    title: choices.title ?? cap(`Missing strategy behind ${input.cluster.title}`, 200),
    description: choices.description ?? strategyContextFromRetro(input),
  }
}
