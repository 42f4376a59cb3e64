/**
 * What an error may say in a log line. A failed query's error carries the SQL *and its
 * parameters* (Drizzle's "Failed query: … params: …", in message and stack), and Postgres's own
 * message or detail can quote a value ("Key (title)=(…)", "invalid input syntax … '…'"). Those
 * values can be an anonymous report's narrative, a reporter key or a token hash, so they never
 * reach a log: a query error keeps its SQL text (our code, placeholders only), its SQLSTATE and,
 * for operational failures, the server's message.
 */
export interface LoggedError {
  type: string
  message: string
  stack: string
  code?: string
  statusCode?: number
  query?: string
  cause?: LoggedError
  [key: string]: unknown
}

/** SQLSTATE classes whose messages describe the server, never the data: connection, resources, operator, locks, transaction rollback. */
const operationalClasses = new Set(['08', '40', '53', '55', '57', '58'])
const MAX_DEPTH = 4
const MAX_QUERY = 300

const sqlStateOf = (code: unknown): string | undefined =>
  typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined

/**
 * The stack's frames without the message it starts with. Read from the end: a value inside
 * the message could itself contain a line that looks like a frame.
 */
function framesOf(stack: unknown): string | undefined {
  if (typeof stack !== 'string') return undefined
  const lines = stack.split('\n')
  let first = lines.length
  while (first > 1 && /^ {4}at /.test(lines[first - 1] ?? '')) first -= 1
  return first === lines.length ? undefined : lines.slice(first).join('\n')
}

export function logSafeError(error: unknown, depth = 0): LoggedError {
  if (typeof error !== 'object' || error === null)
    return { type: typeof error, message: 'a non-error value was thrown', stack: '' }
  const e = error as Record<string, unknown> & { name?: unknown; message?: unknown; cause?: unknown }
  const type = typeof e.name === 'string' ? e.name : (error.constructor?.name ?? 'Error')
  const isQueryError = typeof e.query === 'string' && 'params' in e
  const sqlState = sqlStateOf(e.code)
  let message: string
  if (isQueryError) message = 'Failed query (parameters withheld)'
  else if (sqlState && !operationalClasses.has(sqlState.slice(0, 2)))
    message = `database error ${sqlState} (message withheld: it can quote values)`
  else message = typeof e.message === 'string' ? e.message : String(e.message)
  // A query's stack is the driver's internals; its SQL text says more, and its message is unsafe.
  const frames = isQueryError || sqlState ? undefined : framesOf(e.stack)
  const logged: LoggedError = {
    type,
    message,
    stack: frames ? `${type}: ${message}\n${frames}` : `${type}: ${message}`,
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    ...(typeof e.statusCode === 'number' ? { statusCode: e.statusCode } : {}),
    ...(isQueryError ? { query: (e.query as string).slice(0, MAX_QUERY) } : {}),
  }
  if (e.cause !== undefined && depth < MAX_DEPTH) logged.cause = logSafeError(e.cause, depth + 1)
  return logged
}
