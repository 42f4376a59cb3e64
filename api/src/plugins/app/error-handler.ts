import { randomUUID } from 'node:crypto'
import type { Duplex } from 'node:stream'
import { DomainError, EARLIEST_DAY, LATEST_DAY } from '@misalign/shared'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { type FieldError, HttpProblem, problem, problemOf, problemTypeBase } from '../../lib/problem'
import { baselineSecurityHeaders } from '../external/security'
import { fromDatabaseError } from './database-errors'

interface AjvError {
  instancePath: string
  keyword: string
  message?: string
  params: Record<string, unknown>
}

function fieldErrors(validation: AjvError[], context: string | undefined): FieldError[] {
  const seen = new Set<string>()
  const errors: FieldError[] = []
  for (const error of validation) {
    const path = error.instancePath.replace(/^\//, '').replaceAll('/', '.')
    let field = path || context || 'body'
    let message = error.message ?? 'is invalid'
    if (error.keyword === 'required') {
      field = [path, String(error.params.missingProperty)].filter(Boolean).join('.')
      message = 'is required'
    } else if (error.keyword === 'additionalProperties') {
      field = [path, String(error.params.additionalProperty)].filter(Boolean).join('.')
      message = 'is not a field this endpoint accepts; check the spelling against /api/docs'
    } else if (error.keyword === 'format') {
      message = `must be a valid ${String(error.params.format)}`
    } else if (error.keyword === 'formatMinimum' || error.keyword === 'formatMaximum') {
      message = `must be a calendar day from ${EARLIEST_DAY} to ${LATEST_DAY}`
    } else if (error.keyword === 'minProperties') {
      message = 'must change at least one field'
    }
    // A union reports each branch's failure; one line per field is what a person needs.
    const key = `${field}:${error.keyword === 'anyOf' ? '' : message}`
    if (seen.has(field) || seen.has(key)) continue
    seen.add(field)
    seen.add(key)
    errors.push({ field: context && context !== 'body' ? `${context}.${field}` : field, message })
  }
  return errors
}

/** Maps what code throws to a problem; null means "unexpected", which becomes a 500. */
function toProblem(error: unknown): HttpProblem | null {
  if (error instanceof HttpProblem) return error
  if (error instanceof DomainError) return problemOf(error)
  const fastifyError = error as FastifyError & { validation?: AjvError[]; validationContext?: string }
  if (Array.isArray(fastifyError.validation)) {
    return problem.validation(fieldErrors(fastifyError.validation, fastifyError.validationContext))
  }
  const fromDatabase = fromDatabaseError(error)
  if (fromDatabase) return fromDatabase
  const status = fastifyError.statusCode
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new HttpProblem(status, (fastifyError.code ?? 'client-error').toLowerCase(), fastifyError.message)
  }
  return null
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, found: HttpProblem): FastifyReply {
  return reply
    .code(found.status)
    .headers(found.headers)
    .type('application/problem+json')
    .send({
      type: `${problemTypeBase}${found.slug}`,
      title: found.title,
      status: found.status,
      detail: found.detail,
      instance: `urn:request:${request.id}`,
      ...(found.errors ? { errors: found.errors } : {}),
    })
}

const problemBody = (found: HttpProblem, requestId: string) =>
  JSON.stringify({
    type: `${problemTypeBase}${found.slug}`,
    title: found.title,
    status: found.status,
    detail: found.detail,
    instance: `urn:request:${requestId}`,
  })

/**
 * Fastify's router answers a path it cannot decode, or a parameter over maxParamLength, before
 * any hook runs: this gives those answers our format and our security headers.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const found =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? new HttpProblem(
          414,
          'parameter-too-long',
          'A path parameter is longer than 200 characters. Ids are uuids or MIS numbers.',
        )
      : error.code === 'FST_ERR_BAD_URL'
        ? new HttpProblem(
            400,
            'bad-url',
            'The path is not valid percent-encoding (UTF-8). Encode each path segment with encodeURIComponent.',
          )
        : new HttpProblem(400, 'bad-request', 'The request could not be routed. The API is described at /api/docs.')
  void sendProblem(reply.headers(baselineSecurityHeaders), request, found)
}

const clientErrorProblems: Record<string, HttpProblem> = {
  ERR_HTTP_REQUEST_TIMEOUT: new HttpProblem(
    408,
    'request-timeout',
    'The request did not arrive in time (headers within 10 s, the whole request within 30 s).',
  ),
  HPE_HEADER_OVERFLOW: new HttpProblem(431, 'headers-too-large', 'The request headers are larger than 16 KiB.'),
}

/**
 * Requests the HTTP parser refuses (a byte a header may not hold, a malformed request line, a
 * timeout) never become requests: Node hands us the socket, and we answer on it in our format.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  const found =
    clientErrorProblems[error.code ?? ''] ??
    new HttpProblem(
      400,
      'malformed-request',
      'The HTTP request is malformed: check the request line and that header values hold only visible ASCII.',
    )
  if (socket.writable) {
    const body = problemBody(found, randomUUID())
    const headers = {
      ...baselineSecurityHeaders,
      'content-type': 'application/problem+json; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
      connection: 'close',
    }
    const head = Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}`)
      .join('\r\n')
    socket.end(`HTTP/1.1 ${found.status} ${found.title}\r\n${head}\r\n\r\n${body}`, () => socket.destroy())
  } else {
    socket.destroy()
  }
}

export default fp(
  async function errorHandler(app: FastifyInstance) {
    app.setErrorHandler((error, request, reply) => {
      const found = toProblem(error)
      if (found) {
        if (found.status >= 500) request.log.error({ err: error }, 'request failed')
        return sendProblem(reply, request, found)
      }
      // Unknown errors keep their detail in the log, never in the response.
      request.log.error({ err: error }, 'unexpected error')
      return sendProblem(
        reply,
        request,
        new HttpProblem(
          500,
          'internal',
          'Something went wrong on our side. It has been logged; try again, and tell an admin if it persists.',
        ),
      )
    })

    // A request that arrives on a kept-alive socket while the app drains (Fastify's own 503 is
    // not problem+json): answered before sign-in touches the database, and the socket closes.
    let closing = false
    app.addHook('preClose', async () => {
      closing = true
    })
    app.addHook('onRequest', async (_request, reply) => {
      if (!closing) return
      reply.headers(baselineSecurityHeaders)
      throw new HttpProblem(
        503,
        'shutting-down',
        'This instance is shutting down. Retry: another instance, or this one restarted, will answer.',
        undefined,
        { 'retry-after': '1', connection: 'close' },
      )
    })

    app.setNotFoundHandler((request, reply) =>
      sendProblem(
        reply,
        request,
        new HttpProblem(
          404,
          'no-route',
          `There is no ${request.method} ${request.url.split('?')[0]}. The API is described at /api/docs.`,
        ),
      ),
    )
  },
  { name: 'error-handler' },
)
