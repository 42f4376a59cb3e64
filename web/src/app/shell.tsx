import { Suspense, useEffect, useRef, useState } from 'react'
import { Navigate, NavLink, Outlet, useLocation } from 'react-router'
import { Loading, ProblemMessage } from '../components/feedback'
import { type SessionUser, useSession, useSignOut } from '../lib/session'
import { navigationFor } from './navigation'

/**
 * The signed-in frame: skip link, grouped navigation (a sidebar from 64rem, a menu button below it),
 * "Report" one click away at every width, and the screen.
 */
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
  const menuButton = useRef<HTMLButtonElement>(null)
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

  // Escape closes the open compact menu and gives focus back to its button, as a disclosure should.
  useEffect(() => {
    if (!isMenuOpen) return
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return
      setMenuOpen(false)
      menuButton.current?.focus()
    }
    document.addEventListener('keydown', closeOnEscape)
    return () => document.removeEventListener('keydown', closeOnEscape)
  }, [isMenuOpen])

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="sidebar">
        <div className="sidebar-top">
          <NavLink to="/" className="brand">
            Misalignment Tracker
          </NavLink>
          <NavLink to="/report" className="button-primary report-link">
            Report
          </NavLink>
          <button
            type="button"
            className="menu-button"
            ref={menuButton}
            aria-expanded={isMenuOpen}
            aria-controls="primary-nav"
            onClick={() => setMenuOpen((open) => !open)}
          >
            {isMenuOpen ? 'Close menu' : 'Menu'}
          </button>
        </div>
        <nav id="primary-nav" aria-label="Main" className={isMenuOpen ? 'nav is-open' : 'nav'}>
          {navigationFor(user).map((group) => (
            <div key={group.label} className="nav-group">
              <p className="nav-group-label" id={`nav-${group.label.toLowerCase()}`}>
                {group.label}
              </p>
              <ul aria-labelledby={`nav-${group.label.toLowerCase()}`}>
                {group.links.map((link) => (
                  <li key={link.to}>
                    <NavLink to={link.to}>{link.label}</NavLink>
                  </li>
                ))}
              </ul>
            </div>
          ))}
          <div className="account">
            <span className="account-name">
              {user.displayName} <span className="account-role">({user.role})</span>
            </span>
            <button type="button" className="button-link" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
              Sign out
            </button>
          </div>
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Suspense fallback={<Loading label="Opening the page" />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  )
}
