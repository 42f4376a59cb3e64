import { type ClusterRepository, clusterRepository } from '@misalign/db'
import {
  type ClusterChanges,
  type ClusterDetail,
  type ClusterListQuery,
  type ClusterStatus,
  type ClusterStatusChanges,
  type ClusterStatusResult,
  type ClusterSummary,
  type DomainEvent,
  fail,
  type Page,
  type RecomputeResult,
  repeatedClusterProblems,
  type SimilarIncident,
  type SimilarIncidentsQuery,
} from '@misalign/shared'
import { authorize, type Caller } from '../../services/caller'
import type { ServiceDeps } from '../../services/deps'
import { type Recorder, writeTransaction } from '../../services/unit-of-work'

/** What a status change is called on the outbox; a restore back to suggested is an update. */
const statusEvent: Record<ClusterStatus, DomainEvent['type']> = {
  confirmed: 'cluster.confirmed',
  dismissed: 'cluster.dismissed',
  suggested: 'cluster.updated',
}

/** Ids, status and the kind of edit: never a title (it may quote a report) nor who made it. */
const clusterEvent = (type: DomainEvent['type'], cluster: ClusterDetail, edit: Record<string, unknown>): DomainEvent => ({
  type,
  aggregateType: 'cluster',
  aggregateId: cluster.id,
  aggregateVersion: cluster.version,
  payload: { status: cluster.status, ...edit },
})

/**
 * Suggested and confirmed clusters and people's edits of them: facilitators (leads, leaders,
 * admins) edit org-wide. Each edit is logged, audited and revertible (the repository keeps the
 * log); here it is checked, written in one transaction and announced on the outbox.
 */
export function clusterService(deps: ServiceDeps) {
  const reads = deps.repos.clusters

  /** One transaction for an edit: not found when the cluster is absent or the caller sees none of it. */
  async function editCluster(
    caller: Caller,
    id: string,
    work: (clusters: ClusterRepository, events: Recorder) => Promise<ClusterDetail | undefined>,
    missing: { entity: string; key: string } = { entity: 'cluster', key: id },
  ): Promise<ClusterDetail> {
    authorize(caller, 'cluster.edit')
    return writeTransaction(deps, async (tx, events) => {
      const cluster = await work(clusterRepository(tx), events)
      if (!cluster) throw fail.notFound(missing.entity, missing.key)
      return cluster
    })
  }

  return {
    list(caller: Caller, query: ClusterListQuery): Promise<Page<ClusterSummary>> {
      authorize(caller, 'cluster.read')
      return reads.list(query, caller.viewer)
    },

    async find(caller: Caller, id: string): Promise<ClusterDetail> {
      authorize(caller, 'cluster.read')
      const cluster = await reads.find(id, caller.viewer)
      if (!cluster) throw fail.notFound('cluster', id)
      return cluster
    },

    /** The report form's "has someone already reported this?": only incidents the caller may see. */
    similarToDraft(caller: Caller, query: SimilarIncidentsQuery): Promise<SimilarIncident[]> {
      authorize(caller, 'incident.read')
      return deps.repos.insight.similarToDraft(query, caller.viewer)
    },

    /**
     * Rebuilds the engine's suggestions. No event: the engine's own output is not a person's
     * change, and the run reads every incident outside its short write transaction (ADR 025).
     */
    recompute(caller: Caller): Promise<RecomputeResult> {
      authorize(caller, 'cluster.edit')
      return reads.recompute(caller.actor)
    },

    /** Confirm or dismiss many suggestions: each a logged, revertible edit; all commit or none. */
    async setStatuses(caller: Caller, changes: ClusterStatusChanges): Promise<ClusterStatusResult> {
      authorize(caller, 'cluster.edit')
      const repeated = repeatedClusterProblems(changes.clusters)
      if (repeated.length > 0) throw fail.invalid('Name each cluster once', repeated)
      return writeTransaction(deps, async (tx, events) => {
        const result = await clusterRepository(tx).setStatuses(changes, caller.viewer, caller.actor)
        for (const { id, version } of result.items) {
          await events.record({
            type: statusEvent[changes.status],
            aggregateType: 'cluster',
            aggregateId: id,
            aggregateVersion: version,
            payload: { status: changes.status, edit: 'status', bulk: true },
          })
        }
        return result
      })
    },

    /** Rename and/or change status, in one transaction; each is its own logged, revertible edit. */
    update(caller: Caller, id: string, expectedVersion: number, changes: ClusterChanges): Promise<ClusterDetail> {
      return editCluster(caller, id, async (clusters, events) => {
        if (changes.title !== undefined && !changes.title.trim()) throw fail.invalidField('title', 'A cluster needs a title')
        const before = await clusters.find(id, caller.viewer)
        const cluster = await clusters.update(id, expectedVersion, changes, caller.viewer, caller.actor)
        if (!before || !cluster) return cluster
        if (changes.title !== undefined) await events.record(clusterEvent('cluster.updated', cluster, { edit: 'rename' }))
        if (cluster.status !== before.status) {
          await events.record(clusterEvent(statusEvent[cluster.status], cluster, { edit: 'status', before: before.status }))
        }
        return cluster
      })
    },

    addMember(caller: Caller, id: string, incidentId: string): Promise<ClusterDetail> {
      return editCluster(caller, id, async (clusters, events) => {
        const cluster = await clusters.addMember(id, incidentId, caller.viewer, caller.actor)
        if (cluster) await events.record(clusterEvent('cluster.updated', cluster, { edit: 'add_member', incidentId }))
        return cluster
      })
    },

    removeMember(caller: Caller, id: string, incidentId: string): Promise<ClusterDetail> {
      return editCluster(caller, id, async (clusters, events) => {
        const cluster = await clusters.removeMember(id, incidentId, caller.viewer, caller.actor)
        if (cluster) await events.record(clusterEvent('cluster.updated', cluster, { edit: 'remove_member', incidentId }))
        return cluster
      })
    },

    /** Answers with the cluster merged into; this one is dismissed as merged. */
    merge(caller: Caller, id: string, intoClusterId: string): Promise<ClusterDetail> {
      return editCluster(caller, id, async (clusters, events) => {
        if (id === intoClusterId) throw fail.invalidField('intoClusterId', 'A cluster cannot be merged into itself')
        const target = await clusters.merge(id, intoClusterId, caller.viewer, caller.actor)
        const source = target && (await clusters.find(id, caller.viewer))
        if (!target || !source) return target
        await events.record(clusterEvent('cluster.updated', target, { edit: 'merge', fromClusterId: id }))
        await events.record(clusterEvent('cluster.dismissed', source, { edit: 'merge', intoClusterId }))
        return target
      })
    },

    /** Answers with the new cluster holding the chosen incidents. */
    split(caller: Caller, id: string, incidentIds: string[], title: string | undefined): Promise<ClusterDetail> {
      return editCluster(caller, id, async (clusters, events) => {
        const created = await clusters.split(id, incidentIds, title, caller.viewer, caller.actor)
        const source = created && (await clusters.find(id, caller.viewer))
        if (!created || !source) return created
        await events.record(clusterEvent('cluster.updated', source, { edit: 'split', intoClusterId: created.id, incidentIds }))
        await events.record(clusterEvent('cluster.updated', created, { edit: 'split', fromClusterId: id, incidentIds }))
        return created
      })
    },

    /** Undoes one edit of the cluster's log; answers with the cluster its members are in now. */
    revert(caller: Caller, id: string, editId: string): Promise<ClusterDetail> {
      return editCluster(
        caller,
        id,
        async (clusters, events) => {
          const cluster = await clusters.revert(id, editId, caller.viewer, caller.actor)
          if (cluster) await events.record(clusterEvent('cluster.updated', cluster, { edit: 'revert', editId }))
          return cluster
        },
        { entity: 'cluster edit', key: editId },
      )
    },
  }
}

export type ClusterService = ReturnType<typeof clusterService>
