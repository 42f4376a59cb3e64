import net from 'node:net'
import type { LightMyRequestResponse } from 'fastify'
import { describe, expect, it } from 'vitest'
import { createTeam, fileIncident } from '../fixtures'
import { useTestApp } from '../helper'

const ctx = useTestApp()

interface Parameter {
  in: string
  name: string
}
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

/** Every operation in the OpenAPI document, with its query parameters. */
async function operations() {
  await ctx.app.ready()
  const document = ctx.app.swagger() as { paths: Record<string, Record<string, { parameters?: Parameter[] }>> }
  const found: { method: Method; path: string; query: string[] }[] = []
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const query = (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name)
      found.push({ method: method.toUpperCase() as Method, path, query })
    }
  }
  return found
}

/** What hostile or careless clients put in a path segment, already as it travels on the wire. */
const awkwardSegments = [
  '%C3%28',
  '%FF',
  '%00',
  'a'.repeat(201),
  '..%2F..%2Fetc',
  'MIS-99999999999999999999',
  'MIS-0',
  '-1',
  '%E2%80%AE',
]
/** …and in a query value. */
const awkwardValues = [
  '0000-01-01',
  '9999-12-31',
  '-000001-10',
  '2026-02-30',
  '1899-12-31',
  '%FF',
  '%C3%28',
  'x'.repeat(3000),
  '1e309',
  '-1',
  'bm90IGEgY3Vyc29y',
  '%00',
]

function expectOurProblem(res: LightMyRequestResponse, what: string) {
  if (res.statusCode >= 500) throw new Error(`${what} answered ${res.statusCode}: ${res.body.slice(0, 300)}`)
  if (res.statusCode < 400) return
  expect(res.headers['content-type'], what).toMatch(/^application\/problem\+json/)
  expect(res.headers['x-content-type-options'], what).toBe('nosniff')
  expect(res.headers['content-security-policy'], what).toContain("default-src 'self'")
  expect(res.headers['cache-control'], what).toBe('no-store')
  const body = res.json()
  expect(body.status, what).toBe(res.statusCode)
  expect(body.detail, what).toEqual(expect.any(String))
}

describe('awkward paths, query strings and headers', () => {
  it('never get a 5xx, and every refusal is problem+json with the security headers', async () => {
    const team = await createTeam(ctx.inject)
    const incident = await fileIncident(ctx.inject, team.id)
    const all = await operations()
    expect(all.length).toBeGreaterThan(50)
    let requests = 0
    for (const operation of all) {
      const send = async (url: string, headers: Record<string, string> = {}) => {
        requests += 1
        const payload = operation.method === 'GET' || operation.method === 'DELETE' ? undefined : '{}'
        const res = await ctx.inject({
          method: operation.method,
          url,
          headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...headers },
          ...(payload ? { payload } : {}),
        })
        expectOurProblem(res, `${operation.method} ${url.slice(0, 120)}`)
      }
      const withId = (segment: string) => operation.path.replace(/\{[^}]+\}/g, segment)
      if (operation.path.includes('{')) for (const segment of awkwardSegments) await send(withId(segment))
      const url = withId(incident.id)
      for (const name of operation.query) {
        for (const value of awkwardValues) await send(`${url}?${name}=${value}`)
      }
      if (operation.method !== 'GET') {
        await send(url, { 'if-match': '"not-a-version"', 'idempotency-key': 'k'.repeat(5000) })
        await send(url, { 'if-match': 'W/"1"', 'idempotency-key': 'ab\u00ffcd' })
      }
    }
    expect(requests).toBeGreaterThan(500)
  }, 300_000)

  it('answers bad cursors on every list with 400 naming the cursor', async () => {
    const res = await ctx.inject({ method: 'GET', url: '/api/v1/incidents?cursor=%FF%FE' })
    expect(res.statusCode).toBe(400)
    expectOurProblem(res, 'bad cursor')
  })

  it('answers out-of-range dates on the ranking, the review and its export with 400', async () => {
    for (const url of [
      '/api/v1/strategy-gaps/ranking?to=0000-01-01',
      '/api/v1/leadership/review?to=0000-01-01',
      '/api/v1/leadership/review/export?from=0000-01-01',
    ]) {
      const res = await ctx.as('leader').inject({ method: 'GET', url })
      expect(res.statusCode, url).toBe(400)
      expectOurProblem(res, url)
      expect(res.json().detail).toMatch(/1900-01-01 to 2999-12-31/)
    }
  })
})

/** What Node's HTTP parser refuses never reaches a route: these go over a real socket. */
describe('requests the HTTP parser refuses', () => {
  async function raw(request: Buffer): Promise<{ status: number; headers: Record<string, string>; body: string }> {
    const address = ctx.app.server.address()
    if (!address || typeof address === 'string') throw new Error('not listening')
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(address.port, '127.0.0.1', () => socket.write(request))
      let text = ''
      socket.on('data', (chunk) => {
        text += chunk.toString('latin1')
      })
      socket.on('end', () => resolve(text))
      socket.on('error', reject)
      socket.setTimeout(10_000, () => reject(new Error('no answer')))
    })
    const [head = '', body = ''] = answer.split('\r\n\r\n')
    const [statusLine = '', ...lines] = head.split('\r\n')
    const headers = Object.fromEntries(
      lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
    )
    return { status: Number(statusLine.split(' ')[1]), headers, body }
  }

  it('answers a 0xFF byte in a header, and a malformed request line, as problem+json', async () => {
    await ctx.app.listen({ port: 0, host: '127.0.0.1' })
    const requests = [
      Buffer.concat([
        Buffer.from('POST /api/v1/incidents HTTP/1.1\r\nhost: x\r\nidempotency-key: ab'),
        Buffer.from([0xff, 0x01]),
        Buffer.from('\r\ncontent-length: 2\r\n\r\n{}'),
      ]),
      Buffer.from('GET /api/v1/incidents HTTP/1.1\r\nho st: x\r\n\r\n'),
      Buffer.from('BREW /\x7f HTTP/9\r\n\r\n'),
    ]
    for (const request of requests) {
      const res = await raw(request)
      expect(res.status).toBeGreaterThanOrEqual(400)
      expect(res.status).toBeLessThan(500)
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/)
      expect(res.headers['x-content-type-options']).toBe('nosniff')
      expect(res.headers['content-security-policy']).toContain("default-src 'self'")
      expect(res.headers['cache-control']).toBe('no-store')
      expect(JSON.parse(res.body).status).toBe(res.status)
    }
  })
})
