import {
  Decision,
  Incident,
  Retro,
  RetroAction,
  Strategy,
  StrategyGap,
  WEBHOOK_TEST_EVENT,
  webhookEventTypes,
} from '@misalign/shared'
import type { OpenAPIV3_1 } from 'openapi-types'
import { type TSchema, Type } from 'typebox'

/** The resource each event's `data` carries: the same schema the API answers with. */
const resourceOf: Record<string, TSchema> = {
  incident: Incident,
  decision: Decision,
  strategy: Strategy,
  gap: StrategyGap,
  retro: Retro,
  action: RetroAction,
}

const header = (name: string, description: string): OpenAPIV3_1.ParameterObject => ({
  name,
  in: 'header',
  required: true,
  description,
  schema: { type: 'string' },
})

const signatureHeaders = [
  header('webhook-id', 'The message id: the same on every try of this delivery, so drop one you already have'),
  header('webhook-timestamp', 'Seconds since the epoch when this try was signed; refuse one far from now'),
  header('webhook-signature', 'v1,<base64 HMAC-SHA256 of "id.timestamp.body"> with the endpoint’s secret (Standard Webhooks)'),
]

const operationIdOf = (type: string) =>
  `on${type
    .split(/[.-]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('')}`

function webhook(type: string, data: TSchema, description: string): OpenAPIV3_1.PathItemObject {
  return {
    post: {
      tags: ['webhooks'],
      operationId: operationIdOf(type),
      summary: `${type}: POSTed to endpoints that asked for it`,
      description,
      parameters: signatureHeaders,
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: Type.Object({ type: Type.Literal(type), timestamp: Type.String({ format: 'date-time' }), data }),
          },
        },
      },
      responses: {
        '200': { description: 'Any 2xx within 5 seconds counts as received; anything else, or a redirect, is tried again later' },
      },
    },
  }
}

/**
 * The `webhooks` section of the OpenAPI document (3.1): one entry per event an endpoint can
 * subscribe to, so the receiving side can be generated like any client (ADR 037).
 */
export function webhookDocs(): Record<string, OpenAPIV3_1.PathItemObject> {
  const docs: Record<string, OpenAPIV3_1.PathItemObject> = {}
  for (const type of webhookEventTypes) {
    const resource = resourceOf[type.slice(0, type.indexOf('.'))]
    if (!resource) continue
    docs[type] = webhook(
      type,
      resource,
      'The resource as the API shows it to a member of no team, after the change: never a restricted incident, never who filed anonymously.',
    )
  }
  docs[WEBHOOK_TEST_EVENT] = webhook(
    WEBHOOK_TEST_EVENT,
    Type.Object({ endpointId: Type.String({ format: 'uuid' }), message: Type.String() }),
    'Sent when an admin asks for a test from the webhooks screen; never otherwise.',
  )
  return docs
}
