import { HttpProblem, problem } from '../../lib/problem'

interface DatabaseError {
  code?: string
  detail?: string
  constraint?: string
  column?: string
}

const camelCase = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())

/** Names the field from "Key (reporting_team_id)=(…)" without echoing the database's words. */
function fieldOf(error: DatabaseError): string | undefined {
  const column = /Key \(([a-z_, ]+)\)/.exec(error.detail ?? '')?.[1] ?? error.column
  return column ? camelCase(column.split(',')[0]?.trim() ?? column) : undefined
}

const connectionCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08003',
  '08006',
])

/**
 * node-postgres reports a lost or stuck connection as a plain Error with no SQLSTATE: a query on
 * a dropped socket, a rollback on a client that already failed, a pool that cannot connect.
 */
const lostConnection =
  /timeout|Connection terminated|connection error|not queryable|Client was closed|ECONNRESET|ECONNREFUSED|EPIPE|socket hang up/i

/**
 * Postgres errors that a request can cause get a problem that says what to fix; the
 * database's own message is never sent (it can carry table names and values).
 */
export function fromDatabaseError(thrown: unknown): HttpProblem | null {
  // Drizzle wraps the driver's error (DrizzleQueryError); the code is on its cause.
  let error = thrown
  while (typeof error === 'object' && error !== null && !('code' in error) && 'cause' in error) error = error.cause
  if (typeof error !== 'object' || error === null) return null
  const dbError = error as DatabaseError & { message?: string }
  const code = dbError.code
  if (!code) {
    if (lostConnection.test(dbError.message ?? '')) return unavailable()
    return null
  }
  if (connectionCodes.has(code)) return unavailable()
  const field = fieldOf(dbError)
  switch (code) {
    case '23503':
      return problem.unprocessable(
        field ? `${field} refers to something that does not exist` : 'A referenced record does not exist',
        field ? [{ field, message: 'refers to something that does not exist' }] : undefined,
      )
    case '23505':
      return problem.conflict(field ? `Another record already has this ${field}` : 'This would duplicate an existing record')
    case '23514':
      return problem.unprocessable('The values break a rule of the data model; check ranges and required combinations')
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
    case '22001':
    case '22021':
    case '22P05':
    case '54000':
      return problem.badRequest('A value is malformed or out of range for its field')
    case '57014':
      return new HttpProblem(
        503,
        'timeout',
        'The database took too long to answer. Try again, or narrow the request.',
        undefined,
        {
          'retry-after': '2',
        },
      )
    case '55P03':
      // Any lock: a row someone is editing, or a table under maintenance. Nothing was saved.
      return new HttpProblem(
        409,
        'busy',
        'The records this change needs are busy with another change right now; nothing was saved. Try again in a moment.',
        undefined,
        { 'retry-after': '1' },
      )
    case '40001':
    case '40P01':
      return problem.conflict('The change collided with another one. Try again.')
    default:
      return null
  }
}

function unavailable(): HttpProblem {
  return new HttpProblem(503, 'database-unavailable', 'The database is not reachable right now. Try again shortly.', undefined, {
    'retry-after': '5',
  })
}
