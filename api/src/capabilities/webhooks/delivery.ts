import { type IncidentViewer, type Repositories, systemActor } from '@misalign/db'
import {
  disabledForFailures,
  shouldDisableEndpoint,
  WEBHOOK_FIRST_RETRY_SECONDS,
  WEBHOOK_RETRIES,
  type WebhookDelivery,
  webhookEventTypes,
} from '@misalign/shared'
import type { ServiceDeps } from '../../services/deps'
import { type WebhookSender, webhookSender } from './sender'

export const FANOUT_QUEUE = 'webhook-fanout'
export const DELIVERY_QUEUE = 'webhook-delivery'

export interface DeliveryJob {
  deliveryId: string
  /** An admin's "Redeliver" or "Send a test": one try, outside the retry schedule. */
  manual?: boolean
}

/** Tries to one endpoint at once from this instance: a slow receiver holds two places, never the queue. */
const PER_ENDPOINT = 2
/** Deliveries in flight per instance, across all endpoints. */
const CONCURRENCY = 16

/**
 * Who a webhook payload is written for: someone in no team with no reports of their own. So an
 * incident is shown as the org sees it — never a restricted one, never who filed it anonymously.
 */
const outsider: IncidentViewer = {
  userId: '00000000-0000-0000-0000-000000000000',
  role: 'member',
  teamIds: [],
  reporterKey: '',
}

/** The resource an event is about, as the API shows it; undefined when it is gone or not for outside eyes. */
async function resourceOf(repos: Repositories, type: string, id: string): Promise<object | undefined> {
  const aggregate = type.slice(0, type.indexOf('.'))
  if (aggregate === 'incident') return repos.incidents.find(id, outsider)
  if (aggregate === 'decision') return repos.decisions.findById(id)
  if (aggregate === 'strategy') return repos.strategies.findById(id)
  if (aggregate === 'gap') return repos.strategyGaps.findById(id)
  if (aggregate === 'retro') return repos.retros.findById(id)
  if (aggregate === 'action') return repos.actions.findById(id)
  return undefined
}

/**
 * Webhooks as outbox consumers (ADR 037). The fan-out turns each event into one delivery per
 * endpoint that asked for it, with the body fixed there; each delivery is then its own job, so
 * one endpoint's failures and slowness never hold back another's, and its retries back off for
 * about 34 hours. Delivery is at least once: receivers drop repeats by the webhook-id header.
 */
export function webhookDeliveries(
  deps: ServiceDeps,
  sender: WebhookSender = webhookSender({ allowPrivate: deps.config.webhookAllowPrivate }),
) {
  const repo = deps.repos.webhooks

  deps.events.subscribe(FANOUT_QUEUE, webhookEventTypes, async ({ data: event }) => {
    const endpoints = await repo.listeningTo(event.type)
    if (endpoints.length === 0) return
    const data = await resourceOf(deps.repos, event.type, event.aggregateId)
    if (!data) return
    const payload = { type: event.type, timestamp: deps.now().toISOString(), data }
    const added = await deps.db.transaction(async (tx) => {
      const rows = await repo.addDeliveries(
        tx,
        endpoints.map((endpoint) => endpoint.id),
        { eventId: event.eventId, eventType: event.type, payload },
      )
      for (const row of rows) await deps.queue.sendIn(tx, DELIVERY_QUEUE, { deliveryId: row.id } satisfies DeliveryJob)
      return rows
    })
    if (added.length > 0) deps.queue.wake(DELIVERY_QUEUE)
  })

  const inFlight = new Map<string, number>()

  deps.queue.register<DeliveryJob>(
    DELIVERY_QUEUE,
    async ({ data: job }) => {
      const found = await repo.toSend(job.deliveryId)
      // The endpoint was deleted, or a repeat of a job already settled: nothing to send.
      if (!found || (found.delivery.status !== 'pending' && !job.manual)) return
      const { delivery, endpoint } = found
      if (!endpoint.enabled) return repo.setDeliveryStatus(delivery.id, 'skipped', deps.now())
      const busy = inFlight.get(endpoint.id) ?? 0
      if (busy >= PER_ENDPOINT) {
        // Not a failure, so no retry is spent: the delivery waits its turn a second later.
        await deps.queue.send(DELIVERY_QUEUE, job, { startAfterSeconds: 1 })
        return
      }
      inFlight.set(endpoint.id, busy + 1)
      let outcome: Awaited<ReturnType<WebhookSender['send']>>
      try {
        outcome = await sender.send(
          endpoint.url,
          endpoint.secret,
          { id: delivery.eventId, payload: delivery.payload },
          deps.now(),
        )
      } finally {
        const left = (inFlight.get(endpoint.id) ?? 1) - 1
        if (left === 0) inFlight.delete(endpoint.id)
        else inFlight.set(endpoint.id, left)
      }
      const now = deps.now()
      const lastTry = job.manual || delivery.attempts >= WEBHOOK_RETRIES
      const status: WebhookDelivery['status'] = outcome.succeeded ? 'succeeded' : lastTry ? 'failed' : 'pending'
      const failingSince = await deps.db.transaction((tx) =>
        repo.recordAttempt(
          tx,
          { deliveryId: delivery.id, endpointId: endpoint.id },
          { ...outcome, manual: job.manual ?? false },
          status,
          now,
        ),
      )
      if (!outcome.succeeded && shouldDisableEndpoint(failingSince, now)) {
        const reason = disabledForFailures(outcome.error)
        // Audited as the system's doing; admins see why on the webhooks screen.
        await deps.db.transaction((tx) => repo.disableForFailures(tx, endpoint.id, reason, systemActor, now))
      }
      // Thrown, so the queue tries again later with back-off; the attempt is already in the log.
      if (status === 'pending') throw new Error(outcome.error ?? 'delivery failed')
    },
    {
      retryLimit: WEBHOOK_RETRIES,
      retryDelaySeconds: WEBHOOK_FIRST_RETRY_SECONDS,
      expireInSeconds: 60,
      concurrency: CONCURRENCY,
    },
  )
  return sender
}
