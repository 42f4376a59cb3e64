import { type ReactNode, useEffect } from 'react'

/** The document title names the screen, so tabs, history and screen readers say where you are. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Misalignment Tracker`
  }, [title])
}

export function PageHeader({ title, intro, actions }: { title: ReactNode; intro?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="page-header">
      <div>
        <h1>{title}</h1>
        {intro && <p className="intro">{intro}</p>}
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </header>
  )
}

export function Badge({ children, tone = 'neutral', title }: { children: ReactNode; tone?: string; title?: string }) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  )
}
