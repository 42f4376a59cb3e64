import http from 'node:http'
import type { AddressInfo } from 'node:net'
import net from 'node:net'
import { systemActor } from '@misalign/db'
import { afterAll, describe, expect, it } from 'vitest'
import { safeReturnTo } from '../../src/capabilities/auth/oidc'
import { useTestApp } from '../helper'

/**
 * A real OpenID Connect provider (oidc-provider, with its development login and consent
 * forms) on 127.0.0.1, driven over plain HTTP. The app itself is never listened on: the
 * provider's redirects to the callback URL are handed to `inject`.
 */

// oidc-provider ships no type declarations; the one method used here is typed by hand.
type ProviderClass = new (issuer: string, configuration: Record<string, unknown>) => { callback(): http.RequestListener }
const { default: Provider } = (await import('oidc-provider' as string)) as { default: ProviderClass }

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo
      probe.close(() => resolve(port))
    })
  })

// The app's config is fixed when the file loads, so the provider's address must be known first.
const providerPort = await freePort()
const issuer = `http://127.0.0.1:${providerPort}`
const redirectUri = 'http://127.0.0.1:3999/api/v1/auth/oidc/callback'
const client = { clientId: 'tracker', clientSecret: 'a-test-client-secret-that-is-long-enough' }

const accounts: Record<string, { email: string; email_verified: boolean; name: string }> = {
  ada: { email: 'ada@corp.example', email_verified: true, name: 'Ada Lovelace' },
  // Same address as the password user `lead@test.example` from the helper.
  lead: { email: 'lead@test.example', email_verified: true, name: 'Lead Person' },
  unverified: { email: 'member@test.example', email_verified: false, name: 'Not Really Member' },
}

let server: http.Server | undefined

/** Started on first use, so the first test can see the app answer while the provider is down. */
async function startProvider(): Promise<void> {
  if (server) return
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    findAccount: (_ctx: unknown, id: string) => {
      const account = accounts[id]
      return account && { accountId: id, claims: () => ({ sub: id, ...account }) }
    },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['test-cookie-key-0123456789abcdef'] },
  })
  const started = http.createServer(provider.callback())
  await new Promise<void>((resolve) => started.listen(providerPort, '127.0.0.1', resolve))
  server = started
}

afterAll(async () => {
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined))
})

/** Just enough of a browser: follows redirects by hand and keeps the provider's cookies. */
class Browser {
  private cookies = new Map<string, string>()

  async fetch(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    })
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';')
      const at = pair.indexOf('=')
      const name = pair.slice(0, at).trim()
      const value = pair.slice(at + 1).trim()
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
    return response
  }

  /** Follows the provider's redirects until one leaves for the app's callback. */
  async follow(start: string, login: string): Promise<URL> {
    let url = start
    for (let hop = 0; hop < 20; hop++) {
      if (url.startsWith(redirectUri)) return new URL(url)
      const response = await this.fetch(url)
      if (response.status >= 300 && response.status < 400) {
        url = new URL(response.headers.get('location') ?? '', url).href
        continue
      }
      const page = await response.text()
      expect(response.status, page).toBe(200)
      url = await this.submit(url, page, login)
    }
    throw new Error('too many redirects')
  }

  /** Fills the dev login form (login = account id) or accepts the consent form. */
  private async submit(pageUrl: string, page: string, login: string): Promise<string> {
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1]
    const prompt = /name="prompt" value="([^"]+)"/.exec(page)?.[1]
    if (!action || !prompt) throw new Error(`no form on ${pageUrl}: ${page.slice(0, 500)}`)
    const form: Record<string, string> = prompt === 'login' ? { prompt, login, password: 'any' } : { prompt }
    const response = await this.fetch(new URL(action.replaceAll('&amp;', '&'), pageUrl).href, { method: 'POST', form })
    expect(response.status).toBeGreaterThanOrEqual(300)
    return new URL(response.headers.get('location') ?? '', pageUrl).href
  }
}

const sessionCookieOf = (setCookie: string | string[] | undefined) => {
  const line = [setCookie ?? []].flat().find((c) => /^(__Host-)?session=/.test(c))
  return line?.split(';')[0]
}

describe('OIDC sign-in', () => {
  const ctx = useTestApp({ oidc: { issuer, ...client, redirectUri, defaultRole: 'member' } })

  const pathOf = (url: URL) => `${url.pathname}${url.search}`

  async function start(returnTo?: string) {
    await startProvider()
    const query = returnTo === undefined ? '' : `?returnTo=${encodeURIComponent(returnTo)}`
    return ctx.app.inject({ method: 'GET', url: `/api/v1/auth/oidc/start${query}` })
  }

  /** /start on the app, the provider's forms, then the callback on the app. */
  async function signIn(login: string, returnTo = '/incidents') {
    const started = await start(returnTo)
    expect(started.statusCode).toBe(302)
    const authorize = new URL(String(started.headers.location))
    expect(authorize.origin).toBe(issuer)
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256')
    const callback = await new Browser().follow(authorize.href, login)
    const response = await ctx.app.inject({ method: 'GET', url: pathOf(callback) })
    return { response, callback }
  }

  async function sessionOf(cookie: string | undefined) {
    expect(cookie).toBeDefined()
    return ctx.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: cookie ?? '' } })
  }

  // First in the file: nothing has started the provider yet.
  it('answers 503 while the provider is down, and works once it answers', async () => {
    const down = await ctx.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' })
    expect(down.statusCode).toBe(503)
    expect(down.headers['content-type']).toMatch(/application\/problem\+json/)
    expect(down.json().detail).toMatch(/not answering/)
    expect((await start()).statusCode).toBe(302)
  })

  it('creates a member on first sign-in, sets the session cookie and returns to the page asked for', async () => {
    const { response } = await signIn('ada', '/incidents?team=home')
    expect(response.statusCode, response.body).toBe(302)
    expect(response.headers.location).toBe('/incidents?team=home')
    const session = await sessionOf(sessionCookieOf(response.headers['set-cookie']))
    expect(session.statusCode).toBe(200)
    expect(session.json().user).toMatchObject({
      email: 'ada@corp.example',
      displayName: 'Ada Lovelace',
      role: 'member',
      teamIds: [],
    })
  })

  it('finds the same user on a second sign-in', async () => {
    const first = await signIn('ada')
    const second = await signIn('ada')
    const [one, two] = await Promise.all([
      sessionOf(sessionCookieOf(first.response.headers['set-cookie'])),
      sessionOf(sessionCookieOf(second.response.headers['set-cookie'])),
    ])
    expect(two.json().user.id).toBe(one.json().user.id)
  })

  it('links an existing password account when the provider has verified its email', async () => {
    const { response } = await signIn('lead')
    expect(response.statusCode, response.body).toBe(302)
    const session = await sessionOf(sessionCookieOf(response.headers['set-cookie']))
    expect(session.json().user).toMatchObject({ id: ctx.actors.lead.id, role: 'lead' })
  })

  it('refuses to take over an account whose email the provider has not verified', async () => {
    const { response } = await signIn('unverified')
    expect(response.statusCode).toBe(409)
    expect(response.headers['set-cookie']).toBeUndefined()
    expect(response.json().detail).toMatch(/not verified/)
  })

  it('records user.changed when it creates or links an account, and nothing for a returning user or a refusal', async () => {
    await signIn('ada')
    await signIn('ada')
    await signIn('lead')
    expect((await signIn('unverified')).response.statusCode).toBe(409)
    const events = (await ctx.app.repos.outbox.recent(10)).reverse()
    expect(events.map((event) => [event.type, event.payload.change])).toEqual([
      ['user.changed', 'created'],
      ['user.changed', 'identity-linked'],
    ])
    expect(events[1]?.aggregateId).toBe(ctx.actors.lead.id)
    expect(JSON.stringify(events)).not.toMatch(/@(corp|test)\.example/)
  })

  it('refuses a disabled user with 403', async () => {
    const first = await signIn('ada')
    const user = (await sessionOf(sessionCookieOf(first.response.headers['set-cookie']))).json().user
    await ctx.app.repos.users.update(
      user.id,
      (await ctx.app.repos.users.findById(user.id))?.version ?? 1,
      { disabled: true },
      systemActor,
    )
    const { response } = await signIn('ada')
    expect(response.statusCode).toBe(403)
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/)
  })

  it('answers 400 when a callback is replayed or its state tampered with', async () => {
    const { response, callback } = await signIn('ada')
    expect(response.statusCode).toBe(302)
    const replay = await ctx.app.inject({ method: 'GET', url: pathOf(callback) })
    expect(replay.statusCode).toBe(400)
    expect(replay.json().detail).toBe('This sign-in link has expired or was already used. Start again.')

    const tampered = await new Browser().follow(String((await start()).headers.location), 'ada')
    tampered.searchParams.set('state', `${tampered.searchParams.get('state')}x`)
    const forged = await ctx.app.inject({ method: 'GET', url: pathOf(tampered) })
    expect(forged.statusCode).toBe(400)
  })

  it('answers 400, not 500, for a known state with a code the provider never issued', async () => {
    const state = new URL(String((await start()).headers.location)).searchParams.get('state') ?? ''
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/auth/oidc/callback?code=made-up&state=${state}&iss=${encodeURIComponent(issuer)}`,
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().detail).toMatch(/could not be completed/)
  })

  it('explains a refusal at the provider (error=access_denied) with a 401 problem', async () => {
    const state = new URL(String((await start()).headers.location)).searchParams.get('state') ?? ''
    const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/auth/oidc/callback?error=access_denied&state=${state}` })
    expect(res.statusCode).toBe(401)
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
    expect(res.json().detail).toMatch(/cancelled or refused/)
  })

  it('never redirects back to another site', async () => {
    const { response } = await signIn('ada', '//evil.example/phish')
    expect(response.headers.location).toBe('/')
  })
})

describe('safeReturnTo', () => {
  it.each([
    ['/incidents?team=a#top', '/incidents?team=a#top'],
    [undefined, '/'],
    ['', '/'],
    ['https://evil.example/', '/'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['/\t/evil.example', '/'],
    ['incidents', '/'],
    ['javascript:alert(1)', '/'],
  ])('keeps %j as %j', (input, expected) => {
    expect(safeReturnTo(input)).toBe(expected)
  })
})
