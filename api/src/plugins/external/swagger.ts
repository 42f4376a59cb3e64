import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import { Problem } from '@misalign/shared'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { webhookDocs } from '../../capabilities/webhooks/openapi'

export default fp(
  async function openApi(app: FastifyInstance) {
    // Every route documents its errors as problem details, without each route repeating it.
    app.addHook('onRoute', (route) => {
      if (!route.schema || route.schema.hide) return
      const response = (route.schema.response ?? {}) as Record<string, unknown>
      response['4XX'] ??= Problem
      response['5XX'] ??= Problem
      route.schema.response = response
    })

    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Misalignment Tracker API',
          version: '1.0.0',
          description:
            'Record misalignment (a decision that surprised and hurt a team), trace it to the upstream decision and the missing strategy, and see where strategy has gaps. Errors are application/problem+json (RFC 9457). PATCH needs If-Match with the ETag you read.',
          // A placeholder until the repository has a public address (README, "The API in two minutes").
          contact: { name: 'Misalignment Tracker', url: 'https://misalignment-tracker.example/' },
        },
        servers: [{ url: '/' }],
        webhooks: webhookDocs(),
        tags: [
          { name: 'incidents', description: 'Felt misalignment: discovery, surprise, harm, and the trace' },
          { name: 'analytics', description: 'Dashboard read models: trends, team pairs, discovery lag, harm, rankings' },
          { name: 'teams', description: 'Teams of the org, possibly nested' },
          { name: 'decisions', description: 'Upstream decisions, with or without their tradeoff' },
          { name: 'strategies', description: 'Published priorities: tradeoffs with scope and review date' },
          { name: 'strategy gaps', description: 'Missing or stale strategy that incidents point at' },
          { name: 'priorities', description: 'The register of priorities that tradeoffs name, with aliases and suggestions' },
          { name: 'triage', description: 'Incidents with no decision, and linking decisions in bulk' },
          { name: 'clusters', description: 'Related incidents grouped by the clustering engine, and people’s edits of them' },
          { name: 'retros', description: 'Retros on a cluster: the timeline, the stated tradeoff, actions, Markdown export' },
          { name: 'actions', description: 'Actions recorded in retros: owner, due date, status, alignment or added control' },
          { name: 'leadership', description: 'The leadership review: stale strategies, conflicts, coverage, tradeoff requests' },
          { name: 'signals', description: 'Near misses and autonomy wins, counted apart from incidents' },
          { name: 'language', description: 'Plain words for "alignment" jargon, suggested and never enforced' },
          { name: 'auth', description: 'Sign-in, sessions' },
          { name: 'admin', description: 'Users, API tokens, the audit log and parked background jobs (admins only)' },
          { name: 'integrations', description: 'Slack set-up, team channels and the delivery log (admins only)' },
          { name: 'webhooks', description: 'Signed deliveries of the org’s events to its own systems (admins only)' },
          { name: 'slack', description: 'Slack’s request URLs: signed by Slack, not by a session or token' },
          {
            name: 'issue trackers',
            description: 'Jira, Linear and GitHub webhooks: signed by the tracker, not by a session or token',
          },
          { name: 'system', description: 'Health and readiness' },
        ],
        components: {
          securitySchemes: {
            session: {
              type: 'apiKey',
              in: 'cookie',
              name: '__Host-session',
              description: 'Set by POST /api/v1/auth/sign-in; writes also need X-CSRF-Token',
            },
            token: { type: 'http', scheme: 'bearer', description: 'A personal API token (mt_…), created by an admin' },
          },
        },
        security: [{ session: [] }, { token: [] }],
      },
    })
    await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true })
    app.get('/api/openapi.json', { config: { policy: 'public' }, schema: { hide: true } }, async () => app.swagger())
  },
  { name: 'openapi' },
)
