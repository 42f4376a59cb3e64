import { describe, expect, it } from 'vitest'
import { logSafeError } from '../../src/lib/log-safe-error'

const secret = 'canary-narrative-1234'

/** Drizzle's DrizzleQueryError, as drizzle-orm 0.45 builds it (the api package does not import drizzle). */
class DrizzleQueryError extends Error {
  constructor(
    readonly query: string,
    readonly params: unknown[],
    override readonly cause: Error,
  ) {
    super(`Failed query: ${query}\nparams: ${params}`)
  }
}

function pgError(code: string, message: string) {
  return Object.assign(new Error(message), { code, detail: `Key (title)=(${secret}) already exists.` })
}

describe('logSafeError', () => {
  it('keeps the SQL, SQLSTATE and operational message of a failed query, never its parameters', () => {
    const cause = pgError('57014', 'canceling statement due to statement timeout')
    const error = new DrizzleQueryError('insert into "incidents" ("title") values ($1)', [secret, 'key-abc'], cause)
    const logged = logSafeError(error)
    expect(JSON.stringify(logged)).not.toContain(secret)
    expect(JSON.stringify(logged)).not.toContain('key-abc')
    expect(logged).toMatchObject({
      query: 'insert into "incidents" ("title") values ($1)',
      cause: { code: '57014', message: 'canceling statement due to statement timeout' },
    })
  })

  it('withholds database messages that can quote values', () => {
    const logged = logSafeError(pgError('22P02', `invalid input syntax for type uuid: "${secret}"`))
    expect(JSON.stringify(logged)).not.toContain(secret)
    expect(logged.code).toBe('22P02')
  })

  it('keeps no frame-looking line smuggled inside a parameter', () => {
    const value = `${secret}\n    at smuggled (${secret})`
    const error = new DrizzleQueryError('select 1 where $1', [value], new Error('Connection terminated unexpectedly'))
    expect(JSON.stringify(logSafeError(error))).not.toContain(secret)
  })

  it('keeps the message and frames of our own errors', () => {
    const logged = logSafeError(new TypeError('cannot read x of undefined'))
    expect(logged.message).toBe('cannot read x of undefined')
    expect(logged.stack).toMatch(/^TypeError: cannot read x of undefined\n {4}at /)
  })
})
