import { foldRollupDeltas } from '@misalign/db'
import type { ServiceDeps } from '../services/deps'
import { clusterPlacement } from './clusters/placement'
import { decisionNotices, tradeoffRequestNotices } from './slack/decision-notice'
import { slackApi } from './slack/slack-api'
import { webhookDeliveries } from './webhooks/delivery'

/** Every outbox consumer, registered once per process; the queue runs each event's job once overall. */
export function registerConsumers(deps: ServiceDeps): void {
  clusterPlacement(deps)
  // The org's own systems hear of its events at the endpoints admins registered (ADR 037).
  webhookDeliveries(deps)
  // A deciding team hears in its Slack channel of its decision's reports, and of leadership asking for its tradeoff.
  if (deps.config.slack) {
    const api = slackApi(deps.config.slack)
    decisionNotices(deps, api, deps.config.slack.appUrl)
    tradeoffRequestNotices(deps, api)
  }
  // Filing appends rollup deltas; folding them keeps dashboard reads short (ADR 021). Reads are
  // exact either way, so a fold that waits a period costs speed, never a wrong number.
  deps.queue.every('rollup-fold', 10, async () => {
    await foldRollupDeltas(deps.db)
  })
  // Hourly on one instance: expired idempotency keys, stale sessions and old rate-limit windows go.
  deps.queue.every('housekeeping', 60 * 60, async () => {
    await deps.repos.incidents.purgeExpiredIdempotencyKeys()
    await deps.repos.sessions.purgeStale()
    await deps.repos.rateLimits.purgeStale()
  })
}
