import { type Static, Type } from 'typebox'
import { webhookEventTypes } from '../domain/webhooks'
import { DateTime, Nullable, PageQuery, RowMeta, Text, Uuid } from './common'

const EventTypes = Type.Array(Type.Enum(webhookEventTypes), {
  minItems: 1,
  uniqueItems: true,
  description: 'The events this endpoint hears of',
})

export const WebhookEndpoint = Type.Object({
  id: Uuid,
  url: Type.String(),
  description: Type.String(),
  eventTypes: EventTypes,
  enabled: Type.Boolean(),
  disabledAt: Nullable(DateTime),
  disabledReason: Nullable(Type.String({ description: 'Why it stopped: turned off by an admin, or 24 hours of failures' })),
  failingSince: Nullable(DateTime),
  createdAt: DateTime,
  updatedAt: DateTime,
  version: RowMeta.version,
})
export type WebhookEndpoint = Static<typeof WebhookEndpoint>

export const CreatedWebhookEndpoint = Type.Intersect([
  WebhookEndpoint,
  Type.Object({
    secret: Type.String({
      pattern: '^whsec_',
      description: 'The signing secret, shown this once: verify each delivery with it (Standard Webhooks)',
    }),
  }),
])
export type CreatedWebhookEndpoint = Static<typeof CreatedWebhookEndpoint>

const WebhookUrl = Text(2000, { minLength: 1, description: 'Where deliveries are POSTed: http or https' })

export const NewWebhookEndpoint = Type.Object(
  { url: WebhookUrl, eventTypes: EventTypes, description: Type.Optional(Text(500)) },
  { additionalProperties: false },
)
export type NewWebhookEndpoint = Static<typeof NewWebhookEndpoint>

export const WebhookEndpointChanges = Type.Object(
  {
    url: Type.Optional(WebhookUrl),
    eventTypes: Type.Optional(EventTypes),
    description: Type.Optional(Text(500)),
    enabled: Type.Optional(Type.Boolean({ description: 'Turning it back on clears its failure streak' })),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type WebhookEndpointChanges = Static<typeof WebhookEndpointChanges>

export const webhookDeliveryStatuses = ['pending', 'succeeded', 'failed', 'skipped'] as const

export const WebhookAttempt = Type.Object({
  at: DateTime,
  statusCode: Nullable(Type.Integer({ description: 'The HTTP status the endpoint answered; null when none came' })),
  latencyMs: Type.Integer({ minimum: 0 }),
  responseExcerpt: Nullable(Type.String({ description: 'The start of the answer, at most 500 characters' })),
  error: Nullable(Type.String({ description: 'Why no answer came, or why it counts as a failure' })),
  succeeded: Type.Boolean(),
  manual: Type.Boolean({ description: 'An admin asked for this try' }),
})
export type WebhookAttempt = Static<typeof WebhookAttempt>

export const WebhookDelivery = Type.Object({
  id: Uuid,
  eventId: Uuid,
  eventType: Type.String(),
  status: Type.Enum(webhookDeliveryStatuses),
  attempts: Type.Integer({ minimum: 0 }),
  createdAt: DateTime,
  updatedAt: DateTime,
  lastAttempt: Nullable(WebhookAttempt),
})
export type WebhookDelivery = Static<typeof WebhookDelivery>

export const WebhookDeliveryDetail = Type.Intersect([
  WebhookDelivery,
  Type.Object({
    payload: Type.Record(Type.String(), Type.Unknown(), { description: 'The body every try sends' }),
    attemptLog: Type.Array(WebhookAttempt, { description: 'Every try, oldest first' }),
  }),
])
export type WebhookDeliveryDetail = Static<typeof WebhookDeliveryDetail>

export const WebhookEndpointQuery = Type.Object({ ...PageQuery }, { additionalProperties: false })
export type WebhookEndpointQuery = Static<typeof WebhookEndpointQuery>

export const WebhookDeliveryQuery = Type.Object(
  { ...PageQuery, status: Type.Optional(Type.Enum(webhookDeliveryStatuses)) },
  { additionalProperties: false },
)
export type WebhookDeliveryQuery = Static<typeof WebhookDeliveryQuery>

export const WebhookDeliveryParams = Type.Object({ id: Uuid, deliveryId: Uuid }, { additionalProperties: false })
export type WebhookDeliveryParams = Static<typeof WebhookDeliveryParams>
