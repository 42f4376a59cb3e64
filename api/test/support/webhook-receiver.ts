import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Webhook } from 'standardwebhooks'

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders
  body: string
}

export interface WebhookReceiver {
  url: string
  received: ReceivedWebhook[]
  /** How the next requests are answered: a status and body, a redirect, or held until `release()`. */
  answer: { status: number; body: string; location?: string; hold?: boolean }
  release(): void
  close(): Promise<void>
}

/** An HTTP server on loopback standing in for an org's webhook receiver: records each request. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const held: (() => void)[] = []
  const receiver: WebhookReceiver = {
    url: '',
    received: [],
    answer: { status: 204, body: '' },
    release: () => {
      for (const go of held.splice(0)) go()
    },
    close: async () => {
      receiver.release()
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      receiver.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') })
      const { status, body, location, hold } = receiver.answer
      const respond = () => {
        res.writeHead(status, location ? { location } : {})
        res.end(body)
      }
      if (hold) held.push(respond)
      else respond()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return receiver
}

/** Waits until `check` passes, polling: deliveries happen on the job queue, after the request that caused them. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      return await check()
    } catch (error) {
      if (Date.now() > deadline) throw error
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
}

/** Verifies a received delivery as a receiver would, with the endpoint's secret; throws when it does not verify. */
export function verifyWebhook(secret: string, received: ReceivedWebhook): unknown {
  return new Webhook(secret).verify(received.body, received.headers as Record<string, string>)
}
