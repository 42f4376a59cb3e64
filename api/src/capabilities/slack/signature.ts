import { createHmac, timingSafeEqual } from 'node:crypto'

/** Slack signs each request; one older than this is refused, so a captured request cannot be replayed later. */
export const SLACK_MAX_AGE_SECONDS = 5 * 60

export type SignatureCheck = { ok: true } | { ok: false; reason: string }

/**
 * Slack's request signing (https://api.slack.com/authentication/verifying-requests-from-slack):
 * `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<raw body>` with the app's signing secret,
 * compared in constant time. Runs on the raw bytes, before anything is parsed.
 */
export function checkSlackSignature(
  secret: string,
  headers: { timestamp: string | undefined; signature: string | undefined },
  rawBody: string,
  nowSeconds: number,
): SignatureCheck {
  const { timestamp, signature } = headers
  if (!timestamp || !signature) return { ok: false, reason: 'The request carries no Slack signature.' }
  const sentAt = Number(timestamp)
  if (!Number.isInteger(sentAt) || Math.abs(nowSeconds - sentAt) > SLACK_MAX_AGE_SECONDS) {
    return { ok: false, reason: 'The Slack signature is more than five minutes old (or the clocks disagree).' }
  }
  const expected = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`
  const sent = Buffer.from(signature)
  const wanted = Buffer.from(expected)
  if (sent.length !== wanted.length || !timingSafeEqual(sent, wanted)) {
    return { ok: false, reason: 'The Slack signature does not match: check SLACK_SIGNING_SECRET.' }
  }
  return { ok: true }
}

/** Signs a body as Slack would: for tests and for the admin's "send a test request". */
export function slackSignatureOf(secret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`
}
