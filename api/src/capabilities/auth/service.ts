import {
  type Actor,
  identityRepository,
  type NewOidcFlow,
  type OidcFlow,
  sessionRepository,
  userRepository,
  verifyPassword,
} from '@misalign/db'
import { DomainError, type Role, type User } from '@misalign/shared'
import { csrfTokenOf, newSecret, sha256 } from '../../lib/secrets'
import { SESSION_IDLE_MS } from '../../plugins/app/auth'
import { authorize, type Caller } from '../../services/caller'
import type { ServiceDeps } from '../../services/deps'
import { writeTransaction } from '../../services/unit-of-work'
import { userChanged } from '../users/service'

const THROTTLE_WINDOW_MS = 15 * 60 * 1000
const oidcActor: Actor = { id: null, label: 'oidc' }
const ownSession = { isOwnedByViewer: true }

/** A new session: the token goes into the cookie and is never stored, only its hash. */
export interface StartedSession {
  user: User
  token: string
  csrfToken: string
  expiresAt: Date
}

/** What the company's provider said about the person, once the code exchange succeeded. */
export interface OidcClaims {
  /** `issuer|subject`: the identity, stable across email changes. */
  identity: string
  email: string | undefined
  isEmailVerified: boolean
  name: string | undefined
}

// One message for every failure, so the answer never tells whether an email exists.
const wrongCredentials = () =>
  new DomainError('unauthenticated', 'That email and password do not match an account.', { code: 'sign-in-failed' })

/**
 * Signing in, the session, signing out. Signing in takes no caller: it is how a caller comes to
 * exist. Sessions raise no domain event; the audit log records each sign-in and sign-out.
 */
export function authService(deps: ServiceDeps) {
  const { repos } = deps

  async function startSession(tx: Parameters<typeof sessionRepository>[0], user: User): Promise<StartedSession> {
    const token = newSecret()
    const csrfToken = csrfTokenOf(token)
    const expiresAt = new Date(deps.now().getTime() + SESSION_IDLE_MS)
    await sessionRepository(tx).createSession(
      { userId: user.id, tokenHash: sha256(token), csrfHash: sha256(csrfToken), expiresAt },
      { id: user.id, label: user.email },
    )
    return { user, token, csrfToken, expiresAt }
  }

  return {
    /** Throttled per account and per address before any hashing, so guessing costs the guesser. */
    async signIn(attempt: { email: string; password: string; address: string }): Promise<StartedSession> {
      const { signInPerAccount, signInPerAddress } = deps.config.limits
      const [perAccount, perAddress] = await Promise.all([
        repos.sessions.hit(`sign-in:account:${sha256(attempt.email.toLowerCase())}`, THROTTLE_WINDOW_MS),
        repos.sessions.hit(`sign-in:address:${sha256(attempt.address)}`, THROTTLE_WINDOW_MS),
      ])
      if (perAccount > signInPerAccount || perAddress > signInPerAddress) {
        throw new DomainError('rate-limited', 'Too many sign-in attempts. Wait 15 minutes and try again.', {
          code: 'sign-in-throttled',
          retryAfterSeconds: THROTTLE_WINDOW_MS / 1000,
        })
      }
      const found = await repos.users.findCredentials(attempt.email)
      const valid = await verifyPassword(found?.passwordHash, attempt.password)
      if (!found || !valid || found.disabledAt) throw wrongCredentials()
      const { passwordHash: _, ...user } = found
      return writeTransaction(deps, (tx) => startSession(tx, user))
    },

    /** Who is signed in, with the CSRF token their page must send on writes. */
    session(caller: Caller, user: User | null, sessionToken: string | undefined): { user: User; csrfToken: string } {
      // The session asked about is always the caller's own: the one their request came with.
      authorize(caller, 'session.own', ownSession)
      if (!user) throw wrongCredentials()
      return { user, csrfToken: sessionToken ? csrfTokenOf(sessionToken) : '' }
    },

    /** Like `session`, for anyone: nobody signed in is an answer (user null), not a refusal. */
    whoAmI(
      caller: Caller | null,
      user: User | null,
      sessionToken: string | undefined,
    ): { user: User | null; csrfToken: string | null } {
      if (!caller || !user) return { user: null, csrfToken: null }
      authorize(caller, 'session.own', ownSession)
      return { user, csrfToken: sessionToken ? csrfTokenOf(sessionToken) : '' }
    },

    /** Ends this session; with an API token there is none to end. */
    async signOut(caller: Caller, sessionId: string | null): Promise<void> {
      authorize(caller, 'session.own', ownSession)
      if (!sessionId) return
      await writeTransaction(deps, (tx) => sessionRepository(tx).revokeSession(sessionId, caller.actor))
    },

    /** Keeps an OIDC sign-in's state between the redirect and the callback, on any instance. */
    beginOidcSignIn(flow: NewOidcFlow): Promise<void> {
      return repos.oidcFlows.create(flow)
    },

    /** The flow of this state, at most once: a replayed callback finds nothing. */
    takeOidcFlow(state: string | undefined): Promise<OidcFlow | undefined> {
      return state ? repos.oidcFlows.take(state) : Promise.resolve(undefined)
    },

    /** After the provider vouched for the person: their account (made or linked if need be) and a session. */
    async signInWithOidc(claims: OidcClaims, defaultRole: Role): Promise<StartedSession> {
      return writeTransaction(deps, async (tx, events) => {
        const user = await findOrCreateOidcUser(tx, claims, defaultRole, events)
        if (user.disabledAt) {
          throw new DomainError('forbidden', 'Your account is disabled. Ask an admin to re-enable it.', {
            code: 'account-disabled',
          })
        }
        return startSession(tx, user)
      })
    },
  }
}

/**
 * The identity decides first. An account found by email is linked only when the provider
 * vouches for the address (email_verified) and the account has no identity yet; otherwise
 * anyone able to set an unverified email at the provider could take the account over.
 */
async function findOrCreateOidcUser(
  tx: Parameters<typeof userRepository>[0],
  claims: OidcClaims,
  defaultRole: Role,
  events: { record(event: ReturnType<typeof userChanged>): Promise<void> },
): Promise<User> {
  const users = userRepository(tx)
  const known = await users.findByExternalIdentity(claims.identity)
  if (known) return known
  if (!claims.email) {
    throw new DomainError(
      'malformed',
      'The company sign-in did not share your email address, which an account needs. Ask an admin to check the OIDC client allows the "email" scope.',
      { code: 'oidc-no-email' },
    )
  }
  const byEmail = await users.findCredentials(claims.email)
  if (byEmail) {
    if (byEmail.disabledAt) return byEmail
    const actor = { id: byEmail.id, label: byEmail.email }
    if (claims.isEmailVerified && (await identityRepository(tx).link(byEmail.id, claims.identity, actor))) {
      const linked = await users.findById(byEmail.id)
      if (linked) {
        await events.record(userChanged(linked, 'identity-linked'))
        return linked
      }
    }
    throw new DomainError(
      'conflict',
      `An account for ${claims.email} already exists and could not be linked to this company sign-in${claims.isEmailVerified ? ' (it is linked to another one)' : ' (the provider has not verified the address)'}. Sign in with your password, or ask an admin.`,
      { code: 'oidc-account-conflict' },
    )
  }
  const created = await users.create(
    {
      email: claims.email,
      // The same limit as a display name entered through the API.
      displayName: (claims.name ?? claims.email).slice(0, 120),
      role: defaultRole,
      externalIdentity: claims.identity,
    },
    oidcActor,
  )
  await events.record(userChanged(created, 'created'))
  return created
}

export type AuthService = ReturnType<typeof authService>
