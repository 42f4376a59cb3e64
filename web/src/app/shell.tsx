import { mayAttempt } from '@misalign/shared'
import { Suspense, useEffect, useRef, useState } from 'react'
import { Navigate, NavLink, Outlet, useLocation } from 'react-router'
import { Loading, ProblemMessage } from '../components/feedback'
import { type SessionUser, useSession, useSignOut } from '../lib/session'

const links = [
  { to: '/report', label: 'Report' },
  { to: '/incidents', label: 'Incidents' },
  // Shown only to roles that may read it (see `mayAttempt` below).
  { to: '/triage', label: 'Triage', action: 'triage.read' as const },
  { to: '/dashboard', label: 'Dashboard' },
  { to: '/decisions', label: 'Decisions' },
  { to: '/strategies', label: 'Strategies' },
  { to: '/priorities', label: 'Priorities' },
  { to: '/strategy-gaps', label: 'Strategy gaps' },
  { to: '/clusters', label: 'Clusters' },
  { to: '/retros', label: 'Retros' },
  { to: '/leadership', label: 'Leadership', action: 'leadership.read' as const },
  { to: '/teams', label: 'Teams' },
]

/** The signed-in frame: skip link, navigation (a menu button below 48rem), and the screen. */
export function AppShell() {
  const session = useSession()
  const location = useLocation()
  if (session.isPending) return <Loading label="Checking your session" />
  if (session.error) return <ProblemMessage error={session.error} title="The tracker could not check who you are." />
  if (!session.data) {
    const next = `${location.pathname}${location.search}`
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />
  }
  return <SignedInShell user={session.data} />
}

function SignedInShell({ user }: { user: SessionUser }) {
  const location = useLocation()
  const [isMenuOpen, setMenuOpen] = useState(false)
  const main = useRef<HTMLElement>(null)
  const first = useRef(true)
  const signOut = useSignOut()

  // After a client-side navigation, focus moves to the new screen, as a page load would put it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every change of the path
  useEffect(() => {
    setMenuOpen(false)
    if (first.current) {
      first.current = false
      return
    }
    main.current?.focus()
  }, [location.pathname])

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <NavLink to="/report" className="brand">
            Misalignment Tracker
          </NavLink>
          <button
            type="button"
            className="menu-button"
            aria-expanded={isMenuOpen}
            aria-controls="primary-nav"
            onClick={() => setMenuOpen((open) => !open)}
          >
            {isMenuOpen ? 'Close menu' : 'Menu'}
          </button>
          <nav id="primary-nav" aria-label="Main" className={isMenuOpen ? 'nav is-open' : 'nav'}>
            <ul>
              {links
                .filter((link) => !('action' in link && link.action) || mayAttempt(user, link.action))
                .map((link) => (
                  <li key={link.to}>
                    <NavLink to={link.to}>{link.label}</NavLink>
                  </li>
                ))}
            </ul>
            <div className="account">
              <span className="account-name">
                {user.displayName} <span className="account-role">({user.role})</span>
              </span>
              <button type="button" className="button-link" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
                Sign out
              </button>
            </div>
          </nav>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Suspense fallback={<Loading label="Opening the page" />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  )
}
