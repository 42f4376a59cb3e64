import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createRepositories, openDatabase, systemActor } from '@misalign/db'

/**
 * Real failures need real processes: a Postgres server of the test's own (its own data folder
 * and port, never the shared server), the API as `pnpm start` runs it, and a TCP proxy between
 * them that can stall or reset connections.
 */

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const isRoot = process.getuid?.() === 0

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

/** Postgres refuses to run as root: on CI (root) its commands run as the postgres user. */
function asPostgres(command: string, args: string[]): void {
  const binary = path.join(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim(), command)
  const [file, fileArgs] = isRoot ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args]
  execFileSync(file, fileArgs, { stdio: 'pipe', timeout: 60_000 })
}

export interface OwnPostgres {
  url: string
  port: number
  /** `-m immediate`: no shutdown checkpoint, every connection cut, as in a crash. */
  crash(): void
  start(): void
  destroy(): void
}

export async function startOwnPostgres(): Promise<OwnPostgres> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'misalign-pg-'))
  if (isRoot) execFileSync('chown', ['postgres:postgres', dir])
  const data = path.join(dir, 'data')
  const port = await freePort()
  asPostgres('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8'])
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=40`
  const start = () => asPostgres('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'server.log'), '-w', 'start'])
  start()
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    crash: () => asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']),
    start,
    destroy: () => {
      try {
        asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
      } catch {
        // Already stopped.
      }
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

export interface RunningApi {
  url: string
  child: ChildProcess
  /** Every line the process wrote, stdout and stderr. */
  lines: string[]
  exited: Promise<number | null>
  stop(): Promise<void>
}

/** The API as `pnpm start` runs it (server.ts under tsx), on the given environment. */
export async function startApi(env: Record<string, string>): Promise<RunningApi> {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: apiDir,
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: String(port),
      DEMO: 'off',
      LOG_LEVEL: 'info',
      // Eight writers file far faster than a person; the per-user limit is not what is tested.
      FILING_LIMIT_PER_MINUTE: '100000',
      REPORTER_KEY_SECRET: 'outage-test-reporter-key-secret-0123456789abcdef',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  for (const stream of [child.stdout, child.stderr]) {
    let rest = ''
    stream?.on('data', (chunk: Buffer) => {
      const text = rest + chunk.toString('utf8')
      const parts = text.split('\n')
      rest = parts.pop() ?? ''
      lines.push(...parts)
    })
    stream?.on('end', () => rest && lines.push(rest))
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited while starting:\n${lines.join('\n')}`)
    const ready = await fetch(`${url}/api/ready`).catch(() => undefined)
    if (ready?.status === 200) break
    if (Date.now() > deadline) throw new Error(`the API did not become ready:\n${lines.join('\n')}`)
    await sleep(200)
  }
  return {
    url,
    child,
    lines,
    exited,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGKILL')
      await exited
    },
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export interface Member {
  token: string
  tokenHash: string
  userId: string
  email: string
  teamId: string
}

/** A team and a member with an API token, written straight into the API's database. */
export async function createMember(databaseUrl: string): Promise<Member> {
  const database = await openDatabase({ kind: 'postgres', url: databaseUrl, poolSize: 1, statementTimeoutMs: 10_000 })
  try {
    const repos = createRepositories(database.db)
    const team = await repos.teams.create({ slug: `team-${randomBytes(4).toString('hex')}`, name: 'Writers' }, systemActor)
    const email = `writer-${randomBytes(4).toString('hex')}@test.example`
    const user = await repos.users.create({ email, displayName: 'Writer', role: 'member', teamIds: [team.id] }, systemActor)
    const token = `mt_${randomBytes(24).toString('base64url')}`
    const tokenHash = createHash('sha256').update(token).digest('base64url')
    await repos.sessions.createToken({ userId: user.id, label: 'outage', tokenHash, prefix: token.slice(0, 10) }, systemActor)
    return { token, tokenHash, userId: user.id, email, teamId: team.id }
  } finally {
    await database.close()
  }
}

export type ProxyMode = 'pass' | 'blackhole' | 'reset'

/** A TCP proxy that forwards, swallows (a stalled network) or resets every connection. */
export async function startProxy(targetPort: number) {
  let mode: ProxyMode = 'pass'
  const pairs = new Set<{ client: net.Socket; server: net.Socket }>()
  const proxy = net.createServer((client) => {
    const server = net.connect(targetPort, '127.0.0.1')
    const pair = { client, server }
    pairs.add(pair)
    const drop = () => {
      pairs.delete(pair)
      client.destroy()
      server.destroy()
    }
    client.on('error', drop)
    server.on('error', drop)
    client.on('close', drop)
    server.on('close', drop)
    client.on('data', (chunk) => mode === 'pass' && server.write(chunk))
    server.on('data', (chunk) => mode === 'pass' && client.write(chunk))
  })
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  const address = proxy.address() as net.AddressInfo
  return {
    port: address.port,
    setMode(next: ProxyMode) {
      mode = next
      if (next === 'reset') {
        for (const { client, server } of pairs) {
          client.resetAndDestroy()
          server.destroy()
        }
        pairs.clear()
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const { client, server } of pairs) {
          client.destroy()
          server.destroy()
        }
        proxy.close(() => resolve())
      }),
  }
}

export interface FilingOutcome {
  key: string
  title: string
  statuses: number[]
  incidentId?: string
}

/** Files until `until()` says stop, each report with its own Idempotency-Key and a unique title. */
export async function fileUntil(
  api: RunningApi,
  member: Member,
  until: () => boolean,
  body: (title: string) => Record<string, unknown>,
): Promise<FilingOutcome[]> {
  const outcomes: FilingOutcome[] = []
  while (!until()) {
    const outcome: FilingOutcome = {
      key: randomBytes(12).toString('hex'),
      title: `outage ${randomBytes(6).toString('hex')}`,
      statuses: [],
    }
    outcomes.push(outcome)
    await fileOnce(api, member, outcome, body)
  }
  return outcomes
}

/** One attempt; a hang past the server's own timeouts (30 s request, 16 s query) counts as 0. */
export async function fileOnce(
  api: RunningApi,
  member: Member,
  outcome: FilingOutcome,
  body: (title: string) => Record<string, unknown>,
): Promise<void> {
  const res = await fetch(`${api.url}/api/v1/incidents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${member.token}`, 'content-type': 'application/json', 'idempotency-key': outcome.key },
    body: JSON.stringify(body(outcome.title)),
    signal: AbortSignal.timeout(35_000),
  }).catch(() => undefined)
  if (!res) {
    outcome.statuses.push(0)
    return
  }
  const text = await res.text()
  outcome.statuses.push(res.status)
  if (res.status === 201) outcome.incidentId = (JSON.parse(text) as { id: string }).id
  else if (!(res.headers.get('content-type') ?? '').startsWith('application/problem+json')) outcome.statuses.push(-1)
}
