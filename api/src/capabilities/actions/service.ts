import { type Actor, actionRepository, StaleVersionError } from '@misalign/db'
import {
  canAssignActionTo,
  type DomainEvent,
  fail,
  type NewRetroAction,
  type Page,
  type RetroAction,
  type RetroActionChanges,
  type RetroActionQuery,
} from '@misalign/shared'
import { authorize, type Caller } from '../../services/caller'
import type { ServiceDeps } from '../../services/deps'
import { writeTransaction } from '../../services/unit-of-work'

const actionEvent = (type: DomainEvent['type'], action: RetroAction): DomainEvent => ({
  type,
  aggregateType: 'action',
  aggregateId: action.id,
  aggregateVersion: action.version,
  payload: {
    retroId: action.retroId,
    ownerTeamId: action.ownerTeamId,
    kind: action.kind,
    actionClass: action.actionClass,
    status: action.status,
    dueAt: action.dueAt,
  },
})

/** Follow-ups of retros. A lead acts on a retro whose cluster touches their team, and on actions their team owns. */
export function actionService(deps: ServiceDeps) {
  /** The teams the retro is about, as this caller sees its incidents; not found when there is no such retro. */
  async function teamsOfRetro(caller: Caller, retroId: string): Promise<string[] | undefined> {
    return deps.repos.retros.retroTeams(retroId, caller.viewer)
  }

  return {
    list(caller: Caller, query: RetroActionQuery): Promise<Page<RetroAction>> {
      authorize(caller, 'action.read')
      return deps.repos.actions.list(query)
    },

    /** Any kind is accepted: an anti-misalignment kind is asked for a reason, never refused. */
    async record(caller: Caller, retroId: string, input: NewRetroAction): Promise<RetroAction> {
      const teamIds = await teamsOfRetro(caller, retroId)
      if (!teamIds) throw fail.notFound('retro', retroId)
      authorize(caller, 'action.write', { teamIds })
      if (!canAssignActionTo(caller.viewer, input.ownerTeamId, teamIds)) {
        throw fail.forbidden('An action may be owned by a team this retro is about or a team you lead. Ask a leader otherwise.')
      }
      return writeTransaction(deps, async (tx, events) => {
        const action = await actionRepository(tx).create(retroId, input, caller.actor)
        if (!action) throw fail.notFound('retro', retroId)
        await events.record(actionEvent('action.created', action))
        return action
      })
    },

    async update(caller: Caller, id: string, expectedVersion: number, changes: RetroActionChanges): Promise<RetroAction> {
      const access = await deps.repos.actions.findAccess(id)
      if (!access) throw fail.notFound('action', id)
      const retroTeams = (await teamsOfRetro(caller, access.retroId)) ?? []
      authorize(caller, 'action.write', { teamIds: [access.ownerTeamId, ...retroTeams] })
      if (changes.description !== undefined && !changes.description.trim()) {
        throw fail.invalidField('description', 'Describe the action in a few words')
      }
      const newOwner = changes.ownerTeamId
      if (newOwner && newOwner !== access.ownerTeamId && !canAssignActionTo(caller.viewer, newOwner, retroTeams)) {
        throw fail.forbidden(
          'You may hand an action only to a team this retro is about or a team you lead. Ask a leader to move it elsewhere.',
        )
      }
      return writeTransaction(deps, async (tx, events) => {
        const action = await actionRepository(tx).update(id, expectedVersion, changes, caller.actor)
        if (!action) throw fail.notFound('action', id)
        await events.record(actionEvent('action.updated', action))
        return action
      })
    },

    /**
     * The issue linked to this action closed in its tracker. No caller and no policy check: the
     * tracker's webhook signature is the permission, and this can only move an open action to
     * done (ADR 042). Undefined when there is nothing to do: no such action, or not open.
     */
    async completeForClosedIssue(id: string, actor: Actor): Promise<RetroAction | undefined> {
      for (let attempt = 1; ; attempt++) {
        const current = await deps.repos.actions.findById(id)
        if (current?.status !== 'open') return undefined
        try {
          return await writeTransaction(deps, async (tx, events) => {
            const action = await actionRepository(tx).update(id, current.version, { status: 'done' }, actor)
            if (!action) return undefined
            await events.record(actionEvent('action.updated', action))
            return action
          })
        } catch (error) {
          // A person (or the tracker's retry) changed it meanwhile: look again, once.
          if (!(error instanceof StaleVersionError) || attempt >= 2) throw error
        }
      }
    },
  }
}

export type ActionService = ReturnType<typeof actionService>
