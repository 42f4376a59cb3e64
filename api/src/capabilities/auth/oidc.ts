import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Actor } from '@misalign/db'
import type { User } from '@misalign/shared'
import type { FastifyBaseLogger } from 'fastify'
import * as oidc from 'openid-client'
import { Type } from 'typebox'
import type { OidcConfig } from '../../config'
import { HttpProblem } from '../../lib/problem'
import { csrfTokenOf, newSecret, sha256 } from '../../lib/secrets'
import { SESSION_IDLE_MS } from '../../plugins/app/auth'

const FLOW_TTL_MS = 10 * 60 * 1000
const SCOPE = 'openid email profile'
const oidcActor: Actor = { id: null, label: 'oidc' }

const expiredFlow = () =>
  new HttpProblem(400, 'oidc-flow-expired', 'This sign-in link has expired or was already used. Start again.')
const providerDown = () =>
  new HttpProblem(
    503,
    'oidc-unavailable',
    'The company sign-in service is not answering. Try again in a minute, or sign in with your password.',
    undefined,
    { 'retry-after': '60' },
  )
const failed = () =>
  new HttpProblem(
    400,
    'oidc-failed',
    'The company sign-in could not be completed. Start again; if it keeps failing, tell an admin.',
  )

const hasControlCharacter = (value: string) =>
  [...value].some((character) => character.charCodeAt(0) < 0x20 || character.charCodeAt(0) === 0x7f)

/**
 * Only a path on this site: one leading '/', never '//' or a backslash (browsers read `/\x`
 * as `//x`, another host), and no whitespace or control characters (browsers drop them,
 * which can turn `/\t/x` into `//x`). Anything else falls back to the home page.
 */
export function safeReturnTo(value: string | undefined): string {
  if (!value?.startsWith('/') || value.startsWith('//') || /[\\\s]/.test(value) || hasControlCharacter(value)) return '/'
  const base = 'http://tracker.invalid'
  const parsed = new URL(value, base)
  return parsed.origin === base ? `${parsed.pathname}${parsed.search}${parsed.hash}` : '/'
}

function isLoopback(issuer: string): boolean {
  const { protocol, hostname } = new URL(issuer)
  return protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(hostname)
}

/** Discovery once per process; a failure is not cached, so the next sign-in tries again. */
function discoverer(config: OidcConfig, log: FastifyBaseLogger) {
  let pending: Promise<oidc.Configuration> | undefined
  return (): Promise<oidc.Configuration> => {
    pending ??= oidc
      .discovery(new URL(config.issuer), config.clientId, undefined, oidc.ClientSecretBasic(config.clientSecret), {
        // Plain http only for a provider on this machine (development, tests).
        execute: isLoopback(config.issuer) ? [oidc.allowInsecureRequests] : [],
        timeout: 10,
      })
      .catch((error: unknown) => {
        pending = undefined
        log.warn({ err: error }, 'OIDC discovery failed')
        throw providerDown()
      })
    return pending
  }
}

/** Network trouble reaching the provider, as opposed to a bad or tampered callback. */
function isUnreachable(error: unknown): boolean {
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) return true
  return error instanceof TypeError && error.cause !== undefined
}

interface Claims {
  identity: string
  email: string | undefined
  isEmailVerified: boolean
  name: string | undefined
}

function readClaims(raw: Record<string, unknown>): Claims {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined)
  return {
    identity: `${String(raw.iss)}|${String(raw.sub)}`,
    email: text(raw.email),
    // Some providers send the string "true"; anything else (absent included) counts as unverified.
    isEmailVerified: raw.email_verified === true || raw.email_verified === 'true',
    name: text(raw.name),
  }
}

const CallbackQuery = Type.Object({
  code: Type.Optional(Type.String({ maxLength: 4096 })),
  state: Type.Optional(Type.String({ maxLength: 512 })),
  error: Type.Optional(Type.String({ maxLength: 256 })),
  error_description: Type.Optional(Type.String({ maxLength: 2048 })),
})

/**
 * Sign-in through the company's OpenID Connect provider (authorization code + PKCE).
 * Registered only when OIDC is configured.
 */
const oidcRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const settings = app.config.oidc
  if (!settings) throw new Error('oidc routes registered without OIDC configuration')
  const configuration = discoverer(settings, app.log)

  app.get(
    '/start',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['auth'],
        summary: "Start signing in at the company's OpenID Connect provider (redirects there)",
        querystring: Type.Object({ returnTo: Type.Optional(Type.String({ maxLength: 2048 })) }),
        response: { 302: Type.Null() },
      },
    },
    async (req, reply) => {
      const config = await configuration()
      const codeVerifier = oidc.randomPKCECodeVerifier()
      const flow = {
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
        codeVerifier,
        returnTo: safeReturnTo(req.query.returnTo),
        expiresAt: new Date(Date.now() + FLOW_TTL_MS),
      }
      await app.repos.oidcFlows.create(flow)
      const target = oidc.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: SCOPE,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state: flow.state,
        nonce: flow.nonce,
      })
      return reply.header('cache-control', 'no-store').redirect(target.href, 302)
    },
  )

  app.get(
    '/callback',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Where the provider sends people back; sets the session cookie and redirects',
        querystring: CallbackQuery,
        response: { 302: Type.Null() },
      },
    },
    async (req, reply) => {
      const { state, error } = req.query
      const flow = state ? await app.repos.oidcFlows.take(state) : undefined
      if (error) {
        req.log.info({ oidcError: error }, 'OIDC provider refused the sign-in')
        if (error === 'access_denied') {
          throw new HttpProblem(
            401,
            'oidc-denied',
            'The company sign-in was cancelled or refused, so you are not signed in. Start again to retry.',
          )
        }
        throw failed()
      }
      if (!flow) throw expiredFlow()

      const config = await configuration()
      // The redirect URI as registered (not the Host header), so a proxy in front does not change it.
      const currentUrl = new URL(settings.redirectUri)
      currentUrl.search = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : ''
      let claims: Claims
      try {
        const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
          pkceCodeVerifier: flow.codeVerifier,
          expectedState: flow.state,
          expectedNonce: flow.nonce,
          idTokenExpected: true,
        })
        const idToken = tokens.claims()
        if (!idToken) throw failed()
        let raw: Record<string, unknown> = idToken
        // Many providers keep profile claims out of the ID token; the userinfo endpoint has them.
        if (typeof idToken.email !== 'string' && config.serverMetadata().userinfo_endpoint) {
          raw = { ...(await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub)), iss: idToken.iss, sub: idToken.sub }
        }
        claims = readClaims(raw)
      } catch (caught) {
        if (caught instanceof HttpProblem) throw caught
        if (isUnreachable(caught)) {
          req.log.warn({ err: caught }, 'OIDC provider unreachable during code exchange')
          throw providerDown()
        }
        // A bad, replayed or tampered callback: the person can only start again.
        req.log.warn({ err: caught }, 'OIDC code exchange failed')
        throw failed()
      }

      const user = await findOrCreateUser(claims, settings)
      if (user.disabledAt) {
        throw new HttpProblem(403, 'account-disabled', 'Your account is disabled. Ask an admin to re-enable it.')
      }

      const token = newSecret()
      const expiresAt = new Date(Date.now() + SESSION_IDLE_MS)
      await app.repos.sessions.createSession(
        { userId: user.id, tokenHash: sha256(token), csrfHash: sha256(csrfTokenOf(token)), expiresAt },
        { id: user.id, label: user.email },
      )
      app.setSessionCookie(req, reply, token, expiresAt)
      return reply.header('cache-control', 'no-store').redirect(flow.returnTo, 302)
    },
  )

  /**
   * The identity decides first. An account found by email is linked only when the provider
   * vouches for the address (email_verified) and the account has no identity yet; otherwise
   * anyone able to set an unverified email at the provider could take the account over.
   */
  async function findOrCreateUser(claims: Claims, config: OidcConfig): Promise<User> {
    const known = await app.repos.users.findByExternalIdentity(claims.identity)
    if (known) return known
    if (!claims.email) {
      throw new HttpProblem(
        400,
        'oidc-no-email',
        'The company sign-in did not share your email address, which an account needs. Ask an admin to check the OIDC client allows the "email" scope.',
      )
    }
    const byEmail = await app.repos.users.findCredentials(claims.email)
    if (byEmail) {
      if (byEmail.disabledAt) return byEmail
      const actor = { id: byEmail.id, label: byEmail.email }
      if (claims.isEmailVerified && (await app.repos.identities.link(byEmail.id, claims.identity, actor))) {
        const linked = await app.repos.users.findById(byEmail.id)
        if (linked) return linked
      }
      throw new HttpProblem(
        409,
        'oidc-account-conflict',
        `An account for ${claims.email} already exists and could not be linked to this company sign-in${claims.isEmailVerified ? ' (it is linked to another one)' : ' (the provider has not verified the address)'}. Sign in with your password, or ask an admin.`,
      )
    }
    return app.repos.users.create(
      {
        email: claims.email,
        // The same limit as a display name entered through the API.
        displayName: (claims.name ?? claims.email).slice(0, 120),
        role: config.defaultRole,
        externalIdentity: claims.identity,
      },
      oidcActor,
    )
  }
}
export default oidcRoutes
