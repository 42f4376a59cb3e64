/**
 * A decision that carries its tradeoff can be generalised and shared; one without it is an
 * agreement that settles only itself (DESIGN.md, "Why it exists"). The class is derived from
 * the tradeoff every time, never stored.
 */
import type { Tradeoff } from './vocabulary'

export type DecisionClass = 'agreement' | 'strategy_bearing'

/** A tradeoff as a form or a row may hold it: any part missing, blank or null. */
export type TradeoffDraft = { [K in keyof Tradeoff]?: string | null }

/** Trimmed tradeoff, or null when every part is blank. A partly filled one is kept as is. */
export function normalizeTradeoff(t: TradeoffDraft | null | undefined): Tradeoff | null {
  if (!t) return null
  const tradeoff: Tradeoff = {
    prefer: t.prefer?.trim() ?? '',
    over: t.over?.trim() ?? '',
    forGoal: t.forGoal?.trim() ?? '',
  }
  return tradeoff.prefer || tradeoff.over || tradeoff.forGoal ? tradeoff : null
}

/** Only all three parts let a partner team predict the next decision: half a why is no why. */
export function isCompleteTradeoff(t: TradeoffDraft | null | undefined): t is Tradeoff {
  return !!t && !!t.prefer?.trim() && !!t.over?.trim() && !!t.forGoal?.trim()
}

export function decisionClass(d: { tradeoff: TradeoffDraft | null | undefined }): DecisionClass {
  return isCompleteTradeoff(d.tradeoff) ? 'strategy_bearing' : 'agreement'
}

/** The sentence form DESIGN.md uses everywhere: "we prefer X over Y, for goal Z". */
export function describeTradeoff(t: Tradeoff): string {
  return `we prefer ${t.prefer.trim()} over ${t.over.trim()}, for goal ${t.forGoal.trim()}`
}
