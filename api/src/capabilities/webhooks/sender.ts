import dns from 'node:dns'
import net from 'node:net'
import { responseExcerpt } from '@misalign/shared'
import ipaddr from 'ipaddr.js'
import { Webhook } from 'standardwebhooks'
import { Agent, request } from 'undici'

/** A receiver that has not answered in this long is taken to be down; retries come later. */
const TIMEOUT_MS = 5_000
/** The most of an answer read: the log keeps 500 characters, the rest is never downloaded. */
const READ_LIMIT_BYTES = 4_096

export interface SendOutcome {
  statusCode: number | null
  latencyMs: number
  responseExcerpt: string | null
  error: string | null
  succeeded: boolean
}

export interface WebhookMessage {
  /** The Standard Webhooks message id: the same on every try, so receivers can drop repeats. */
  id: string
  payload: Record<string, unknown>
}

/** Why an address may not be called: anything but a public unicast address, unless private ones are allowed. */
export function forbiddenAddress(address: string, allowPrivate: boolean): string | null {
  if (allowPrivate) return null
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`
  let parsed = ipaddr.parse(address)
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address()
  const range = parsed.range()
  return range === 'unicast' ? null : `${address} is a ${range} address; webhooks go to public addresses only`
}

class ForbiddenAddressError extends Error {}

/**
 * Checks every address a host name resolves to at the moment of connecting, so a name that
 * resolves to a public address when registered and a private one later is still refused.
 */
function guardedLookup(allowPrivate: boolean): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0)
      const list = addresses as dns.LookupAddress[]
      for (const { address } of list) {
        const reason = forbiddenAddress(address, allowPrivate)
        if (reason) return callback(new ForbiddenAddressError(`${hostname} resolves to ${reason}`), '', 0)
      }
      const [first] = list
      if (!first) return callback(new Error(`${hostname} has no address`), '', 0)
      if ((options as { all?: boolean }).all)
        return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list)
      callback(null, first.address, first.family)
    })
  }
}

/**
 * Posts signed deliveries (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature)
 * and reports what came back. Never follows a redirect: a 3xx is a failure the admin sees.
 */
export function webhookSender(options: { allowPrivate: boolean }) {
  const agent = new Agent({
    connect: { lookup: guardedLookup(options.allowPrivate), timeout: TIMEOUT_MS },
    headersTimeout: TIMEOUT_MS,
    bodyTimeout: TIMEOUT_MS,
  })

  return {
    async send(url: string, secret: string, message: WebhookMessage, now: Date): Promise<SendOutcome> {
      const started = performance.now()
      const elapsed = () => Math.round(performance.now() - started)
      const failure = (error: string, statusCode: number | null = null): SendOutcome => ({
        statusCode,
        latencyMs: elapsed(),
        responseExcerpt: null,
        error,
        succeeded: false,
      })
      const host = new URL(url).hostname.replace(/^\[|\]$/g, '')
      // A literal address never reaches the lookup above: check it here.
      if (net.isIP(host)) {
        const reason = forbiddenAddress(host, options.allowPrivate)
        if (reason) return failure(`Refused: ${reason}`)
      }
      const body = JSON.stringify(message.payload)
      const headers = {
        'content-type': 'application/json',
        'user-agent': 'MisalignmentTracker-Webhooks/1',
        'webhook-id': message.id,
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': new Webhook(secret).sign(message.id, now, body),
      }
      try {
        const response = await request(url, {
          method: 'POST',
          headers,
          body,
          dispatcher: agent,
          signal: AbortSignal.timeout(TIMEOUT_MS * 2),
        })
        const excerpt = responseExcerpt(await readStart(response.body))
        const ok = response.statusCode >= 200 && response.statusCode < 300
        return {
          statusCode: response.statusCode,
          latencyMs: elapsed(),
          responseExcerpt: excerpt,
          error: ok ? null : describeStatus(response.statusCode),
          succeeded: ok,
        }
      } catch (error) {
        return failure(describeError(error))
      }
    },

    close: () => agent.close(),
  }
}

export type WebhookSender = ReturnType<typeof webhookSender>

async function readStart(body: AsyncIterable<Buffer> & { destroy(): void }): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of body) {
    chunks.push(chunk)
    size += chunk.length
    if (size >= READ_LIMIT_BYTES) {
      body.destroy()
      break
    }
  }
  return Buffer.concat(chunks).subarray(0, READ_LIMIT_BYTES).toString('utf8')
}

function describeStatus(status: number): string {
  if (status >= 300 && status < 400) return `Answered ${status} (a redirect): redirects are not followed, register the final URL`
  return `Answered ${status}: only 2xx counts as received`
}

function describeError(error: unknown): string {
  let cause: unknown = error
  while (cause instanceof Error) {
    if (cause instanceof ForbiddenAddressError) return `Refused: ${cause.message}`
    const code = (cause as NodeJS.ErrnoException).code
    if (cause.name === 'TimeoutError' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT')
      return `No answer within ${TIMEOUT_MS / 1000} s`
    if (code === 'ECONNREFUSED') return 'Connection refused'
    if (code === 'ENOTFOUND') return 'The host name does not resolve'
    if (!cause.cause) return cause.message
    cause = cause.cause
  }
  return String(error)
}
