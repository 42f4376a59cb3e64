import type { ServiceDeps } from '../../services/deps'

export const PLACEMENT_QUEUE = 'cluster-placement'

/**
 * Newly filed incidents join a cluster (or start one) after their filing commits, never
 * inside it: filing must not wait on the engine. Placements run a batch at a time, in filing
 * order; batches from different instances take turns on the clusters lock, so two never start
 * the same cluster twice. A batch that fails is retried one incident at a time with backoff;
 * the next recompute catches up regardless.
 */
export function clusterPlacement(deps: ServiceDeps): void {
  deps.events.subscribeBatch(
    PLACEMENT_QUEUE,
    ['incident.filed'],
    async (jobs) => {
      const inOrder = [...jobs].sort((a, b) => a.data.seq - b.data.seq)
      await deps.repos.clusters.placeNewIncidents(inOrder.map((job) => job.data.aggregateId))
    },
    { batchSize: 50, retryLimit: 5, expireInSeconds: 120 },
  )
}
