/**
 * A strategy gap moves open → acknowledged → published → verified, or ends as wont_fix with a
 * reason. The order is strict on purpose: a gap nobody owns gets no strategy, and a strategy
 * that was never published cannot have made incidents drop.
 */
import { addDays } from './dates'
import { daysBetween } from './discovery-lag'
import type { GapStatus } from './vocabulary'

export type GapTransition =
  | { to: 'acknowledged'; ownerId: string }
  | { to: 'published'; strategyId: string }
  | { to: 'verified' }
  | { to: 'wont_fix'; reason: string }
  // Reopen: a verified gap whose incidents come back, or a wont_fix someone reconsiders.
  | { to: 'open' }

export type GapTransitionCheck = { ok: true } | { ok: false; message: string }

/** Allowed next statuses from each status. */
export const gapLifecycle: Record<GapStatus, GapStatus[]> = {
  open: ['acknowledged', 'wont_fix'],
  acknowledged: ['published', 'wont_fix'],
  published: ['verified', 'wont_fix'],
  verified: ['open'],
  wont_fix: ['open'],
}

const label: Record<GapStatus, string> = {
  open: 'open',
  acknowledged: 'acknowledged',
  published: 'published',
  verified: 'verified',
  wont_fix: "won't fix",
}

const isBlank = (value: string | null | undefined): boolean => value == null || value.trim() === ''

const fail = (message: string): GapTransitionCheck => ({ ok: false, message })

// The common wrong turns get a message that says what to do first; the rest share a generic one.
function refusal(from: GapStatus, to: GapStatus): string {
  if (from === to) return `The gap is already ${label[to]}`
  if (to === 'published' && from === 'open') {
    return 'A leader must acknowledge the gap and own it before a strategy can close it'
  }
  if (to === 'verified') {
    return 'Only a gap whose strategy is published can be verified: publish the strategy that closes it first'
  }
  if (to === 'open') return "Only a verified or won't-fix gap can be reopened; this one is still in progress"
  if (to === 'wont_fix') return `A ${label[from]} gap is settled; reopen it first if it needs a different outcome`
  const next = (gapLifecycle[from] ?? []).map((s) => label[s]).join(' or ')
  return `A ${label[from]} gap cannot become ${label[to]}; it can become ${next}`
}

export function checkGapTransition(from: GapStatus, t: GapTransition): GapTransitionCheck {
  if (!(gapLifecycle[from] ?? []).includes(t.to)) return fail(refusal(from, t.to))
  switch (t.to) {
    case 'acknowledged':
      return isBlank(t.ownerId) ? fail('Name the leader who owns this gap to acknowledge it') : { ok: true }
    case 'published':
      return isBlank(t.strategyId) ? fail('Say which published strategy closes this gap') : { ok: true }
    case 'wont_fix':
      // The teams that were hurt deserve the reasoning, not a silent close.
      return isBlank(t.reason)
        ? fail("Say why this gap won't be fixed, so the teams it hurt can see the reasoning")
        : { ok: true }
    case 'verified':
    case 'open':
      return { ok: true }
  }
}

/**
 * "Draft the strategy now": a gap may be linked to a draft of the strategy that will close it
 * while it is acknowledged, the step where it waits for that strategy. Publishing the draft is
 * still its own step, and so is marking the gap as addressed (only a published strategy can).
 */
export function checkStrategyDraft(status: GapStatus): GapTransitionCheck {
  switch (status) {
    case 'acknowledged':
      return { ok: true }
    case 'open':
      return fail('Acknowledge the gap and own it before drafting the strategy that closes it')
    case 'published':
    case 'verified':
      return fail('A published strategy already addresses this gap; revise that strategy instead of drafting another')
    case 'wont_fix':
      return fail("This gap was closed as won't fix; reopen it before drafting a strategy for it")
  }
}

/** How long a gap must stay quiet after its strategy is published before it counts as verified. */
export const defaultVerificationWeeks = 8

/**
 * True when at least `weeks` weeks have passed since the addressing strategy was published and
 * no incident in the gap's area was discovered on or after that day. An incident discovered on
 * the publication day counts against it: nobody can have acted on the strategy yet, but nor can
 * we tell that it helped. All dates are 'YYYY-MM-DD'.
 */
export function isVerifiable(input: {
  publishedAt: string
  lastIncidentAt: string | null
  weeks: number
  today: string
}): boolean {
  const { publishedAt, lastIncidentAt, weeks, today } = input
  if (!Number.isFinite(weeks) || weeks < 0) {
    throw new RangeError(`weeks must be a number of weeks of zero or more, got ${weeks}`)
  }
  const quietSincePublished = lastIncidentAt === null || lastIncidentAt < publishedAt
  return quietSincePublished && daysBetween(publishedAt, today) >= weeks * 7
}

/**
 * Where a published gap stands on its way to verified, so the API can refuse early with the day
 * it becomes possible and the screen can say the same before anyone clicks:
 * - ready: quiet for the chosen weeks since publication;
 * - waiting: quiet so far; possible from `earliestAt` if no incident arrives before then;
 * - interrupted: an incident came on or after publication, so this strategy has not closed it.
 */
export type VerificationOutlook =
  | { state: 'ready'; earliestAt: string }
  | { state: 'waiting'; earliestAt: string }
  | { state: 'interrupted'; earliestAt: string; lastIncidentAt: string }

export function verificationOutlook(input: {
  publishedAt: string
  lastIncidentAt: string | null
  weeks: number
  today: string
}): VerificationOutlook {
  const earliestAt = addDays(input.publishedAt, input.weeks * 7)
  if (isVerifiable(input)) return { state: 'ready', earliestAt }
  const { lastIncidentAt } = input
  if (lastIncidentAt !== null && lastIncidentAt >= input.publishedAt) return { state: 'interrupted', earliestAt, lastIncidentAt }
  return { state: 'waiting', earliestAt }
}
