import type { IssueTracker } from '@misalign/shared'
import { IssueWebhookOutcome } from '@misalign/shared'
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import type { IssueTrackerSecrets } from '../../config'
import { HttpProblem } from '../../lib/problem'
import { checkHubSignature, checkLinearSignature, type SignatureCheck } from './signatures'
import { githubEvent, jiraEvent, linearEvent, type TrackerEvent } from './tracker-events'

const json = 'application/json'

interface TrackerHook {
  tracker: IssueTracker
  operationId: string
  summary: string
  description: string
  verify: (secret: string, req: FastifyRequest, rawBody: string) => SignatureCheck
  read: (req: FastifyRequest, body: unknown) => TrackerEvent
}

const hooks: TrackerHook[] = [
  {
    tracker: 'github',
    operationId: 'receiveGithubWebhook',
    summary: "GitHub's webhook: a closed issue or merged pull request marks its linked actions done",
    description:
      'Point a repository or organization webhook (content type application/json, events Issues and Pull requests) here with GITHUB_WEBHOOK_SECRET as its secret. Signed with X-Hub-Signature-256; an unsigned or wrongly signed request is 401 and changes nothing.',
    verify: (secret, req, raw) =>
      checkHubSignature(secret, header(req, 'x-hub-signature-256'), raw, {
        header: 'X-Hub-Signature-256',
        variable: 'GITHUB_WEBHOOK_SECRET',
      }),
    read: (req, body) => githubEvent(header(req, 'x-github-event'), body),
  },
  {
    tracker: 'linear',
    operationId: 'receiveLinearWebhook',
    summary: "Linear's webhook: an issue moved to a completed or canceled state marks its linked actions done",
    description:
      'Create a Linear webhook for Issues pointing here and set LINEAR_WEBHOOK_SECRET to its signing secret. Signed with Linear-Signature; a webhookTimestamp more than 60 s from now is refused as a replay (401).',
    verify: (secret, req, raw) => checkLinearSignature(secret, header(req, 'linear-signature'), raw, Date.now()),
    read: (_req, body) => linearEvent(body),
  },
  {
    tracker: 'jira',
    operationId: 'receiveJiraWebhook',
    summary: "Jira's webhook: an issue whose status is in the Done category marks its linked actions done",
    description:
      'Register a Jira Cloud webhook for "Issue updated" with JIRA_WEBHOOK_SECRET as its secret. Signed with X-Hub-Signature (sha256=…); an unsigned or wrongly signed request is 401 and changes nothing.',
    verify: (secret, req, raw) =>
      checkHubSignature(secret, header(req, 'x-hub-signature'), raw, {
        header: 'X-Hub-Signature',
        variable: 'JIRA_WEBHOOK_SECRET',
      }),
    read: (_req, body) => jiraEvent(body),
  },
]

/**
 * Inbound webhooks of the issue trackers (ADR 042), one route per tracker whose secret is set.
 * The raw body is kept by a JSON parser scoped to this plugin and checked before it is parsed,
 * as Slack's requests are. Anything but a bad signature answers 2xx: trackers retry the rest.
 */
const issueTrackerWebhookRoutes: FastifyPluginAsync<{ secrets: IssueTrackerSecrets }> = async (app, { secrets }) => {
  app.removeContentTypeParser(json)
  app.addContentTypeParser(json, { parseAs: 'string', bodyLimit: 1_048_576 }, (_req, body, done) => done(null, body))

  for (const hook of hooks) {
    const secret = secrets[hook.tracker]
    if (!secret) continue
    app.post(
      `/${hook.tracker}/webhook`,
      {
        config: { policy: 'public' },
        schema: {
          tags: ['issue trackers'],
          operationId: hook.operationId,
          summary: hook.summary,
          description: hook.description,
          consumes: [json],
          response: { 200: IssueWebhookOutcome },
        },
        preValidation: async (req) => {
          const check = hook.verify(secret, req, typeof req.body === 'string' ? req.body : '')
          if (!check.ok) throw new HttpProblem(401, `${hook.tracker}-signature`, check.reason)
        },
      },
      async (req) => {
        let body: unknown
        try {
          body = JSON.parse(req.body as string)
        } catch {
          throw new HttpProblem(400, 'malformed', 'The signed body is not JSON.')
        }
        const event = hook.read(req, body)
        if ('ignored' in event) {
          req.log.info({ tracker: hook.tracker, reason: event.ignored }, 'issue tracker webhook ignored')
          return { outcome: 'ignored' as const, tracker: hook.tracker, key: event.key, links: 0, actionsDone: 0 }
        }
        return app.services.issueLinks.issueChanged(event)
      },
    )
  }
}

function header(req: FastifyRequest, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

export default issueTrackerWebhookRoutes
