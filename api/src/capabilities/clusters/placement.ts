import type { ServiceDeps } from '../../services/deps'

export const PLACEMENT_QUEUE = 'cluster-placement'

/**
 * A newly filed incident joins a cluster (or starts one) after its filing commits, never
 * inside it: filing must not wait on the engine. One placement runs at a time across every
 * instance (a singleton queue), as two racing placements could start the same cluster twice.
 * A placement that fails is retried with backoff; the next recompute catches up regardless.
 */
export function clusterPlacement(deps: ServiceDeps): void {
  deps.events.subscribe(
    PLACEMENT_QUEUE,
    ['incident.filed'],
    async ({ data }) => {
      await deps.repos.clusters.placeNewIncident(data.aggregateId)
    },
    { policy: 'singleton', retryLimit: 5, expireInSeconds: 120 },
  )
}
