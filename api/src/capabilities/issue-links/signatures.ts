import { createHmac, timingSafeEqual } from 'node:crypto'

/** Linear's own advice: refuse a delivery whose webhookTimestamp is further than this from now, so a captured one cannot be replayed. */
export const LINEAR_MAX_SKEW_MS = 60_000

export type SignatureCheck = { ok: true } | { ok: false; reason: string }

const hmacHex = (secret: string, rawBody: string) => createHmac('sha256', secret).update(rawBody).digest('hex')

function sameText(sent: string, wanted: string): boolean {
  const a = Buffer.from(sent)
  const b = Buffer.from(wanted)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * GitHub (X-Hub-Signature-256) and Jira Cloud (X-Hub-Signature) both send `sha256=` and the hex
 * HMAC-SHA256 of the raw body; compared in constant time, before anything is parsed.
 */
export function checkHubSignature(
  secret: string,
  signature: string | undefined,
  rawBody: string,
  names: { header: string; variable: string },
): SignatureCheck {
  if (!signature) return { ok: false, reason: `The request carries no ${names.header} header: it was not signed.` }
  if (!sameText(signature, `sha256=${hmacHex(secret, rawBody)}`)) {
    return { ok: false, reason: `The ${names.header} signature does not match: check ${names.variable}.` }
  }
  return { ok: true }
}

/** Linear: the hex HMAC-SHA256 of the raw body in Linear-Signature, and a webhookTimestamp (ms) close to now. */
export function checkLinearSignature(
  secret: string,
  signature: string | undefined,
  rawBody: string,
  nowMs: number,
): SignatureCheck {
  if (!signature) return { ok: false, reason: 'The request carries no Linear-Signature header: it was not signed.' }
  if (!sameText(signature, hmacHex(secret, rawBody))) {
    return { ok: false, reason: 'The Linear-Signature does not match: check LINEAR_WEBHOOK_SECRET.' }
  }
  let sentAt: unknown
  try {
    sentAt = (JSON.parse(rawBody) as { webhookTimestamp?: unknown }).webhookTimestamp
  } catch {
    return { ok: false, reason: 'The signed body is not JSON.' }
  }
  if (typeof sentAt !== 'number' || Math.abs(nowMs - sentAt) > LINEAR_MAX_SKEW_MS) {
    return { ok: false, reason: 'The webhookTimestamp is more than 60 seconds from now (a replay, or the clocks disagree).' }
  }
  return { ok: true }
}

/** Signs a body as GitHub and Jira do: for tests. */
export const hubSignatureOf = (secret: string, rawBody: string) => `sha256=${hmacHex(secret, rawBody)}`
/** Signs a body as Linear does: for tests. */
export const linearSignatureOf = (secret: string, rawBody: string) => hmacHex(secret, rawBody)
