/**
 * The one error every capability throws when a request cannot be done as asked. Its kind says
 * what went wrong in domain words; the API maps each kind to an HTTP status through one table
 * (api/src/lib/problem.ts), the CLI to a message, an integration to its own reply.
 */
export type DomainErrorKind =
  /** The input breaks a rule (422): a future date, a missing requirement. */
  | 'invalid'
  /** The input cannot be read at all (400): an unknown cursor. */
  | 'malformed'
  | 'not-found'
  | 'unauthenticated'
  | 'forbidden'
  /** The thing is in a state where this change does not apply (409). */
  | 'conflict'
  /** Someone else changed it after the caller read it (412). */
  | 'stale-version'
  /** A request with the same idempotency key is still being answered (409, retry soon). */
  | 'in-flight'
  | 'rate-limited'

export interface FieldProblem {
  field: string
  message: string
}

export interface DomainErrorDetails {
  fields?: FieldProblem[]
  /** For 'stale-version': the version the caller must reload. */
  currentVersion?: number
  /** For 'in-flight' and 'rate-limited': when trying again makes sense. */
  retryAfterSeconds?: number
  /** A finer name for the problem than its kind (the `type` of a problem document). */
  code?: string
}

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly details: DomainErrorDetails = {},
  ) {
    super(message)
    this.name = 'DomainError'
  }
}

const quoted = (key: string) => JSON.stringify(key).slice(0, 80)

/** The usual ways to fail, worded the same everywhere. */
export const fail = {
  invalid: (message: string, fields?: FieldProblem[]) => new DomainError('invalid', message, fields ? { fields } : {}),
  invalidField: (field: string, message: string) => new DomainError('invalid', message, { fields: [{ field, message }] }),
  malformed: (message: string, fields?: FieldProblem[]) => new DomainError('malformed', message, fields ? { fields } : {}),
  notFound: (entity: string, key: string) =>
    new DomainError('not-found', `No ${entity} with id ${quoted(key)} exists (or you cannot see it)`),
  forbidden: (message: string) => new DomainError('forbidden', message),
  conflict: (message: string, code?: string) => new DomainError('conflict', message, code ? { code } : {}),
  staleVersion: (entity: string, currentVersion: number) =>
    new DomainError(
      'stale-version',
      `Someone else changed this ${entity} after you loaded it (it is now at version ${currentVersion}). Reload it, reapply your change and save again.`,
      { currentVersion },
    ),
}
