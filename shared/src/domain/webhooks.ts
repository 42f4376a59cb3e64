import type { DomainEventType } from './events'

/**
 * The events an org's own systems may subscribe to: changes to what the tracker records, each
 * delivered with the resource as the API shows it. Sign-ins, users and tokens stay inside.
 */
export const webhookEventTypes = [
  'incident.filed',
  'incident.updated',
  'incident.decision-linked',
  'decision.created',
  'decision.updated',
  'strategy.published',
  'strategy.revised',
  'strategy.retired',
  'gap.created',
  'gap.transitioned',
  'retro.closed',
  'action.created',
  'action.updated',
] as const satisfies readonly DomainEventType[]
export type WebhookEventType = (typeof webhookEventTypes)[number]

/** What "Send a test" delivers: not a domain event, so no receiver mistakes it for one. */
export const WEBHOOK_TEST_EVENT = 'webhook.test'

export const isWebhookEventType = (type: string): type is WebhookEventType =>
  (webhookEventTypes as readonly string[]).includes(type)

/**
 * An endpoint whose every attempt has failed for this long is disabled: its owner has stopped
 * listening, and each retry would only spend a worker. A success at any point resets the clock.
 */
export const WEBHOOK_DISABLE_AFTER_HOURS = 24

const DISABLED_FOR_FAILURES = `Every delivery failed for ${WEBHOOK_DISABLE_AFTER_HOURS} hours`

/** Why the system turned an endpoint off, in words; screens tell it apart from an admin's "Turned off by …". */
export const disabledForFailures = (lastError: string | null) =>
  `${DISABLED_FOR_FAILURES}, so it was turned off (last: ${lastError ?? 'no answer'})`

export const isDisabledForFailures = (reason: string | null) => reason?.startsWith(DISABLED_FOR_FAILURES) ?? false

export function shouldDisableEndpoint(failingSince: Date | null, now: Date): boolean {
  return failingSince !== null && now.getTime() - failingSince.getTime() >= WEBHOOK_DISABLE_AFTER_HOURS * 3_600_000
}

/** Tries of one delivery: the first and 12 retries, the wait doubling from about 30 s, so about 34 hours in all. */
export const WEBHOOK_RETRIES = 12
export const WEBHOOK_FIRST_RETRY_SECONDS = 30

/**
 * Why a URL cannot be a webhook endpoint, or null when it can. Only what the URL itself shows:
 * where its host name resolves to is checked when sending, since DNS can change after this.
 */
export function webhookUrlProblem(value: string): string | null {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'is not a URL: give the full address, like https://hooks.example.com/misalignment'
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `must be http or https, not ${url.protocol.replace(':', '')}`
  if (url.username || url.password) return 'must not carry a user name or password: the signature proves the sender'
  if (url.hash) return 'must not have a #fragment: it is never sent'
  return null
}

/** What the delivery log keeps of a receiver's answer: enough to debug, never a whole page. */
export const WEBHOOK_EXCERPT_CHARS = 500

export function responseExcerpt(body: string): string | null {
  const trimmed = body.trim()
  if (trimmed === '') return null
  return trimmed.length > WEBHOOK_EXCERPT_CHARS ? `${trimmed.slice(0, WEBHOOK_EXCERPT_CHARS)}…` : trimmed
}
