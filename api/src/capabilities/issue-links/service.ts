import { type Actor, type IssueLinkSubjectRef, issueLinkRepository } from '@misalign/db'
import {
  fail,
  type IssueLink,
  type IssueLinks,
  type IssueTracker,
  type IssueWebhookOutcome,
  issueLinkOf,
  issueTrackerLabels,
} from '@misalign/shared'
import { authorize, type Caller } from '../../services/caller'
import type { ServiceDeps } from '../../services/deps'
import { writeTransaction } from '../../services/unit-of-work'
import { actionService } from '../actions/service'

/** An action by its id, or an incident by its id or MIS-<number>, as the routes name them. */
export type LinkSubject = { type: 'action'; id: string } | { type: 'incident'; key: string | number; shown: string }

/** What a tracker's webhook says happened to one of its issues. */
export interface IssueChange {
  tracker: IssueTracker
  key: string
  change: 'closed' | 'reopened'
}

/** How the audit log names a change a tracker's webhook made: nobody's account. */
export const trackerActor = (tracker: IssueTracker): Actor => ({ id: null, label: `${issueTrackerLabels[tracker]} webhook` })

/**
 * Links from actions and incidents to tracker issues (ADR 042). Reading a subject's links needs
 * what reading the subject needs; adding and removing one needs what updating it needs, checked
 * exactly as the actions and incidents services check an update.
 */
export function issueLinkService(deps: ServiceDeps) {
  const links = deps.repos.issueLinks
  const actions = actionService(deps)

  /** The same rule as actionService.update: leads of the owning team or of a team its retro is about. */
  async function actionRef(caller: Caller, id: string, intent: 'read' | 'write'): Promise<IssueLinkSubjectRef> {
    if (intent === 'read') authorize(caller, 'action.read')
    const access = await deps.repos.actions.findAccess(id)
    if (!access) throw fail.notFound('action', id)
    if (intent === 'write') {
      const retroTeams = (await deps.repos.retros.retroTeams(access.retroId, caller.viewer)) ?? []
      authorize(caller, 'action.write', { teamIds: [access.ownerTeamId, ...retroTeams] })
    }
    return { type: 'action', id: access.id }
  }

  /** The same rule as incidentService.update; an incident the caller may not see is not found. */
  async function incidentRef(caller: Caller, key: string | number, shown: string, intent: 'read' | 'write') {
    if (intent === 'read') authorize(caller, 'incident.read')
    const access = await deps.repos.incidents.findAccess(key, caller.viewer)
    if (!access) throw fail.notFound('incident', shown)
    if (intent === 'write') {
      authorize(caller, 'incident.update', { teamIds: [access.reportingTeamId], isOwnedByViewer: access.isMine })
    }
    return { type: 'incident', id: access.id } as const
  }

  const refOf = (caller: Caller, subject: LinkSubject, intent: 'read' | 'write') =>
    subject.type === 'action' ? actionRef(caller, subject.id, intent) : incidentRef(caller, subject.key, subject.shown, intent)

  return {
    async list(caller: Caller, subject: LinkSubject): Promise<IssueLinks> {
      return { items: await links.listFor(await refOf(caller, subject, 'read')) }
    },

    async add(caller: Caller, subject: LinkSubject, url: string): Promise<IssueLink> {
      const ref = await refOf(caller, subject, 'write')
      const recognized = issueLinkOf(url)
      if (!recognized.ok) throw fail.invalidField('url', recognized.reason)
      const added = await writeTransaction(deps, (tx) => issueLinkRepository(tx).add(ref, recognized.link, caller.actor))
      if (!added) {
        throw fail.conflict(`This ${subject.type} already links ${recognized.link.url}.`, 'issue-link-exists')
      }
      return added
    },

    async remove(caller: Caller, subject: LinkSubject, linkId: string): Promise<void> {
      const ref = await refOf(caller, subject, 'write')
      const removed = await writeTransaction(deps, (tx) => issueLinkRepository(tx).remove(ref, linkId, caller.actor))
      if (!removed) throw fail.notFound('issue link', linkId)
    },

    /**
     * A tracker's signed webhook: no caller, the signature was the check. Closing marks every
     * link to the issue closed and each linked open action done; reopening only reopens the
     * links. Actions go first, so a retry after a failure in between still finds open links and
     * finishes the job; a replay of a finished delivery finds nothing open and changes nothing.
     */
    async issueChanged({ tracker, key, change }: IssueChange): Promise<IssueWebhookOutcome> {
      const linked = await links.listByIssue(tracker, key)
      const outcome = { tracker, key, links: 0, actionsDone: 0 }
      if (linked.length === 0) return { ...outcome, outcome: 'no link' }
      const actor = trackerActor(tracker)
      if (change === 'closed') {
        const actionIds = new Set(linked.filter((l) => l.subjectType === 'action' && l.state === 'open').map((l) => l.subjectId))
        for (const id of actionIds) if (await actions.completeForClosedIssue(id, actor)) outcome.actionsDone++
      }
      const moved = await writeTransaction(deps, (tx) =>
        issueLinkRepository(tx).setStateByIssue(tracker, key, change === 'closed' ? 'closed' : 'open', deps.now(), actor),
      )
      outcome.links = moved.length
      return { ...outcome, outcome: moved.length > 0 ? change : 'unchanged' }
    },
  }
}

export type IssueLinkService = ReturnType<typeof issueLinkService>
