/**
 * Plain words for the retro vocabulary. They live in shared (not only in the web app) because
 * the Markdown export uses the same words as the screen.
 */
import type { ActionClass } from './action-class'
import type { ActionKind, ActionStatus, RetroStatus } from './vocabulary'

export const actionKindLabels: Record<ActionKind, string> = {
  share_strategy: 'Share the strategy',
  state_tradeoff: 'State the tradeoff',
  generalize_decision: 'Generalise the decision',
  make_discoverable: 'Make decisions discoverable',
  schedule_strategy_review: 'Schedule a strategy review',
  add_sync_meeting: 'Add a sync meeting',
  add_approval_gate: 'Add an approval gate',
  restrict_visibility: 'Restrict visibility',
  freeze_decisions: 'Freeze decisions',
  require_lockstep: 'Require lockstep',
}

export const actionClassLabels: Record<ActionClass, string> = {
  alignment: 'Alignment',
  anti_misalignment: 'Anti-misalignment',
}

export const actionStatusLabels: Record<ActionStatus, string> = {
  open: 'Open',
  done: 'Done',
  not_doing: 'Not doing',
}

export const retroStatusLabels: Record<RetroStatus, string> = {
  planned: 'Planned',
  held: 'Held',
  closed: 'Closed',
}
