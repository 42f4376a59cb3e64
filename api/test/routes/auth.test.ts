import { queryRows, sql } from '@misalign/db'
import { describe, expect, it } from 'vitest'
import { incidentBody } from '../fixtures'
import { useTestApp } from '../helper'

const ctx = useTestApp({ limits: { signInPerAccount: 5, signInPerAddress: 50, filingPerMinute: 1_000 } })
const password = 'correct horse battery staple'

async function createUserWithPassword(email = 'pat@test.example', role = 'member') {
  const res = await ctx.inject({
    method: 'POST',
    url: '/api/v1/users',
    payload: { email, displayName: 'Pat', role, password, teamIds: [ctx.teams.home] },
  })
  expect(res.statusCode).toBe(201)
  return res.json() as { id: string; version: number }
}

async function signIn(email: string, secret = password) {
  return ctx.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password: secret } })
}

function sessionCookie(res: { cookies: { name: string; value: string }[] }) {
  const cookie = res.cookies.find((c) => c.name === '__Host-session' || c.name === 'session')
  if (!cookie) throw new Error('no session cookie')
  return cookie
}

describe('sign-in with email and password', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and answers with the user and a CSRF token', async () => {
    await createUserWithPassword()
    const res = await signIn('PAT@test.example')
    expect(res.statusCode).toBe(200)
    const cookie = res.cookies.find((c) => c.name === 'session' || c.name === '__Host-session')
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' })
    expect(res.json().user.email).toBe('pat@test.example')
    expect(res.json().csrfToken).toMatch(/^[\w-]{20,}$/)
  })

  it('uses a __Host- cookie marked Secure on https', async () => {
    await createUserWithPassword()
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { host: 'localhost:3000' },
      payload: { email: 'pat@test.example', password },
    })
    expect(sessionCookie(res)).toMatchObject({ name: '__Host-session', secure: true })
  })

  it('says the same thing for an unknown email and a wrong password', async () => {
    await createUserWithPassword()
    const unknown = await signIn('nobody@test.example')
    const wrong = await signIn('pat@test.example', 'not the password')
    expect(unknown.statusCode).toBe(401)
    expect(wrong.statusCode).toBe(401)
    const strip = (body: string) => ({ ...JSON.parse(body), instance: undefined })
    expect(strip(unknown.body)).toEqual(strip(wrong.body))
  })

  it('throttles an account after repeated failures, even with the right password', async () => {
    await createUserWithPassword()
    for (let i = 0; i < 5; i++) expect((await signIn('pat@test.example', 'wrong')).statusCode).toBe(401)
    const blocked = await signIn('pat@test.example')
    expect(blocked.statusCode).toBe(429)
    expect(blocked.headers['retry-after']).toBeDefined()
    expect(blocked.json().detail).toMatch(/Too many sign-in attempts/)
  })

  it('throttles unknown emails the same way, so throttling reveals nothing', async () => {
    for (let i = 0; i < 5; i++) await signIn('ghost@test.example', 'wrong')
    expect((await signIn('ghost@test.example', 'wrong')).statusCode).toBe(429)
  })
})

describe('sessions', () => {
  it('authenticate reads, and writes that carry the CSRF token', async () => {
    await createUserWithPassword()
    const res = await signIn('pat@test.example')
    const cookie = sessionCookie(res)
    const cookies = { [cookie.name]: cookie.value }
    const session = await ctx.app.inject({ method: 'GET', url: '/api/v1/auth/session', cookies })
    expect(session.statusCode).toBe(200)
    const filed = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      cookies,
      headers: { 'x-csrf-token': res.json().csrfToken },
      payload: incidentBody(ctx.teams.home),
    })
    expect(filed.statusCode).toBe(201)
  })

  it('refuse a cookie-authenticated write without the CSRF token', async () => {
    await createUserWithPassword()
    const res = await signIn('pat@test.example')
    const cookie = sessionCookie(res)
    const cookies = { [cookie.name]: cookie.value }
    const missing = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      cookies,
      payload: incidentBody(ctx.teams.home),
    })
    const forged = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      cookies,
      headers: { 'x-csrf-token': 'forged' },
      payload: incidentBody(ctx.teams.home),
    })
    expect(missing.statusCode).toBe(403)
    expect(forged.statusCode).toBe(403)
    expect(missing.json().detail).toMatch(/CSRF/)
  })

  it('end at sign-out', async () => {
    await createUserWithPassword()
    const res = await signIn('pat@test.example')
    const cookie = sessionCookie(res)
    const cookies = { [cookie.name]: cookie.value }
    const out = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      cookies,
      headers: { 'x-csrf-token': res.json().csrfToken },
    })
    expect(out.statusCode).toBe(204)
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/auth/session', cookies })).statusCode).toBe(401)
  })

  it('answer "who am I" for anyone: the user and CSRF token when signed in, null when not', async () => {
    await createUserWithPassword()
    const nobody = await ctx.app.inject({ method: 'GET', url: '/api/v1/auth/whoami' })
    expect(nobody.statusCode).toBe(200)
    expect(nobody.json()).toEqual({ user: null, csrfToken: null })

    const res = await signIn('pat@test.example')
    const cookie = sessionCookie(res)
    const cookies = { [cookie.name]: cookie.value }
    const me = await ctx.app.inject({ method: 'GET', url: '/api/v1/auth/whoami', cookies })
    expect(me.statusCode).toBe(200)
    expect(me.json().user.email).toBe('pat@test.example')
    expect(me.json().csrfToken).toBe(res.json().csrfToken)

    await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      cookies,
      headers: { 'x-csrf-token': res.json().csrfToken },
    })
    const after = await ctx.app.inject({ method: 'GET', url: '/api/v1/auth/whoami', cookies })
    expect(after.statusCode).toBe(200)
    expect(after.json().user).toBeNull()
    const bearer = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/auth/whoami',
      headers: { authorization: 'Bearer nonsense' },
    })
    expect(bearer.json().user).toBeNull()
  })

  it('end when they expire', async () => {
    await createUserWithPassword()
    const cookie = sessionCookie(await signIn('pat@test.example'))
    await ctx.database.db.execute(sql`update sessions set expires_at = now() - interval '1 second'`)
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/auth/session', cookies: { [cookie.name]: cookie.value } })
    expect(res.statusCode).toBe(401)
  })

  it('end when an admin disables the user', async () => {
    const user = await createUserWithPassword()
    const cookie = sessionCookie(await signIn('pat@test.example'))
    const disabled = await ctx.inject({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      headers: { 'if-match': `"${user.version}"` },
      payload: { disabled: true },
    })
    expect(disabled.statusCode).toBe(200)
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/auth/session', cookies: { [cookie.name]: cookie.value } })
    expect(res.statusCode).toBe(401)
  })
})

describe('roles and tokens', () => {
  it('a role change takes effect on the next request', async () => {
    const member = ctx.actors.member
    expect((await ctx.as('member').inject({ method: 'GET', url: '/api/v1/audit' })).statusCode).toBe(403)
    const user = (await ctx.inject({ method: 'GET', url: `/api/v1/users/${member.id}` })).json()
    await ctx.inject({
      method: 'PATCH',
      url: `/api/v1/users/${member.id}`,
      headers: { 'if-match': `"${user.version}"` },
      payload: { role: 'admin' },
    })
    expect((await ctx.as('member').inject({ method: 'GET', url: '/api/v1/audit' })).statusCode).toBe(200)
  })

  it('an API token is shown once, works as a Bearer token, and stops working when revoked', async () => {
    const created = await ctx.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      payload: { userId: ctx.actors.member.id, label: 'script' },
    })
    expect(created.statusCode).toBe(201)
    const { token, id } = created.json()
    const listed = await ctx.inject({ method: 'GET', url: '/api/v1/tokens' })
    expect(listed.body).not.toContain(token)
    const bearer = { authorization: `Bearer ${token}` }
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/incidents', headers: bearer })).statusCode).toBe(200)
    const used = (await ctx.inject({ method: 'GET', url: `/api/v1/tokens?userId=${ctx.actors.member.id}` })).json()
    expect(used.items.find((t: { id: string }) => t.id === id).lastUsedAt).not.toBeNull()
    expect((await ctx.inject({ method: 'DELETE', url: `/api/v1/tokens/${id}` })).statusCode).toBe(204)
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/incidents', headers: bearer })).statusCode).toBe(401)
  })

  it('nothing but health, readiness, docs and sign-in answers without signing in', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/incidents' })).statusCode).toBe(401)
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/teams' })).statusCode).toBe(401)
    expect((await ctx.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200)
    expect((await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).statusCode).toBe(200)
  })
})

describe('the audit log', () => {
  it('records sign-ins, role changes and token events, and the database refuses to change it', async () => {
    await createUserWithPassword()
    await signIn('pat@test.example')
    await ctx.inject({ method: 'POST', url: '/api/v1/tokens', payload: { userId: ctx.actors.member.id } })
    const actions = (await ctx.inject({ method: 'GET', url: '/api/v1/audit?limit=200' }))
      .json()
      .items.map((e: { action: string }) => e.action)
    expect(actions).toEqual(expect.arrayContaining(['sign_in', 'token_create', 'create']))
    await expect(ctx.database.db.execute(sql`update audit_log set action = 'tampered'`)).rejects.toThrow()
    await expect(ctx.database.db.execute(sql`delete from audit_log`)).rejects.toThrow()
  })

  it('is for admins only', async () => {
    for (const role of ['member', 'lead', 'leader'] as const) {
      expect((await ctx.as(role).inject({ method: 'GET', url: '/api/v1/audit' })).statusCode).toBe(403)
    }
  })
})

describe('security headers', () => {
  it('are on every answer, refused ones included', async () => {
    for (const res of [
      await ctx.app.inject({ method: 'GET', url: '/api/v1/incidents' }),
      await ctx.inject({ method: 'GET', url: '/api/v1/incidents' }),
    ]) {
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'")
      expect(res.headers['cache-control']).toBe('no-store')
      expect(res.headers['x-content-type-options']).toBe('nosniff')
    }
  })
})

describe('housekeeping', () => {
  it('removes ended sessions and old counters, and keeps live ones', async () => {
    await createUserWithPassword()
    const live = sessionCookie(await signIn('pat@test.example'))
    await signIn('pat@test.example')
    await ctx.database.db.execute(
      sql`update sessions set expires_at = now() - interval '2 days' where id = (select id from sessions order by created_at desc limit 1)`,
    )
    await ctx.database.db.execute(sql`update rate_counters set window_start = now() - interval '2 days'`)
    await ctx.app.repos.sessions.purgeStale()
    const [row] = await queryRows<{ count: number }>(ctx.database.db, sql`select count(*)::int as count from sessions`)
    expect(row?.count).toBe(1)
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/v1/auth/session', cookies: { [live.name]: live.value } })).statusCode,
    ).toBe(200)
  })
})
