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
        summary: 'Send a team’s notices to a Slack channel',
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
      schema: { tags, summary: 'Stop a team’s Slack notices', params: TeamIdParams, response: { 200: Type.Array(TeamChannel) } },
    },
    async (req) => integrations.setChannel(app.caller(req), req.params.teamId, null),
  )

  app.post(
    '/slack/test',
    {
      config: { policy },
      schema: {
        tags,
        summary: 'Post a test message to a team’s channel',
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
        summary: 'What the integrations sent, skipped or failed to send, newest first',
        querystring: DeliveryQuery,
        response: { 200: Page(Delivery) },
      },
    },
    async (req) => integrations.deliveries(app.caller(req), req.query),
  )
}
export default integrationRoutes
