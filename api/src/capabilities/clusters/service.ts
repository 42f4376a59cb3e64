import type { Actor, IncidentViewer, Repositories } from '@misalign/db'
import {
  type ClusterStatusChanges,
  type ClusterStatusResult,
  can,
  fail,
  repeatedClusterProblems,
  type Viewer,
} from '@misalign/shared'

/** The clusters use cases that write more than one row at once. */
export function clusterService({ repos }: { repos: Repositories }) {
  return {
    /** Confirm or dismiss many suggestions: each a logged, revertible edit; all commit or none. */
    async setStatuses(
      viewer: Viewer,
      incidentViewer: IncidentViewer,
      actor: Actor,
      changes: ClusterStatusChanges,
    ): Promise<ClusterStatusResult> {
      if (!can(viewer, 'cluster.edit')) throw fail.forbidden(`Your role (${viewer.role}) may not confirm or dismiss clusters`)
      const repeated = repeatedClusterProblems(changes.clusters)
      if (repeated.length > 0) throw fail.invalid('Name each cluster once', repeated)
      return repos.clusters.setStatuses(changes, incidentViewer, actor)
    },
  }
}
export type ClusterService = ReturnType<typeof clusterService>
