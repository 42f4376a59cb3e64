import { spawn } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createRepositories, type Database, openDatabase, openTestDatabase, systemActor, verifyPassword } from '@misalign/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sha256 } from '../src/lib/secrets'

/**
 * The CLI as operators run it: a child process on the same variables as the app. By default
 * it gets an embedded database in a temporary DATA_DIR; with TEST_DATABASE_URL, a fresh
 * database on that server (and the lock test, which only concerns the embedded one, is skipped).
 */

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const onServer = Boolean(process.env.TEST_DATABASE_URL)

let env: NodeJS.ProcessEnv
let dataDir: string | undefined
let serverDatabase: Database | undefined

/** The embedded database is opened only between CLI runs: the CLI must be able to take its lock. */
async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  if (serverDatabase) return work(serverDatabase)
  const database = await openDatabase({ kind: 'pglite', dataDir: dataDir as string })
  try {
    return await work(database)
  } finally {
    await database.close()
  }
}

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

function cli(args: string[], stdin = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], { cwd: apiDir, env })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    // A hung CLI fails the test with what it printed, rather than at the test timeout.
    const timer = setTimeout(() => child.kill('SIGKILL'), 25_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
    child.stdin.end(stdin)
  })
}

beforeAll(async () => {
  if (onServer) {
    serverDatabase = await openTestDatabase()
    const url = serverDatabase.raw.kind === 'postgres' ? serverDatabase.raw.pool.options.connectionString : undefined
    env = { ...process.env, DATABASE_URL: url }
  } else {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'misalign-cli-'))
    dataDir = path.join(folder, 'pglite')
    env = { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir }
  }
  await withDatabase(async (database) => {
    await database.migrate()
    const teams = createRepositories(database.db).teams
    await teams.create({ slug: 'home', name: 'Home Team' }, systemActor)
    await teams.create({ slug: 'away', name: 'Away Team' }, systemActor)
  })
})

afterAll(async () => {
  await serverDatabase?.close()
  if (dataDir) await fs.rm(path.dirname(dataDir), { recursive: true, force: true })
})

// Each run starts tsx and, mostly, the embedded database: seconds, more on a busy machine.
const slow = { timeout: 60_000 }

const findUser = (email: string) => withDatabase((database) => createRepositories(database.db).users.findCredentials(email))

describe('pnpm cli user create', slow, () => {
  it('creates a user with the password piped on standard input, in the teams named', async () => {
    const run = await cli(
      [
        'user',
        'create',
        '--email',
        'pat@test.example',
        '--name',
        'Pat Doe',
        '--role',
        'lead',
        '--team',
        'home',
        '--team',
        'away',
      ],
      'correct horse battery staple\n',
    )
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/email: pat@test\.example/)
    expect(run.stdout).toMatch(/role: +lead/)
    expect(run.stdout).toMatch(/teams: home, away/)
    expect(run.stdout).not.toMatch(/Password/)
    const user = await findUser('pat@test.example')
    expect(user?.teamIds).toHaveLength(2)
    expect(await verifyPassword(user?.passwordHash, 'correct horse battery staple')).toBe(true)
  })

  it('generates a password and prints it once when nothing is piped in', async () => {
    const run = await cli(['user', 'create', '--email', 'sam@test.example', '--name', 'Sam', '--role', 'member'])
    expect(run.code, run.stderr).toBe(0)
    const password = /Password \(shown once\): (\S+)/.exec(run.stdout)?.[1] ?? ''
    expect(password.length).toBeGreaterThanOrEqual(20)
    const user = await findUser('sam@test.example')
    expect(await verifyPassword(user?.passwordHash, password)).toBe(true)
  })

  it('names an unknown team slug in one line on stderr', async () => {
    const run = await cli([
      'user',
      'create',
      '--email',
      'kim@test.example',
      '--name',
      'Kim',
      '--role',
      'member',
      '--team',
      'nowhere',
    ])
    expect(run.code).toBe(1)
    expect(run.stderr).toBe('No active team has the slug "nowhere"\n')
    expect(await findUser('kim@test.example')).toBeUndefined()
  })

  it('rejects a bad email or role before touching the database', async () => {
    const [badEmail, badRole] = await Promise.all([
      cli(['user', 'create', '--email', 'not-an-email', '--name', 'X', '--role', 'member']),
      cli(['user', 'create', '--email', 'x@test.example', '--name', 'X', '--role', 'boss']),
    ])
    expect(badEmail.code).toBe(1)
    expect(badEmail.stderr).toMatch(/^--email must match format "email"\n$/)
    expect(badRole.code).toBe(1)
    expect(badRole.stderr).toMatch(/--role must be one of member, lead, leader, admin/)
  })
})

describe('pnpm cli user role', slow, () => {
  it('changes the role and prints old → new', async () => {
    await cli(['user', 'create', '--email', 'role@test.example', '--name', 'Ro', '--role', 'member'])
    const run = await cli(['user', 'role', '--email', 'ROLE@test.example', '--role', 'admin'])
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toBe('role@test.example: member → admin\n')
    expect((await findUser('role@test.example'))?.role).toBe('admin')
  })
})

describe('pnpm cli token create', slow, () => {
  it('prints the token alone on standard output, and it belongs to the user', async () => {
    await cli(['user', 'create', '--email', 'bot@test.example', '--name', 'Bot', '--role', 'member'])
    const run = await cli(['token', 'create', '--email', 'bot@test.example', '--label', 'deploy'])
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toMatch(/^mt_[A-Za-z0-9_-]+\n?$/)
    expect(run.stderr).toMatch(/shown once/)
    const token = run.stdout.trim()
    const stored = await withDatabase((database) => createRepositories(database.db).sessions.findToken(sha256(token)))
    expect(stored).toMatchObject({
      userId: (await findUser('bot@test.example'))?.id,
      label: 'deploy',
      prefix: token.slice(0, 10),
    })
  })
})

describe('pnpm cli, as a whole', slow, () => {
  it('shows usage on stderr and exits 2 for an unknown command, and on stdout for --help', async () => {
    const [unknown, help, commandHelp] = await Promise.all([
      cli(['frobnicate']),
      cli(['--help']),
      cli(['user', 'create', '--help']),
    ])
    expect(unknown.code).toBe(2)
    expect(unknown.stdout).toBe('')
    expect(unknown.stderr).toMatch(/Unknown command "frobnicate"[\s\S]*Usage: pnpm cli/)
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/user create[\s\S]*token create/)
    expect(commandHelp.stdout).toMatch(/--team <slug>/)
  })

  it('exits 2 with one line for an option it does not know', async () => {
    const run = await cli(['token', 'create', '--email', 'bot@test.example', '--lable', 'typo'])
    expect(run.code).toBe(2)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stderr).toMatch(/--lable/)
  })

  it.skipIf(onServer)('refuses, without a stack trace, while another process has the embedded database open', async () => {
    const held = await openDatabase({ kind: 'pglite', dataDir: dataDir as string })
    try {
      const run = await cli(['token', 'create', '--email', 'bot@test.example'])
      expect(run.code).toBe(1)
      expect(run.stdout).toBe('')
      expect(run.stderr).toMatch(/is already open in process \d+/)
      expect(run.stderr).not.toMatch(/\n\s+at /)
    } finally {
      await held.close()
    }
  })
})
