import type { Problem } from '@misalign/shared'

/**
 * Every failed request becomes one error type carrying the API's problem details, so screens
 * show the human sentence in `detail` and never a status code or a stack.
 */
export class ApiError extends Error {
  readonly status: number
  constructor(readonly problem: Problem) {
    super(problem.detail)
    this.name = 'ApiError'
    this.status = problem.status
  }

  /** Field → message, from the problem's `errors`, for showing beside each control. */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {}
    for (const e of this.problem.errors ?? []) {
      // Validation names fields as paths ("/body/title" or "title"); the control is the last part.
      const field = e.field.split(/[/.]/).filter(Boolean).at(-1) ?? e.field
      out[field] ??= e.message
    }
    return out
  }
}

/** Status 0: the request never got an answer (offline, server down), so nothing is known to have happened. */
export const isNetworkError = (error: unknown): boolean => error instanceof ApiError && error.status === 0

let csrfToken = ''
/** The session's CSRF token: every cookie-authenticated write must echo it (see api auth plugin). */
export function setCsrfToken(token: string): void {
  csrfToken = token
}

/** For the few requests `api` cannot make (an upload that reports its progress needs XMLHttpRequest). */
export const currentCsrfToken = (): string => csrfToken

let signInRequired: () => void = () => {}
/** Called when the API answers 401 outside sign-in: the app sends the person to the sign-in page. */
export function onSignInRequired(handler: () => void): void {
  signInRequired = handler
}

export interface RequestOptions {
  body?: unknown
  /** The row's version, sent as If-Match so a stale write answers 412 instead of overwriting. */
  ifMatch?: number
  idempotencyKey?: string
  signal?: AbortSignal
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' }
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken
  if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey

  let response: Response
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    })
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
    throw new ApiError({
      type: 'about:blank',
      title: 'Network error',
      status: 0,
      detail: 'Could not reach the server. Check your connection and try again; nothing you typed is lost.',
    })
  }
  if (response.status === 204) return undefined as T
  const body = (await response.json().catch(() => null)) as unknown
  if (!response.ok) {
    const problem = isProblem(body)
      ? body
      : {
          type: 'about:blank',
          title: response.statusText || 'Error',
          status: response.status,
          detail: `The server answered ${response.status} without an explanation. Try again in a moment.`,
        }
    if (response.status === 401 && !path.startsWith('/auth/')) signInRequired()
    throw new ApiError(problem)
  }
  return body as T
}

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && typeof (body as Problem).detail === 'string'
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body: unknown, options: RequestOptions & { ifMatch: number }) =>
    request<T>('PATCH', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
}

type QueryValue = string | number | boolean | null | undefined | readonly string[]

/** `?a=1&b=x&b=y` from an object; empty values are left out, arrays repeat the parameter. */
export function toQuery(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue
    if (Array.isArray(value)) for (const v of value) search.append(key, v)
    else search.set(key, String(value))
  }
  const text = search.toString()
  return text ? `?${text}` : ''
}
