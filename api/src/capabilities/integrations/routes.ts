import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  Delivery,
  DeliveryQuery,
  IntegrationStatus,
  Page,
  SlackTestBody,
  TeamChannel,
  TeamChannelBody,
  TeamIdParams,
} from '@misalign/shared'
import { Type } from 'typebox'

const tags = ['integrations']
const policy = 'integration.manage' as const

/** The integrations' admin screen: secrets' status (never their values), team channels, a test message, the delivery log. */
const integrationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const integrations = app.services.integrations

  app.get(
    '/',
    {
      config: { policy },
      schema: {
        tags,
        operationId: 'getIntegrationStatus',
        summary: 'Whether Slack is set up, and where each team’s notices go',
        description: 'Secrets are reported as set or missing, never shown.',
        response: { 200: IntegrationStatus },
      },
    },
    async (req) => integrations.status(app.caller(req)),
  )

  app.put(
    '/slack/channels/:teamId',
    {
      config: { policy },
      schema: {
        tags,
        operationId: 'setTeamSlackChannel',
        summary: 'Send a team’s notices to a Slack channel',
        description:
          'Admins only. Answers every team’s channel after the change; POST /api/v1/admin/integrations/slack/test checks that the app can post there.',
        params: TeamIdParams,
        body: TeamChannelBody,
        response: { 200: Type.Array(TeamChannel) },
      },
    },
    async (req) => integrations.setChannel(app.caller(req), req.params.teamId, req.body.channelId),
  )

  app.delete(
    '/slack/channels/:teamId',
    {
      config: { policy },
      schema: {
        tags,
        operationId: 'removeTeamSlackChannel',
        summary: 'Stop a team’s Slack notices',
        description: 'Admins only. Answers every team’s channel after the change.',
        params: TeamIdParams,
        response: { 200: Type.Array(TeamChannel) },
      },
    },
    async (req) => integrations.setChannel(app.caller(req), req.params.teamId, null),
  )

  app.post(
    '/slack/test',
    {
      config: { policy },
      schema: {
        tags,
        operationId: 'sendSlackTestMessage',
        summary: 'Post a test message to a team’s channel',
        description: 'Admins only. Answers 204 when Slack accepted the message; the delivery log records it either way.',
        body: SlackTestBody,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await integrations.sendTest(app.caller(req), req.body.teamId)
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/deliveries',
    {
      config: { policy },
      schema: {
        tags,
        operationId: 'listIntegrationDeliveries',
        summary: 'What the integrations sent, skipped or failed to send, newest first',
        description: 'Admins only. Page with limit and the nextCursor of the previous page.',
        querystring: DeliveryQuery,
        response: { 200: Page(Delivery) },
      },
    },
    async (req) => integrations.deliveries(app.caller(req), req.query),
  )
}
export default integrationRoutes
