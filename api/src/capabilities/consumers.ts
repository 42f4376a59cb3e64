import type { ServiceDeps } from '../services/deps'
import { clusterPlacement } from './clusters/placement'

/** Every outbox consumer, registered once per process; the queue runs each event's job once overall. */
export function registerConsumers(deps: ServiceDeps): void {
  clusterPlacement(deps)
  // Hourly on one instance: expired idempotency keys, stale sessions and old rate-limit windows go.
  deps.queue.every('housekeeping', 60 * 60, async () => {
    await deps.repos.incidents.purgeExpiredIdempotencyKeys()
    await deps.repos.sessions.purgeStale()
    await deps.repos.rateLimits.purgeStale()
  })
}
