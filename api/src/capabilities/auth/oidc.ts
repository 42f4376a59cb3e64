import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { NewOidcFlow, OidcFlow } from '@misalign/db'
import type { FastifyBaseLogger } from 'fastify'
import * as oidc from 'openid-client'
import { Type } from 'typebox'
import type { OidcConfig } from '../../config'
import { HttpProblem } from '../../lib/problem'
import type { OidcClaims } from './service'

const FLOW_TTL_MS = 10 * 60 * 1000
const SCOPE = 'openid email profile'

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

function readClaims(raw: Record<string, unknown>): OidcClaims {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined)
  return {
    identity: `${String(raw.iss)}|${String(raw.sub)}`,
    email: text(raw.email),
    // Some providers send the string "true"; anything else (absent included) counts as unverified.
    isEmailVerified: raw.email_verified === true || raw.email_verified === 'true',
    name: text(raw.name),
  }
}

/**
 * Trades the callback's code for the person's claims (PKCE, state and nonce checked). Provider
 * trouble is a 503 the person can retry; a bad, replayed or tampered callback means starting again.
 */
async function exchangeCode(
  config: oidc.Configuration,
  callbackUrl: URL,
  flow: OidcFlow,
  log: FastifyBaseLogger,
): Promise<OidcClaims> {
  try {
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
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
    return readClaims(raw)
  } catch (caught) {
    if (caught instanceof HttpProblem) throw caught
    if (isUnreachable(caught)) {
      log.warn({ err: caught }, 'OIDC provider unreachable during code exchange')
      throw providerDown()
    }
    log.warn({ err: caught }, 'OIDC code exchange failed')
    throw failed()
  }
}

/** What the provider answered with instead of a code: a cancelled sign-in, or a failure. */
function refusal(error: string): HttpProblem {
  if (error === 'access_denied') {
    return new HttpProblem(
      401,
      'oidc-denied',
      'The company sign-in was cancelled or refused, so you are not signed in. Start again to retry.',
    )
  }
  return failed()
}

const CallbackQuery = Type.Object({
  code: Type.Optional(Type.String({ maxLength: 4096 })),
  state: Type.Optional(Type.String({ maxLength: 512 })),
  error: Type.Optional(Type.String({ maxLength: 256 })),
  error_description: Type.Optional(Type.String({ maxLength: 2048 })),
})

function newFlow(returnTo: string): NewOidcFlow {
  return {
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    codeVerifier: oidc.randomPKCECodeVerifier(),
    returnTo,
    expiresAt: new Date(Date.now() + FLOW_TTL_MS),
  }
}

async function authorizationUrl(config: oidc.Configuration, redirectUri: string, flow: NewOidcFlow): Promise<URL> {
  return oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: SCOPE,
    code_challenge: await oidc.calculatePKCECodeChallenge(flow.codeVerifier),
    code_challenge_method: 'S256',
    state: flow.state,
    nonce: flow.nonce,
  })
}

/**
 * Sign-in through the company's OpenID Connect provider (authorization code + PKCE).
 * Registered only when OIDC is configured.
 */
const oidcRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const settings = app.config.oidc
  if (!settings) throw new Error('oidc routes registered without OIDC configuration')
  const configuration = discoverer(settings, app.log)
  const auth = app.services.auth

  app.get(
    '/start',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['auth'],
        operationId: 'startOidcSignIn',
        summary: "Start signing in at the company's OpenID Connect provider (redirects there)",
        description:
          'No sign-in needed; exists only when OIDC is configured. Open it in a browser: it redirects to the provider, and after sign-in the person lands on returnTo (a path on this site; anything else becomes /).',
        querystring: Type.Object({ returnTo: Type.Optional(Type.String({ maxLength: 2048 })) }),
        response: { 302: Type.Null() },
      },
    },
    async (req, reply) => {
      const config = await configuration()
      const flow = newFlow(safeReturnTo(req.query.returnTo))
      await auth.beginOidcSignIn(flow)
      const target = await authorizationUrl(config, settings.redirectUri, flow)
      return reply.header('cache-control', 'no-store').redirect(target.href, 302)
    },
  )

  app.get(
    '/callback',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['auth'],
        operationId: 'completeOidcSignIn',
        summary: 'Where the provider sends people back; sets the session cookie and redirects',
        description:
          'The redirect URI registered with the provider, not for scripts: it checks state, nonce and PKCE, signs the person in (a member on first sign-in) and redirects to where they started. An expired or reused link is 400: start again.',
        querystring: CallbackQuery,
        response: { 302: Type.Null() },
      },
    },
    async (req, reply) => {
      const flow = await auth.takeOidcFlow(req.query.state)
      if (req.query.error) {
        req.log.info({ oidcError: req.query.error }, 'OIDC provider refused the sign-in')
        throw refusal(req.query.error)
      }
      if (!flow) throw expiredFlow()
      // The redirect URI as registered (not the Host header), so a proxy in front does not change it.
      const callbackUrl = new URL(settings.redirectUri)
      callbackUrl.search = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : ''
      const claims = await exchangeCode(await configuration(), callbackUrl, flow, req.log)
      const { token, expiresAt } = await auth.signInWithOidc(claims, settings.defaultRole)
      app.setSessionCookie(req, reply, token, expiresAt)
      return reply.header('cache-control', 'no-store').redirect(flow.returnTo, 302)
    },
  )
}
export default oidcRoutes
