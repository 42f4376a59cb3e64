import { DomainError } from '@misalign/shared'
import { describe, expect, it } from 'vitest'
import type { Caller } from '../../src/services/caller'
import { type ActorName, useTestApp } from '../helper'

/**
 * Every change to teams, users and tokens goes through its service, which records the change's
 * outbox event in the same transaction: a write that fails records nothing.
 */
const ctx = useTestApp()
const password = 'correct horse battery staple'

/** Outbox events since the test began (each test starts from an empty outbox), oldest first. */
const recorded = async () => (await ctx.app.repos.outbox.recent(100)).reverse()

const callerOf = (name: ActorName): Caller => {
  const actor = ctx.actors[name]
  return {
    viewer: { userId: actor.id, role: actor.role, teamIds: [actor.teamId], reporterKey: `test:${actor.id}` },
    actor: { id: actor.id, label: actor.email },
  }
}

describe('team changes', () => {
  it('record team.changed on create and on update, with ids and state but not the name', async () => {
    const created = await ctx.inject({
      method: 'POST',
      url: '/api/v1/teams',
      payload: { slug: 'platform', name: 'Platform Crew', parentTeamId: ctx.teams.org },
    })
    expect(created.statusCode).toBe(201)
    const team = created.json()
    const archived = await ctx.inject({
      method: 'PATCH',
      url: `/api/v1/teams/${team.id}`,
      headers: { 'if-match': `"${team.version}"` },
      payload: { archived: true },
    })
    expect(archived.statusCode).toBe(200)

    const events = await recorded()
    expect(events.map((event) => [event.type, event.aggregateType, event.aggregateId, event.aggregateVersion])).toEqual([
      ['team.changed', 'team', team.id, 1],
      ['team.changed', 'team', team.id, 2],
    ])
    expect(events[0]?.payload).toEqual({ change: 'created', slug: 'platform', parentTeamId: ctx.teams.org, archived: false })
    expect(events[1]?.payload).toMatchObject({ change: 'updated', archived: true })
    expect(JSON.stringify(events)).not.toContain('Platform Crew')
  })

  it('record nothing when the write fails: a duplicate slug, a cycle, a stale version', async () => {
    const duplicate = await ctx.inject({ method: 'POST', url: '/api/v1/teams', payload: { slug: 'home', name: 'Again' } })
    expect(duplicate.statusCode).toBe(409)
    const org = (await ctx.inject({ method: 'GET', url: `/api/v1/teams/${ctx.teams.org}` })).json()
    const cycle = await ctx.inject({
      method: 'PATCH',
      url: `/api/v1/teams/${ctx.teams.org}`,
      headers: { 'if-match': `"${org.version}"` },
      payload: { parentTeamId: ctx.teams.home },
    })
    expect(cycle.statusCode).toBe(422)
    expect(cycle.json().detail).toMatch(/nested under itself or one of its own sub-teams/)
    const stale = await ctx.inject({
      method: 'PATCH',
      url: `/api/v1/teams/${ctx.teams.org}`,
      headers: { 'if-match': `"${org.version + 5}"` },
      payload: { name: 'Renamed' },
    })
    expect(stale.statusCode).toBe(412)
    expect(await recorded()).toEqual([])
  })

  it('are refused by the service itself to a caller without the right, before anything is written', async () => {
    const refused = ctx.app.services.teams.create(callerOf('lead'), { slug: 'sneaky', name: 'Sneaky' })
    await expect(refused).rejects.toBeInstanceOf(DomainError)
    await expect(refused).rejects.toMatchObject({ kind: 'forbidden' })
    expect(await ctx.app.repos.teams.findBySlug('sneaky')).toBeUndefined()
    expect(await recorded()).toEqual([])
  })
})

describe('user changes', () => {
  it('record user.changed on create and update, with role and teams but never the email', async () => {
    const created = await ctx.inject({
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: 'pat@test.example', displayName: 'Pat', role: 'member', password, teamIds: [ctx.teams.home] },
    })
    expect(created.statusCode).toBe(201)
    const user = created.json()
    const disabled = await ctx.inject({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      headers: { 'if-match': `"${user.version}"` },
      payload: { role: 'lead', disabled: true },
    })
    expect(disabled.statusCode).toBe(200)

    const events = await recorded()
    expect(events.map((event) => [event.type, event.aggregateId, event.aggregateVersion])).toEqual([
      ['user.changed', user.id, 1],
      ['user.changed', user.id, 2],
    ])
    expect(events[0]?.payload).toEqual({ change: 'created', role: 'member', teamIds: [ctx.teams.home], disabled: false })
    expect(events[1]?.payload).toMatchObject({ change: 'updated', role: 'lead', disabled: true })
    expect(JSON.stringify(events)).not.toContain('pat@test.example')
  })

  it('record nothing when the write fails: a duplicate email, an unknown team, a stale version', async () => {
    const member = ctx.actors.member
    const duplicate = await ctx.inject({
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: member.email, displayName: 'Twin', role: 'member' },
    })
    expect(duplicate.statusCode).toBe(409)
    const unknownTeam = await ctx.inject({
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: 'kim@test.example', displayName: 'Kim', role: 'member', teamIds: [crypto.randomUUID()] },
    })
    expect(unknownTeam.statusCode).toBe(422)
    expect(await ctx.app.repos.users.findCredentials('kim@test.example')).toBeUndefined()
    const stale = await ctx.inject({
      method: 'PATCH',
      url: `/api/v1/users/${member.id}`,
      headers: { 'if-match': '"99"' },
      payload: { role: 'lead' },
    })
    expect(stale.statusCode).toBe(412)
    expect(await recorded()).toEqual([])
  })
})

describe('API tokens', () => {
  it('record token.created and token.revoked with whose token it is, and nothing of the token', async () => {
    const created = await ctx.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      payload: { userId: ctx.actors.member.id, label: 'deploy' },
    })
    expect(created.statusCode).toBe(201)
    const { id, token, prefix } = created.json()
    expect((await ctx.inject({ method: 'DELETE', url: `/api/v1/tokens/${id}` })).statusCode).toBe(204)

    const events = await recorded()
    expect(events.map((event) => [event.type, event.aggregateType, event.aggregateId])).toEqual([
      ['token.created', 'token', id],
      ['token.revoked', 'token', id],
    ])
    for (const event of events) expect(event.payload).toEqual({ userId: ctx.actors.member.id })
    const text = JSON.stringify(events)
    expect(text).not.toContain(token)
    expect(text).not.toContain(prefix)
  })

  it('record nothing for a revoked token revoked again, an unknown user or a disabled one', async () => {
    const created = (
      await ctx.inject({ method: 'POST', url: '/api/v1/tokens', payload: { userId: ctx.actors.member.id } })
    ).json()
    await ctx.inject({ method: 'DELETE', url: `/api/v1/tokens/${created.id}` })
    const before = (await recorded()).length

    expect((await ctx.inject({ method: 'DELETE', url: `/api/v1/tokens/${created.id}` })).statusCode).toBe(404)
    const unknown = await ctx.inject({ method: 'POST', url: '/api/v1/tokens', payload: { userId: crypto.randomUUID() } })
    expect(unknown.statusCode).toBe(422)
    expect(unknown.json().errors).toEqual([{ field: 'userId', message: 'refers to no user' }])

    const outsider = (await ctx.inject({ method: 'GET', url: `/api/v1/users/${ctx.actors.outsider.id}` })).json()
    await ctx.app.services.users.update(callerOf('admin'), outsider.id, outsider.version, { disabled: true })
    const afterDisabling = (await recorded()).length
    const forDisabled = await ctx.inject({ method: 'POST', url: '/api/v1/tokens', payload: { userId: outsider.id } })
    expect(forDisabled.statusCode).toBe(422)
    expect(forDisabled.json().detail).toMatch(/is disabled; enable the user before creating a token/)

    expect(afterDisabling).toBe(before + 1)
    expect((await recorded()).length).toBe(afterDisabling)
  })
})

describe('sessions', () => {
  it('record no domain event: signing in and out is in the audit log, not the outbox', async () => {
    await ctx.inject({
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: 'pat@test.example', displayName: 'Pat', role: 'member', password },
    })
    const before = await recorded()
    const signedIn = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'pat@test.example', password },
    })
    expect(signedIn.statusCode).toBe(200)
    const failed = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'pat@test.example', password: 'wrong' },
    })
    expect(failed.statusCode).toBe(401)
    expect(failed.json().type).toMatch(/sign-in-failed$/)
    expect(await recorded()).toEqual(before)
  })
})
