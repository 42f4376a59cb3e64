import type { DomainError, DomainErrorKind } from '@misalign/shared'

/**
 * Every failure leaves the API as RFC 9457 problem details. Code throws an HttpProblem
 * through these helpers; the error handler turns everything else into one.
 */
export interface FieldError {
  field: string
  message: string
}

const titles: Record<number, string> = {
  400: 'Bad request',
  401: 'Sign-in required',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  412: 'Precondition failed',
  408: 'Request timeout',
  413: 'Payload too large',
  414: 'URI too long',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  428: 'Precondition required',
  429: 'Too many requests',
  431: 'Request header fields too large',
  500: 'Internal server error',
  503: 'Service unavailable',
}

export const problemTypeBase = 'https://misalignment-tracker.dev/problems/'

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly detail: string,
    readonly errors?: FieldError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail)
    this.name = 'HttpProblem'
  }

  get title(): string {
    return titles[this.status] ?? 'Error'
  }
}

export const problem = {
  badRequest: (detail: string, errors?: FieldError[]) => new HttpProblem(400, 'bad-request', detail, errors),
  validation: (errors: FieldError[]) =>
    new HttpProblem(
      400,
      'validation',
      errors.length === 1 && errors[0] ? `${errors[0].field}: ${errors[0].message}` : `${errors.length} fields need fixing`,
      errors,
    ),
  notFound: (entity: string, id: string) =>
    new HttpProblem(404, 'not-found', `No ${entity} with id ${JSON.stringify(id).slice(0, 80)} exists (or you cannot see it)`),
  forbidden: (detail: string) => new HttpProblem(403, 'forbidden', detail),
  conflict: (detail: string) => new HttpProblem(409, 'conflict', detail),
  unprocessable: (detail: string, errors?: FieldError[]) => new HttpProblem(422, 'unprocessable', detail, errors),
  staleVersion: (entity: string, currentVersion: number) =>
    new HttpProblem(
      412,
      'stale-version',
      `Someone else changed this ${entity} after you loaded it (it is now at version ${currentVersion}). Reload it, reapply your change and save again.`,
      undefined,
      { etag: `"${currentVersion}"` },
    ),
  ifMatchRequired: (entity: string) =>
    new HttpProblem(
      428,
      'if-match-required',
      `Changing a ${entity} needs an If-Match header with the version you read (its ETag), so nobody overwrites someone else's change unseen.`,
    ),
}

/** How each kind of domain failure answers over HTTP: the one table, for every capability. */
const httpOfKind: Record<DomainErrorKind, { status: number; slug: string }> = {
  invalid: { status: 422, slug: 'unprocessable' },
  malformed: { status: 400, slug: 'bad-request' },
  'not-found': { status: 404, slug: 'not-found' },
  unauthenticated: { status: 401, slug: 'unauthenticated' },
  forbidden: { status: 403, slug: 'forbidden' },
  conflict: { status: 409, slug: 'conflict' },
  'stale-version': { status: 412, slug: 'stale-version' },
  'in-flight': { status: 409, slug: 'in-flight' },
  'rate-limited': { status: 429, slug: 'rate-limited' },
}

export function problemOf(error: DomainError): HttpProblem {
  const { status, slug } = httpOfKind[error.kind]
  const { fields, currentVersion, retryAfterSeconds, code } = error.details
  const headers: Record<string, string> = {}
  if (currentVersion !== undefined) headers.etag = `"${currentVersion}"`
  if (retryAfterSeconds !== undefined) headers['retry-after'] = String(retryAfterSeconds)
  if (error.kind === 'unauthenticated') headers['www-authenticate'] = 'Bearer'
  return new HttpProblem(status, code ?? slug, error.message, fields, headers)
}
