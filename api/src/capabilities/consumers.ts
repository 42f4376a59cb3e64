import type { ServiceDeps } from '../services/deps'
import { clusterPlacement } from './clusters/placement'

/** Every outbox consumer, registered once per process; the queue runs each event's job once overall. */
export function registerConsumers(deps: ServiceDeps): void {
  clusterPlacement(deps)
}
