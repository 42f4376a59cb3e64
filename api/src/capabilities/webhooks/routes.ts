import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  CreatedWebhookEndpoint,
  IdParams,
  NewWebhookEndpoint,
  Page,
  WebhookDelivery,
  WebhookDeliveryDetail,
  WebhookDeliveryParams,
  WebhookDeliveryQuery,
  WebhookEndpoint,
  WebhookEndpointChanges,
  WebhookEndpointQuery,
} from '@misalign/shared'
import { Type } from 'typebox'
import { etagOf, expectedVersion } from '../../lib/etag'

const tags = ['webhooks']
const policy = 'integration.manage' as const

/** Webhook endpoints and their delivery logs, for admins (docs/decisions/037-signed-webhooks.md). */
const webhookRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const webhooks = app.services.webhooks

  app.get(
    '/',
    {
      config: { policy },
      schema: {
        tags,
        operationId: 'listWebhookEndpoints',
        summary: 'Webhook endpoints, newest first',
        description: 'Admins only. Each endpoint says whether it is on, and since when it has been failing.',
        querystring: WebhookEndpointQuery,
        response: { 200: Page(WebhookEndpoint) },
      },
    },
    async (req) => webhooks.list(app.caller(req), req.query),
  )

  app.post(
    '/',
    {
      config: { policy },
      schema: {
        tags,
        operationId: 'createWebhookEndpoint',
        summary: 'Register an endpoint for some event types',
        description:
          'Admins only. The answer carries the signing secret (whsec_…) this once: verify each delivery’s webhook-signature with it.',
        body: NewWebhookEndpoint,
        response: { 201: CreatedWebhookEndpoint },
      },
    },
    async (req, reply) => reply.code(201).send(await webhooks.create(app.caller(req), req.body)),
  )

  app.get(
    '/:id',
    {
      config: { policy },
      schema: {
        tags,
        operationId: 'getWebhookEndpoint',
        summary: 'One webhook endpoint',
        description: 'Admins only. The secret is never shown again.',
        params: IdParams,
        response: { 200: WebhookEndpoint },
      },
    },
    async (req, reply) => {
      const endpoint = await webhooks.find(app.caller(req), req.params.id)
      return reply.header('etag', etagOf(endpoint.version)).send(endpoint)
    },
  )

  app.patch(
    '/:id',
    {
      config: { policy },
      schema: {
        tags,
        operationId: 'updateWebhookEndpoint',
        summary: 'Change an endpoint, or turn it off or on (needs If-Match)',
        description:
          'Admins only. Turning an endpoint back on clears its failure streak; deliveries skipped while it was off can be redelivered.',
        params: IdParams,
        body: WebhookEndpointChanges,
        response: { 200: WebhookEndpoint },
      },
    },
    async (req, reply) => {
      const version = expectedVersion(req.headers['if-match'], 'webhook endpoint')
      const endpoint = await webhooks.update(app.caller(req), req.params.id, version, req.body)
      return reply.header('etag', etagOf(endpoint.version)).send(endpoint)
    },
  )

  app.delete(
    '/:id',
    {
      config: { policy },
      schema: {
        tags,
        operationId: 'deleteWebhookEndpoint',
        summary: 'Remove an endpoint and its delivery log',
        description: 'Admins only. Deliveries still waiting are dropped.',
        params: IdParams,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await webhooks.remove(app.caller(req), req.params.id)
      return reply.code(204).send(null)
    },
  )

  app.post(
    '/:id/test',
    {
      config: { policy },
      schema: {
        tags,
        operationId: 'sendWebhookTest',
        summary: 'Send a signed test delivery (webhook.test) now',
        description: 'Admins only. It is logged like any delivery; read its outcome from the delivery log a moment later.',
        params: IdParams,
        response: { 202: WebhookDeliveryDetail },
      },
    },
    async (req, reply) => reply.code(202).send(await webhooks.sendTest(app.caller(req), req.params.id)),
  )

  app.get(
    '/:id/deliveries',
    {
      config: { policy },
      schema: {
        tags,
        operationId: 'listWebhookDeliveries',
        summary: 'An endpoint’s deliveries, newest first, each with its latest try',
        description: 'Admins only. Filter by status to find what failed.',
        params: IdParams,
        querystring: WebhookDeliveryQuery,
        response: { 200: Page(WebhookDelivery) },
      },
    },
    async (req) => webhooks.deliveries(app.caller(req), req.params.id, req.query),
  )

  app.get(
    '/:id/deliveries/:deliveryId',
    {
      config: { policy },
      schema: {
        tags,
        operationId: 'getWebhookDelivery',
        summary: 'One delivery: its body and every try',
        description: 'Admins only. Each try shows the status code, latency and the start of the answer.',
        params: WebhookDeliveryParams,
        response: { 200: WebhookDeliveryDetail },
      },
    },
    async (req) => webhooks.delivery(app.caller(req), req.params.id, req.params.deliveryId),
  )

  app.post(
    '/:id/deliveries/:deliveryId/redeliver',
    {
      config: { policy },
      schema: {
        tags,
        operationId: 'redeliverWebhook',
        summary: 'Try a delivery once more, now',
        description: 'Admins only. Same webhook-id and body as before, so a receiver that already has it can drop it.',
        params: WebhookDeliveryParams,
        response: { 202: WebhookDeliveryDetail },
      },
    },
    async (req, reply) => reply.code(202).send(await webhooks.redeliver(app.caller(req), req.params.id, req.params.deliveryId)),
  )
}
export default webhookRoutes
