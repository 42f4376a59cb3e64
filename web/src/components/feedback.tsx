import type { ReactNode } from 'react'
import { ApiError } from '../lib/api'

/** Always says what is loading, so a spinner is never unexplained. */
export function Loading({ label }: { label: string }) {
  return (
    <p className="loading" role="status">
      <span className="loading-dot" aria-hidden="true" />
      {label}…
    </p>
  )
}

/** Shows the human sentence the API's problem details carry; anything else gets a plain fallback. */
export function ProblemMessage({ error, title }: { error: unknown; title?: string }) {
  if (error == null) return null
  const detail =
    error instanceof ApiError
      ? error.problem.detail
      : 'Something went wrong in this page. Reload it; if it keeps happening, tell the tracker’s admins.'
  const fieldErrors = error instanceof ApiError ? (error.problem.errors ?? []) : []
  return (
    <div className="problem" role="alert">
      {title && <p className="problem-title">{title}</p>}
      <p>{detail}</p>
      {fieldErrors.length > 1 && (
        <ul>
          {fieldErrors.map((e) => (
            <li key={`${e.field}:${e.message}`}>
              {e.field}: {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>
}

export function Notice({ children, tone = 'info' }: { children: ReactNode; tone?: 'info' | 'success' | 'warning' }) {
  return <div className={`notice notice-${tone}`}>{children}</div>
}
