import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One call the tracker made to the fake Slack Web API, its fields parsed (views and blocks too). */
export interface SlackCall {
  method: string
  body: Record<string, unknown>
}

export interface FakeSlack {
  /** The Web API base, for SLACK_API_URL. */
  url: string
  calls: SlackCall[]
  /** Slack user id → the verified email its profile shows. */
  emails: Map<string, string>
  /** Methods that answer `{ ok: false, error }` from now on. */
  failing: Map<string, string>
  callsTo(method: string): SlackCall[]
  close(): Promise<void>
}

/**
 * A stand-in for Slack's Web API on loopback: records each call and answers the way Slack does
 * (`{ ok: true, … }`, or `{ ok: false, error }`), so the real client library runs end to end.
 */
export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: SlackCall[] = []
  const emails = new Map<string, string>()
  const failing = new Map<string, string>()
  const server = createServer(async (req, res) => {
    const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0] ?? ''
    const body = await readBody(req)
    calls.push({ method, body })
    const answer = (payload: Record<string, unknown>) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify(payload))
    }
    const error = failing.get(method)
    if (error) return answer({ ok: false, error })
    if (method === 'users.info') {
      const email = emails.get(String(body.user))
      return email
        ? answer({ ok: true, user: { id: body.user, is_email_confirmed: true, profile: { email } } })
        : answer({ ok: false, error: 'user_not_found' })
    }
    if (method === 'chat.postMessage') return answer({ ok: true, channel: body.channel, ts: `${Date.now() / 1000}` })
    return answer({ ok: true })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/api/`,
    calls,
    emails,
    failing,
    callsTo: (method) => calls.filter((c) => c.method === method),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  let raw = ''
  for await (const chunk of req) raw += chunk
  const fields: Record<string, unknown> = (req.headers['content-type'] ?? '').includes('json')
    ? (JSON.parse(raw || '{}') as Record<string, unknown>)
    : Object.fromEntries(new URLSearchParams(raw))
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === 'string' && /^[[{]/.test(value)) {
      try {
        fields[key] = JSON.parse(value)
      } catch {
        // A text that merely starts with a bracket.
      }
    }
  }
  return fields
}
