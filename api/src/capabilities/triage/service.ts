import { type LinkOutcome, triageRepository } from '@misalign/db'
import {
  can,
  checkDecisionLinks,
  type DecisionLink,
  DomainError,
  type DomainEvent,
  fail,
  type LinkedDecisions,
  mayAttempt,
  type NoDecisionPage,
  type NoDecisionQuery,
  type OverdueActionQuery,
  type Page,
  type RetroAction,
  scopeOf,
  utcDay,
} from '@misalign/shared'
import { authorize, type Caller, describeAction } from '../../services/caller'
import type { ServiceDeps } from '../../services/deps'
import { writeTransaction } from '../../services/unit-of-work'
import { topSuggestions } from './suggestions'

const listed = (values: readonly string[]) => values.slice(0, 10).join(', ') + (values.length > 10 ? ', …' : '')

type Refused = Exclude<LinkOutcome, { kind: 'linked' }>

/** Why a bulk link was refused, as the one error every way in understands; nothing was written. */
function refusal(outcome: Refused): DomainError {
  switch (outcome.kind) {
    case 'unknown_incidents':
      return new DomainError(
        'not-found',
        `No incident with id ${listed(outcome.incidentIds)} exists (or you cannot see it). Nothing was linked.`,
        { fields: outcome.incidentIds.map((id) => ({ field: 'incidentId', message: `no incident ${id}` })) },
      )
    case 'forbidden':
      return new DomainError(
        'forbidden',
        `You may not change ${listed(outcome.incidents.map((i) => i.key))}: only its reporter, leads of its reporting team, leaders and admins can. Nothing was linked; leave these out and send the rest again.`,
        { fields: outcome.incidents.map((i) => ({ field: 'incidentId', message: `${i.key} (${i.id}) is not yours to change` })) },
      )
    case 'unknown_decisions':
      return fail.invalid(
        `No decision with id ${listed(outcome.decisionIds)} exists. Nothing was linked.`,
        outcome.decisionIds.map((id) => ({ field: 'decisionId', message: `no decision ${id}` })),
      )
    case 'unknown_teams':
      return fail.invalid(
        `No team with id ${listed(outcome.teamIds)} exists. Nothing was linked.`,
        outcome.teamIds.map((id) => ({ field: 'decisionOwnerTeamId', message: `no team ${id}` })),
      )
  }
}

/** The queue of incidents nobody has traced to a decision yet, and linking decisions on many at once. */
export function triageService(deps: ServiceDeps) {
  return {
    /** A lead sees incidents their teams reported or are suspected to own; leaders and admins see all. */
    async listWithoutDecision(caller: Caller, query: NoDecisionQuery): Promise<NoDecisionPage> {
      authorize(caller, 'triage.read')
      const viewer = caller.viewer
      const page = await deps.repos.triage.listWithoutDecision(query, viewer)
      const suggestions = await topSuggestions(
        deps.repos,
        page.items.map((incident) => incident.id),
        viewer,
      )
      return {
        total: page.total,
        nextCursor: page.nextCursor,
        items: page.items.map((incident) => ({
          incident,
          // As the incident page decides it: by the team others see, so anonymity holds.
          mayLink: can(viewer, 'incident.update', { teamIds: [incident.reportingTeamId], isOwnedByViewer: incident.isMine }),
          suggestions: suggestions.get(incident.id) ?? [],
        })),
      }
    },

    /**
     * Open actions past their due date: a lead's are those their teams own, leaders' and admins'
     * every team's; `teamId` narrows to one team (actions are readable org-wide, so any team).
     */
    listOverdueActions(caller: Caller, query: OverdueActionQuery): Promise<Page<RetroAction>> {
      authorize(caller, 'triage.read')
      const { teamId, ...page } = query
      const ownerTeamIds = teamId
        ? [teamId]
        : scopeOf(caller.viewer, 'action.write') === 'org'
          ? undefined
          : caller.viewer.teamIds
      return deps.repos.actions.listOverdue({ ...page, today: utcDay(deps.now()), ownerTeamIds })
    },

    /**
     * Links (or unlinks) decisions on many incidents, all or nothing. Each incident is checked
     * under the rule for editing it, against the row locked in the transaction; each one that
     * changes records `incident.decision-linked`.
     */
    async linkDecisions(caller: Caller, links: readonly DecisionLink[]): Promise<LinkedDecisions> {
      // Whose incidents they are is known only under the lock; first, may this role edit any at all?
      if (!mayAttempt(caller.viewer, 'incident.update')) {
        throw fail.forbidden(`Your role (${caller.viewer.role}) may not ${describeAction('incident.update')}.`)
      }
      const problems = checkDecisionLinks(links)
      const first = problems[0]
      if (first) throw fail.invalid(problems.length === 1 ? first.message : `${problems.length} links need fixing`, problems)
      const viewer = caller.viewer
      return writeTransaction(deps, async (tx, events) => {
        const outcome = await triageRepository(tx).linkDecisions(links, viewer, caller.actor, (access) =>
          can(viewer, 'incident.update', { teamIds: [access.reportingTeamId], isOwnedByViewer: access.isMine }),
        )
        if (outcome.kind !== 'linked') throw refusal(outcome)
        for (const link of outcome.links.filter((l) => l.isChanged)) {
          await events.record(decisionLinkedEvent(link))
        }
        return { links: outcome.links }
      })
    },
  }
}

const decisionLinkedEvent = (link: Extract<LinkOutcome, { kind: 'linked' }>['links'][number]): DomainEvent => ({
  type: 'incident.decision-linked',
  aggregateType: 'incident',
  aggregateId: link.incidentId,
  aggregateVersion: link.version,
  payload: {
    key: link.key,
    decisionId: link.current.decisionId,
    decisionOwnerTeamId: link.current.decisionOwnerTeamId,
    previousDecisionId: link.previous.decisionId,
    previousDecisionOwnerTeamId: link.previous.decisionOwnerTeamId,
  },
})

export type TriageService = ReturnType<typeof triageService>
