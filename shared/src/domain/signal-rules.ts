import type { FieldProblem } from './errors'

export interface SignalInput {
  kind: 'near_miss' | 'autonomy_win'
  occurredAt: string
  strategyId?: string | null
}

export interface SignalProblem extends FieldProblem {
  /** The sentence a person reads; `message` is the short one shown beside the field. */
  detail: string
}

/**
 * What a near miss or an autonomy win must say before it is noted: the day it happened, not a
 * day to come (`today` is the latest calendar day anywhere), and for an autonomy win the
 * strategy that let the team decide on its own.
 */
export function checkSignal(signal: SignalInput, today: string): SignalProblem[] {
  const problems: SignalProblem[] = []
  if (signal.occurredAt > today) {
    problems.push({
      field: 'occurredAt',
      message: 'cannot be in the future',
      detail: 'occurredAt cannot be in the future: give the day it happened',
    })
  }
  if (signal.kind === 'autonomy_win' && !signal.strategyId) {
    problems.push({
      field: 'strategyId',
      message: 'is required for an autonomy win',
      detail: 'An autonomy win names the strategy that let you decide on your own: send strategyId',
    })
  }
  return problems
}
