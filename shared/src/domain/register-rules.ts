/**
 * Rules of the registers (decisions, priorities, strategy gaps) that need nothing stored: the
 * services check them before opening a transaction. Each answers the field at fault, or nothing.
 */
import type { FieldProblem } from './errors'
import type { DecisionStatus } from './vocabulary'

/** A tradeoff prefers one priority over another: confirming the same one on both sides says nothing. */
export function checkPriorityPicks(picks: { preferPriorityId: string; overPriorityId: string }): FieldProblem | undefined {
  if (picks.preferPriorityId.toLowerCase() !== picks.overPriorityId.toLowerCase()) return undefined
  return { field: 'overPriorityId', message: 'A tradeoff prefers one priority over another: pick two different priorities' }
}

/**
 * "superseded" and supersededById go together, and a decision cannot replace itself. Judged on
 * the decision as it would be after the change.
 */
export function checkSupersession(id: string, status: DecisionStatus, supersededById: string | null): FieldProblem | undefined {
  const field = 'supersededById'
  if (supersededById !== null && supersededById.toLowerCase() === id.toLowerCase()) {
    return { field, message: 'A decision cannot be superseded by itself; name the decision that replaced it' }
  }
  if (status === 'superseded' && supersededById === null) {
    return { field, message: 'A superseded decision needs supersededById: say which decision replaced it' }
  }
  if (status !== 'superseded' && supersededById !== null) {
    return {
      field,
      message: 'Only a superseded decision names a supersededById; set status to superseded, or send supersededById: null',
    }
  }
  return undefined
}

/** A window of days read from a query: its start may not come after its end. */
export function checkDayWindow(window: { from?: string; to?: string }): FieldProblem | undefined {
  if (window.from && window.to && window.from > window.to) return { field: 'from', message: 'must be on or before to' }
  return undefined
}
