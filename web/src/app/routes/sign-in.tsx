import { type FormEvent, useState } from 'react'
import { Navigate, useSearchParams } from 'react-router'
import { Loading, ProblemMessage } from '../../components/feedback'
import { Field } from '../../components/field'
import { usePageTitle } from '../../components/page'
import { useSession, useSignIn } from '../../lib/session'

/** Only same-site paths: a crafted ?next= must not send someone to another site after signing in. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/'
}

export default function SignInRoute() {
  usePageTitle('Sign in')
  const [params] = useSearchParams()
  const session = useSession()
  const signIn = useSignIn()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')

  if (session.isPending) return <Loading label="Checking your session" />
  if (session.data) return <Navigate to={safeNext(params.get('next'))} replace />

  function submit(event: FormEvent) {
    event.preventDefault()
    signIn.mutate({ email: email.trim(), password })
  }

  return (
    <main id="main" className="sign-in">
      <h1>Misalignment Tracker</h1>
      <p className="intro">
        Record the decisions that surprised your team and hurt its goals, so the missing strategy behind them gets found.
      </p>
      <form onSubmit={submit} className="card" aria-labelledby="sign-in-heading" noValidate>
        <h2 id="sign-in-heading">Sign in</h2>
        {signIn.error && <ProblemMessage error={signIn.error} />}
        <Field id="email" label="Email">
          {(control) => (
            <input
              {...control}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field id="password" label="Password">
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button-primary" disabled={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  )
}
