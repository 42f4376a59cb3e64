import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createTeam, fileIncident } from '../fixtures'
import { useTestApp } from '../helper'
import { bodyArbitrary } from './schema-arbitrary'

const ctx = useTestApp()

interface Operation {
  requestBody?: { content?: Record<string, { schema?: object }> }
}

/** Every POST and PATCH in the OpenAPI document, so a new route is covered without a new test. */
async function writeOperations() {
  await ctx.app.ready()
  const document = ctx.app.swagger() as { paths: Record<string, Record<string, Operation>> }
  const operations: { method: 'POST' | 'PATCH'; path: string; schema: object }[] = []
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      if (method !== 'post' && method !== 'patch') continue
      const schema = operation.requestBody?.content?.['application/json']?.schema ?? {}
      operations.push({ method: method.toUpperCase() as 'POST' | 'PATCH', path, schema })
    }
  }
  return operations
}

let requests = 0

describe('awkward request bodies', () => {
  it('never get a 5xx from any POST or PATCH route', async () => {
    const operations = await writeOperations()
    const statuses = new Map<string, number[]>()
    expect(operations.length).toBeGreaterThan(1)
    for (const operation of operations) {
      const team = await createTeam(ctx.inject)
      const incident = await fileIncident(ctx.inject, team.id)
      const ids = [team.id, incident.id, '5f8d2c8e-0000-4000-8000-000000000000']
      await fc.assert(
        fc.asyncProperty(bodyArbitrary(operation.schema, ids), fc.constantFrom(...ids, 'MIS-1'), async (body, id) => {
          const url = operation.path.replace(/\{[^}]+\}/g, id)
          const res = await ctx.inject({
            method: operation.method,
            url,
            headers: { 'content-type': 'application/json', 'if-match': '"1"', 'idempotency-key': `key-${++requests}` },
            payload: JSON.stringify(body ?? null),
          })
          if (res.statusCode >= 500) {
            throw new Error(
              `${operation.method} ${url} answered ${res.statusCode} to ${JSON.stringify(body).slice(0, 300)}: ${res.body}`,
            )
          }
          if (res.statusCode !== 204) expect(res.headers['content-type']).toMatch(/json/)
          statuses.set(operation.method + operation.path, [
            ...(statuses.get(operation.method + operation.path) ?? []),
            res.statusCode,
          ])
        }),
        { numRuns: 40 },
      )
    }
    // The generator must reach past validation, or the property proves little.
    const accepted = [...statuses.values()].flat().filter((status) => status < 300).length
    if (accepted <= operations.length) console.log(Object.fromEntries(statuses))
    expect(accepted).toBeGreaterThan(operations.length)
  }, 240_000)
})

describe('malformed requests', () => {
  const post = (payload: string | Buffer, contentType = 'application/json') =>
    ctx.inject({ method: 'POST', url: '/api/v1/incidents', headers: { 'content-type': contentType }, payload })

  it('answers invalid UTF-8 with a 4xx problem', async () => {
    const res = await post(Buffer.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]))
    expect(res.statusCode).toBeGreaterThanOrEqual(400)
    expect(res.statusCode).toBeLessThan(500)
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
  })

  it('answers deeply nested JSON with a 4xx problem', async () => {
    const res = await post(`${'['.repeat(50_000)}${']'.repeat(50_000)}`)
    expect(res.statusCode).toBeGreaterThanOrEqual(400)
    expect(res.statusCode).toBeLessThan(500)
  })

  it('answers a body that is not JSON with 415', async () => {
    const res = await post('title=hello', 'application/x-www-form-urlencoded')
    expect(res.statusCode).toBe(415)
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
  })

  it('answers a prototype-polluting body without polluting anything', async () => {
    const res = await post('{"__proto__": {"polluted": true}, "title": "x"}')
    expect(res.statusCode).toBeLessThan(500)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
