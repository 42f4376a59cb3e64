import { describe, expect, it } from 'vitest'
import { fileIncident } from '../fixtures'
import { useTestApp } from '../helper'

// These need a server to misbehave: PGlite runs in-process and cannot drop a connection.
const onServer = Boolean(process.env.TEST_DATABASE_URL)
const ctx = useTestApp()

describe.skipIf(!onServer)('when the database misbehaves', () => {
  it('survives the server dropping every connection, and answers again', async () => {
    expect((await ctx.inject({ method: 'GET', url: '/api/v1/incidents' })).statusCode).toBe(200)
    const pool = ctx.database.raw.kind === 'postgres' ? ctx.database.raw.pool : undefined
    if (!pool) throw new Error('expected a pg pool')
    // Kill the pool's other connections from inside, as a server restart or a proxy would.
    const admin = await pool.connect()
    try {
      await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
      )
    } finally {
      admin.release()
    }
    const answers = []
    for (let i = 0; i < 5; i++) answers.push((await ctx.inject({ method: 'GET', url: '/api/v1/incidents' })).statusCode)
    for (const status of answers) expect([200, 503]).toContain(status)
    expect(answers.at(-1)).toBe(200)
    expect((await ctx.app.inject({ method: 'GET', url: '/api/ready' })).statusCode).toBe(200)
  })

  it('answers a write stuck behind another lock with 409 after the lock timeout, not a hang', async () => {
    const incident = await fileIncident(ctx.inject, ctx.teams.home)
    const pool = ctx.database.raw.kind === 'postgres' ? ctx.database.raw.pool : undefined
    if (!pool) throw new Error('expected a pg pool')
    const holder = await pool.connect()
    try {
      await holder.query('begin')
      await holder.query('select * from incidents where id = $1 for update', [incident.id])
      const started = Date.now()
      const res = await ctx.inject({
        method: 'PATCH',
        url: `/api/v1/incidents/${incident.id}`,
        headers: { 'if-match': '"1"' },
        payload: { status: 'triaged' },
      })
      expect(res.statusCode).toBe(409)
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
      expect(Date.now() - started).toBeLessThan(10_000)
    } finally {
      await holder.query('rollback')
      holder.release()
    }
  })
})

describe('readiness', () => {
  it('says ready while the database answers', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/ready' })).json()).toEqual({ status: 'ready' })
  })
})
