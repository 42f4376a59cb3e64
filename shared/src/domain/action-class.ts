/**
 * Retro actions are either real alignment (sharing context so teams can predict decisions)
 * or anti-misalignment (adding control). The dashboard counts the share of the second kind,
 * and the retro form shows the note below when someone picks one.
 */
import { type ActionKind, alignmentActionKinds, type antiMisalignmentActionKinds } from './vocabulary'

export type ActionClass = 'alignment' | 'anti_misalignment'
export type AlignmentKind = (typeof alignmentActionKinds)[number]
export type AntiMisalignmentKind = (typeof antiMisalignmentActionKinds)[number]

const alignmentKinds: ReadonlySet<ActionKind> = new Set(alignmentActionKinds)

export function actionClass(kind: ActionKind): ActionClass {
  return alignmentKinds.has(kind) ? 'alignment' : 'anti_misalignment'
}

export function isAntiMisalignment(kind: ActionKind): kind is AntiMisalignmentKind {
  return actionClass(kind) === 'anti_misalignment'
}

/**
 * Honest about why control feels like it works and what it costs, and offers the alignment
 * action that removes the cause instead. Typed by the record, so a new kind in vocabulary.ts
 * will not compile until it has a note.
 */
export const antiMisalignmentNotes: Record<
  AntiMisalignmentKind,
  { cost: string; alternative: AlignmentKind; alternativeText: string }
> = {
  add_sync_meeting: {
    cost: 'every team pays the meeting forever, and it only helps those in the room',
    alternative: 'share_strategy',
    alternativeText:
      'Write down the strategy the meeting would keep repeating and share it, so teams who were not in the room can predict the next decision too.',
  },
  add_approval_gate: {
    cost: 'every decision waits in a queue, and the approver becomes the only one who knows why',
    alternative: 'state_tradeoff',
    alternativeText: 'State the tradeoff the approver would apply, so teams can make the same call on their own.',
  },
  restrict_visibility: {
    cost: 'hiding decisions does not stop the harm, it only delays its discovery and makes it dearer',
    alternative: 'make_discoverable',
    alternativeText:
      'Make decisions discoverable where partner teams already look, so they find them early, while change is still cheap.',
  },
  freeze_decisions: {
    cost: 'not deciding is a decision too: work stalls, incidents drop for the wrong reason, and the cause stays',
    alternative: 'schedule_strategy_review',
    alternativeText:
      'Review the strategy that went stale and re-share it, so teams can decide again under priorities everyone knows.',
  },
  require_lockstep: {
    cost: 'teams move at the pace of the slowest one and lose the autonomy to act on what they know',
    alternative: 'generalize_decision',
    alternativeText:
      'Generalise the decision into a tradeoff partner teams can apply themselves, so they stay consistent without deciding together.',
  },
}
