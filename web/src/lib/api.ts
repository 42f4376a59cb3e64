import type { Problem } from '@misalign/shared'

/** Every failed request becomes one error type carrying the API's problem details. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail)
    this.name = 'ApiError'
  }
}

export async function apiGet<T>(path: string): Promise<T> {
  const response = await fetch(`/api${path}`, { headers: { accept: 'application/json' } })
  const body = (await response.json().catch(() => null)) as unknown
  if (!response.ok) {
    const problem = (body as Problem | null) ?? {
      type: 'about:blank',
      title: response.statusText,
      status: response.status,
      detail: `The server answered ${response.status}`,
    }
    throw new ApiError(problem)
  }
  return body as T
}
