import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { type RunningApi, sleep, startApi } from '../support/outage-harness'

// The API as a process of its own on the embedded database, in a DATA_DIR reached through a
// symlink (PGlite alone cannot follow one).
let api: RunningApi | undefined
let dir: string | undefined
afterEach(async () => {
  await api?.stop()
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
  api = undefined
  dir = undefined
})

async function startOnSymlinkedDataDir(): Promise<RunningApi> {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'misalign-shutdown-'))
  fs.mkdirSync(path.join(dir, 'real'))
  fs.symlinkSync(path.join(dir, 'real'), path.join(dir, 'link'))
  return startApi({ DATA_DIR: path.join(dir, 'link') })
}

const portOf = (api: RunningApi) => Number(new URL(api.url).port)

/** Milliseconds until the server closes a socket that sent `send` (and then nothing), and what it said. */
function closedAfter(api: RunningApi, send: string): Promise<{ ms: number; answer: string }> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    let answer = ''
    const socket = net.connect(portOf(api), '127.0.0.1', () => socket.write(send))
    socket.on('data', (chunk) => {
      answer += chunk.toString('utf8')
    })
    socket.on('close', () => resolve({ ms: Date.now() - started, answer }))
    socket.on('error', () => {})
    setTimeout(() => reject(new Error('the socket was never closed')), 60_000)
  })
}

describe('sockets', () => {
  it('are closed once headers (10 s), the whole request (30 s) or keep-alive idling (5 s) run out', async () => {
    api = await startOnSymlinkedDataDir()
    const [idle, slowHeaders, slowBody] = await Promise.all([
      closedAfter(api, 'GET /api/health HTTP/1.1\r\nhost: x\r\n\r\n'),
      closedAfter(api, 'GET /api/health HTTP/1.1\r\nhost: x\r\n'),
      // Headers complete, then a body that never finishes.
      closedAfter(
        api,
        'POST /api/v1/auth/sign-in HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{',
      ),
    ])
    expect(idle.answer).toMatch(/^HTTP\/1.1 200/)
    expect(idle.ms).toBeGreaterThanOrEqual(4_000)
    expect(idle.ms).toBeLessThan(8_000)
    expect(slowHeaders.answer).toMatch(/^HTTP\/1.1 408/)
    expect(slowHeaders.answer).toMatch(/content-type: application\/problem\+json/i)
    expect(slowHeaders.ms).toBeLessThan(13_000)
    expect(slowBody.ms).toBeGreaterThanOrEqual(25_000)
    expect(slowBody.ms).toBeLessThan(34_000)
  }, 90_000)
})

describe('SIGTERM', () => {
  it('lets the in-flight request finish and exits within 2 s of it, with keep-alive clients connected', async () => {
    api = await startOnSymlinkedDataDir()
    const agent = new http.Agent({ keepAlive: true, maxSockets: 5 })
    const get = () =>
      new Promise<number>((resolve, reject) => {
        http
          .get(`${api?.url}/api/health`, { agent }, (res) => {
            res.resume()
            res.on('end', () => resolve(res.statusCode ?? 0))
          })
          .on('error', reject)
      })
    expect(await Promise.all([get(), get(), get(), get(), get()])).toEqual([200, 200, 200, 200, 200])
    expect(Object.values(agent.freeSockets).flat().length).toBeGreaterThan(0)

    // In flight across the signal: a sign-in whose body arrives after it.
    const body = JSON.stringify({ email: 'nobody@test.example', password: 'not-a-password' })
    const inFlight = new Promise<{ status: number; at: number }>((resolve, reject) => {
      const request = http.request(`${api?.url}/api/v1/auth/sign-in`, {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      })
      request.on('response', (res) => {
        res.resume()
        res.on('end', () => resolve({ status: res.statusCode ?? 0, at: Date.now() }))
      })
      request.on('error', reject)
      request.write(body.slice(0, 10))
      setTimeout(() => request.end(body.slice(10)), 1_000)
    })
    await sleep(200)
    api.child.kill('SIGTERM')
    const answered = await inFlight
    await api.exited
    const exitedAt = Date.now()
    agent.destroy()

    expect(answered.status).toBe(401)
    expect(exitedAt - answered.at).toBeLessThan(2_000)
    expect(api.child.exitCode).toBe(0)
  }, 60_000)

  it('answers a request that arrives while draining with a 503 problem that closes the socket', async () => {
    api = await startOnSymlinkedDataDir()
    const running = api
    const body = JSON.stringify({ email: 'nobody@test.example', password: 'not-a-password' })
    const answer = await new Promise<string>((resolve, reject) => {
      let text = ''
      const socket = net.connect(portOf(running), '127.0.0.1', () => {
        socket.write(
          `POST /api/v1/auth/sign-in HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n${body.slice(0, 10)}`,
        )
        setTimeout(() => running.child.kill('SIGTERM'), 200)
        // The first request's body, then a second request pipelined behind it, both after the signal.
        setTimeout(() => socket.write(`${body.slice(10)}GET /api/v1/incidents HTTP/1.1\r\nhost: x\r\n\r\n`), 1_000)
      })
      socket.on('data', (chunk) => {
        text += chunk.toString('utf8')
      })
      socket.on('close', () => resolve(text))
      socket.on('error', reject)
    })
    const second = answer.slice(answer.indexOf('HTTP/1.1', 1))
    expect(answer).toMatch(/^HTTP\/1.1 401/)
    expect(second).toMatch(/^HTTP\/1.1 503/)
    expect(second).toMatch(/content-type: application\/problem\+json/i)
    expect(second).toMatch(/x-content-type-options: nosniff/i)
    expect(second).toMatch(/connection: close/i)
    expect(second).toMatch(/shutting down/)
    expect(await running.exited).toBe(0)
  }, 60_000)
})
