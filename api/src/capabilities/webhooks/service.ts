import { randomBytes, randomUUID } from 'node:crypto'
import net from 'node:net'
import { toWebhookEndpoint, type WebhookEndpointRow } from '@misalign/db'
import {
  type CreatedWebhookEndpoint,
  fail,
  type NewWebhookEndpoint,
  type Page,
  WEBHOOK_TEST_EVENT,
  type WebhookDelivery,
  type WebhookDeliveryDetail,
  type WebhookDeliveryQuery,
  type WebhookEndpoint,
  type WebhookEndpointChanges,
  type WebhookEndpointQuery,
  webhookUrlProblem,
} from '@misalign/shared'
import { authorize, type Caller } from '../../services/caller'
import type { ServiceDeps } from '../../services/deps'
import { writeTransaction } from '../../services/unit-of-work'
import { DELIVERY_QUEUE, type DeliveryJob } from './delivery'
import { forbiddenAddress } from './sender'

/** Standard Webhooks secrets: whsec_ and 24 random bytes in base64. */
const newSigningSecret = () => `whsec_${randomBytes(24).toString('base64')}`

/** Admins register where the org's events go, read what was sent, and send again. */
export function webhookService(deps: ServiceDeps) {
  const repo = deps.repos.webhooks

  function checkUrl(url: string): void {
    const problem = webhookUrlProblem(url)
    if (problem) throw fail.invalidField('url', `The URL ${problem}.`)
    // A literal address is refused now; a host name is checked each time it is resolved.
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '')
    const refused = net.isIP(host) ? forbiddenAddress(host, deps.config.webhookAllowPrivate) : null
    if (refused) throw fail.invalidField('url', `The URL points at ${refused}.`)
  }

  async function endpointOf(id: string): Promise<WebhookEndpointRow> {
    const endpoint = await repo.findEndpoint(id)
    if (!endpoint) throw fail.notFound('webhook endpoint', id)
    return endpoint
  }

  async function queueOne(deliveryId: string): Promise<void> {
    await deps.queue.send(DELIVERY_QUEUE, { deliveryId, manual: true } satisfies DeliveryJob)
    deps.queue.wake(DELIVERY_QUEUE)
  }

  return {
    list(caller: Caller, query: WebhookEndpointQuery): Promise<Page<WebhookEndpoint>> {
      authorize(caller, 'integration.manage')
      return repo.listEndpoints(query)
    },

    async find(caller: Caller, id: string): Promise<WebhookEndpoint> {
      authorize(caller, 'integration.manage')
      return toWebhookEndpoint(await endpointOf(id))
    },

    /** The secret is in this answer and never again: the admin copies it to the receiver. */
    async create(caller: Caller, input: NewWebhookEndpoint): Promise<CreatedWebhookEndpoint> {
      authorize(caller, 'integration.manage')
      checkUrl(input.url)
      const secret = newSigningSecret()
      const row = await writeTransaction(deps, (tx) =>
        repo.createEndpoint(tx, { ...input, secret, createdById: caller.actor.id }, caller.actor),
      )
      return { ...toWebhookEndpoint(row), secret }
    },

    async update(caller: Caller, id: string, expectedVersion: number, changes: WebhookEndpointChanges): Promise<WebhookEndpoint> {
      authorize(caller, 'integration.manage')
      if (changes.url !== undefined) checkUrl(changes.url)
      const before = await endpointOf(id)
      if (before.version !== expectedVersion) throw fail.staleVersion('webhook endpoint', before.version)
      const row = await writeTransaction(deps, (tx) => repo.updateEndpoint(tx, before, changes, caller.actor, deps.now()))
      // Changed by someone else between the read and the write.
      if (!row) throw fail.staleVersion('webhook endpoint', before.version + 1)
      return toWebhookEndpoint(row)
    },

    async remove(caller: Caller, id: string): Promise<void> {
      authorize(caller, 'integration.manage')
      const before = await endpointOf(id)
      await writeTransaction(deps, (tx) => repo.deleteEndpoint(tx, before, caller.actor))
    },

    async deliveries(caller: Caller, id: string, query: WebhookDeliveryQuery): Promise<Page<WebhookDelivery>> {
      authorize(caller, 'integration.manage')
      await endpointOf(id)
      return repo.deliveries(id, query)
    },

    async delivery(caller: Caller, id: string, deliveryId: string): Promise<WebhookDeliveryDetail> {
      authorize(caller, 'integration.manage')
      const delivery = await repo.delivery(id, deliveryId)
      if (!delivery) throw fail.notFound('webhook delivery', deliveryId)
      return delivery
    },

    /** One more try of a delivery, now, with the same id and body, whatever became of the earlier ones. */
    async redeliver(caller: Caller, id: string, deliveryId: string): Promise<WebhookDeliveryDetail> {
      authorize(caller, 'integration.manage')
      const endpoint = await endpointOf(id)
      if (!endpoint.enabled)
        throw fail.conflict('This endpoint is turned off: turn it on first, then redeliver.', 'webhook-disabled')
      const delivery = await repo.delivery(id, deliveryId)
      if (!delivery) throw fail.notFound('webhook delivery', deliveryId)
      await repo.setDeliveryStatus(deliveryId, 'pending', deps.now())
      await queueOne(deliveryId)
      return { ...delivery, status: 'pending' }
    },

    /** A ping the receiver can verify like any delivery, so an admin sees the set-up work before relying on it. */
    async sendTest(caller: Caller, id: string): Promise<WebhookDeliveryDetail> {
      authorize(caller, 'integration.manage')
      const endpoint = await endpointOf(id)
      if (!endpoint.enabled)
        throw fail.conflict('This endpoint is turned off: turn it on first, then send a test.', 'webhook-disabled')
      const eventId = randomUUID()
      const payload = {
        type: WEBHOOK_TEST_EVENT,
        timestamp: deps.now().toISOString(),
        data: {
          endpointId: endpoint.id,
          message: 'A test from the Misalignment Tracker: this endpoint receives signed deliveries.',
        },
      }
      const [added] = await deps.db.transaction((tx) =>
        repo.addDeliveries(tx, [endpoint.id], { eventId, eventType: WEBHOOK_TEST_EVENT, payload }),
      )
      if (!added) throw new Error('the test delivery was not stored')
      await queueOne(added.id)
      const delivery = await repo.delivery(id, added.id)
      if (!delivery) throw fail.notFound('webhook delivery', added.id)
      return delivery
    },
  }
}

export type WebhookService = ReturnType<typeof webhookService>
