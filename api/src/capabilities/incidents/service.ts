import { anonymousActor, type CreateResult, incidentRepository } from '@misalign/db'
import {
  checkRequirements,
  type DomainEvent,
  fail,
  type Incident,
  type IncidentChanges,
  type IncidentDecisionGroups,
  type IncidentGroupQuery,
  type IncidentQuery,
  latestCalendarDay,
  type NewIncident,
  type Page,
} from '@misalign/shared'
import { authorize, type Caller } from '../../services/caller'
import type { ServiceDeps } from '../../services/deps'
import { writeTransaction } from '../../services/unit-of-work'

export interface FileOptions {
  /** A retry with the same key and request files once (ADR 003). */
  idempotency?: { key: string; requestHash: string }
}

export interface Filed {
  incident: Incident
  /** True when the key was seen before and this is its first answer again. */
  replayed: boolean
}

/**
 * What others may learn from an incident event: ids and classification, never the story and
 * never who filed an anonymous report (nor its team, which may be small enough to name them).
 */
export function incidentEventPayload(incident: Incident): Record<string, unknown> {
  return {
    key: incident.key,
    status: incident.status,
    reportingTeamId: incident.anonymous ? null : incident.reportingTeamId,
    decisionId: incident.decisionId,
    decisionOwnerTeamId: incident.decisionOwnerTeamId,
    gapId: incident.gapId,
    rootCause: incident.rootCause,
    discoveredAt: incident.discoveredAt,
    anonymous: incident.anonymous,
    restricted: incident.restricted,
  }
}

export const incidentEvent = (type: DomainEvent['type'], incident: Incident): DomainEvent => ({
  type,
  aggregateType: 'incident',
  aggregateId: incident.id,
  aggregateVersion: incident.version,
  payload: incidentEventPayload(incident),
})

export function incidentService(deps: ServiceDeps) {
  const reads = deps.repos.incidents
  const today = () => latestCalendarDay(deps.now())

  return {
    list(caller: Caller, query: IncidentQuery): Promise<Page<Incident>> {
      authorize(caller, 'incident.read')
      return reads.list(query, caller.viewer)
    },

    /** Incidents per decision under the list's filters, for lists grouped by decision. */
    countByDecision(caller: Caller, query: IncidentGroupQuery): Promise<IncidentDecisionGroups> {
      authorize(caller, 'incident.read')
      return reads.countByDecision(query, caller.viewer)
    },

    /** A restricted incident the caller may not see does not exist for them: not found, never forbidden. */
    async find(caller: Caller, key: string | number): Promise<Incident> {
      authorize(caller, 'incident.read')
      const incident = await reads.find(key, caller.viewer)
      if (!incident) throw fail.notFound('incident', String(key))
      return incident
    },

    /** Files a report: all three requirements, one transaction with its audit entry and `incident.filed`. */
    async file(caller: Caller, input: NewIncident, options: FileOptions = {}): Promise<Filed> {
      authorize(caller, 'incident.file')
      const problems = checkRequirements(input, today())
      const first = problems[0]
      if (first) {
        throw fail.invalid(problems.length === 1 ? first.message : problems.map((found) => found.message).join('. '), problems)
      }
      // An anonymous report is audited as "anonymous": the log must not name its reporter.
      const actor = input.anonymous ? anonymousActor : caller.actor
      const result = await writeTransaction(deps, async (tx, events): Promise<CreateResult> => {
        const incidents = incidentRepository(tx)
        const created = options.idempotency
          ? await incidents.createIdempotent(input, caller.viewer, actor, {
              scope: caller.viewer.reporterKey,
              ...options.idempotency,
            })
          : { kind: 'created' as const, incident: await incidents.create(input, caller.viewer, actor) }
        if (created.kind === 'created') await events.record(incidentEvent('incident.filed', created.incident))
        return created
      })
      return result.kind === 'created'
        ? { incident: result.incident, replayed: false }
        : { incident: result.body as Incident, replayed: true }
    },

    /** Triage, trace or status: by its reporter, leads of the reporting team, leaders and admins. */
    async update(caller: Caller, key: string | number, expectedVersion: number, changes: IncidentChanges): Promise<Incident> {
      const access = await reads.findAccess(key, caller.viewer)
      if (!access) throw fail.notFound('incident', String(key))
      authorize(caller, 'incident.update', { teamIds: [access.reportingTeamId], isOwnedByViewer: access.isMine })
      if (changes.discoveredAt && changes.discoveredAt > today()) {
        throw fail.invalidField('discoveredAt', 'discoveredAt cannot be in the future')
      }
      return writeTransaction(deps, async (tx, events) => {
        const incident = await incidentRepository(tx).update(access.id, expectedVersion, changes, caller.viewer, caller.actor)
        if (!incident) throw fail.notFound('incident', String(key))
        await events.record(incidentEvent('incident.updated', incident))
        return incident
      })
    },
  }
}

export type IncidentService = ReturnType<typeof incidentService>
