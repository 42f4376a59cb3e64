import { describe, expect, it } from 'vitest'
import { fileIncident } from '../fixtures'
import { useTestApp } from '../helper'

/**
 * Every write of the registers (decisions, strategies, priorities, strategy gaps, triage links,
 * "not related") records its event in the outbox in the same transaction; a refused write
 * records none. Read back through the outbox repository, as a consumer would see them.
 */
const ctx = useTestApp()

const tradeoff = { prefer: 'one payments API', over: 'backwards compatibility', forGoal: 'halve integration cost' }

/** The events recorded by `act`, oldest first. */
async function eventsOf(act: () => Promise<unknown>) {
  const before = await ctx.app.repos.outbox.latestSeq()
  await act()
  const recent = await ctx.app.repos.outbox.recent(50)
  return recent.filter((event) => event.seq > before).sort((a, b) => a.seq - b.seq)
}

async function created<T = { id: string; version: number }>(url: string, payload: object): Promise<T> {
  const res = await ctx.inject({ method: 'POST', url, payload })
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

const decisionOf = (overrides: object = {}) =>
  created('/api/v1/decisions', {
    title: 'Deprecate payments API v1',
    owningTeamId: ctx.teams.home,
    decidedAt: '2026-03-01',
    ...overrides,
  })

const strategyOf = () =>
  created<{ id: string; version: number }>('/api/v1/strategies', {
    title: 'Payments prefers one API',
    ownerTeamId: ctx.teams.home,
    tradeoffs: [tradeoff],
    reviewBy: '2099-12-31',
  })

const post = (url: string, version?: number, payload?: object) =>
  ctx.inject({ method: 'POST', url, headers: version === undefined ? {} : { 'if-match': `"${version}"` }, payload })

const patch = (url: string, version: number, payload: object) =>
  ctx.inject({ method: 'PATCH', url, headers: { 'if-match': `"${version}"` }, payload })

describe('decision events', () => {
  it('records decision.created and decision.updated with ids and class, never the words', async () => {
    let id = ''
    const [filed] = await eventsOf(async () => {
      id = (await decisionOf({ tradeoff })).id
    })
    expect(filed).toMatchObject({ type: 'decision.created', aggregateType: 'decision', aggregateId: id, aggregateVersion: 1 })
    expect(filed?.payload).toMatchObject({ owningTeamId: ctx.teams.home, status: 'active', decisionClass: 'strategy_bearing' })
    expect(JSON.stringify(filed?.payload)).not.toMatch(/payments/i)

    const events = await eventsOf(() => patch(`/api/v1/decisions/${id}`, 1, { tradeoff: null }))
    expect(events).toEqual([
      expect.objectContaining({
        type: 'decision.updated',
        aggregateId: id,
        aggregateVersion: 2,
        payload: expect.objectContaining({ decisionClass: 'agreement' }),
      }),
    ])
  })

  it('records nothing for a stale change or a decision superseded by itself', async () => {
    const { id } = await decisionOf()
    const events = await eventsOf(async () => {
      expect((await patch(`/api/v1/decisions/${id}`, 7, { title: 'Late' })).statusCode).toBe(412)
      const self = await patch(`/api/v1/decisions/${id}`, 1, { status: 'superseded', supersededById: id })
      expect(self.statusCode).toBe(422)
    })
    expect(events).toEqual([])
  })
})

describe('strategy events', () => {
  it('records created, updated, published, revised and retired', async () => {
    let id = ''
    const events = await eventsOf(async () => {
      id = (await strategyOf()).id
      expect((await patch(`/api/v1/strategies/${id}`, 1, { reviewBy: '2099-06-30' })).statusCode).toBe(200)
      expect((await post(`/api/v1/strategies/${id}/publish`, 2)).statusCode).toBe(200)
    })
    expect(events.map((e) => [e.type, e.aggregateVersion])).toEqual([
      ['strategy.created', 1],
      ['strategy.updated', 2],
      ['strategy.published', 3],
    ])

    let revisionId = ''
    const revised = await eventsOf(async () => {
      const revision = await post(`/api/v1/strategies/${id}/revisions`)
      expect(revision.statusCode).toBe(201)
      revisionId = revision.json().id
      expect((await post(`/api/v1/strategies/${revisionId}/publish`, 1)).statusCode).toBe(200)
    })
    expect(revised.map((e) => [e.type, e.aggregateId])).toEqual([
      ['strategy.revised', revisionId],
      ['strategy.published', revisionId],
      // Publishing the revision retired the strategy it supersedes, in the same transaction.
      ['strategy.retired', id],
    ])
    expect(revised[0]?.payload).toMatchObject({ supersedesId: id, revision: 2, status: 'draft' })

    const retired = await eventsOf(() => post(`/api/v1/strategies/${revisionId}/retire`, 2))
    expect(retired).toEqual([expect.objectContaining({ type: 'strategy.retired', aggregateId: revisionId, aggregateVersion: 3 })])
  })

  it('records nothing when a published strategy is edited in place or a lead writes for another team', async () => {
    const { id } = await strategyOf()
    await post(`/api/v1/strategies/${id}/publish`, 1)
    const events = await eventsOf(async () => {
      expect((await patch(`/api/v1/strategies/${id}`, 2, { title: 'Changed' })).statusCode).toBe(409)
      const foreign = await ctx.as('lead').inject({
        method: 'POST',
        url: '/api/v1/strategies',
        payload: { title: 'Not ours', ownerTeamId: ctx.teams.away, tradeoffs: [tradeoff], reviewBy: '2099-12-31' },
      })
      expect(foreign.statusCode).toBe(403)
    })
    expect(events).toEqual([])
  })
})

describe('priority events', () => {
  it('records priority.created and priority.updated, and tradeoff.confirmed on the decision whose picks it confirmed', async () => {
    let speed = { id: '', version: 0 }
    let safety = { id: '', version: 0 }
    const events = await eventsOf(async () => {
      speed = await created('/api/v1/priorities', { name: 'Speed of delivery' })
      safety = await created('/api/v1/priorities', { name: 'Safety' })
      expect((await patch(`/api/v1/priorities/${speed.id}`, 1, { aliases: ['speed'] })).statusCode).toBe(200)
    })
    expect(events.map((e) => [e.type, e.aggregateId, e.aggregateVersion])).toEqual([
      ['priority.created', speed.id, 1],
      ['priority.created', safety.id, 1],
      ['priority.updated', speed.id, 2],
    ])

    const decision = await decisionOf({ tradeoff: { prefer: 'speed', over: 'safety', forGoal: 'ship' } })
    const body = {
      holderKind: 'decision',
      holderId: decision.id,
      tradeoffIndex: 0,
      preferPriorityId: speed.id,
      overPriorityId: safety.id,
    }
    const confirmed = await eventsOf(async () => {
      const res = await post('/api/v1/priorities/tradeoffs-to-confirm', decision.version, body)
      expect(res.statusCode, res.body).toBe(200)
    })
    expect(confirmed).toEqual([
      expect.objectContaining({
        type: 'tradeoff.confirmed',
        aggregateType: 'decision',
        aggregateId: decision.id,
        aggregateVersion: decision.version + 1,
        payload: { tradeoffIndex: 0, preferPriorityId: speed.id, overPriorityId: safety.id },
      }),
    ])
  })

  it('records nothing for a name already taken or two equal picks', async () => {
    const speed = await created('/api/v1/priorities', { name: 'Speed' })
    const decision = await decisionOf({ tradeoff: { prefer: 'speed', over: 'safety', forGoal: 'ship' } })
    const events = await eventsOf(async () => {
      expect((await post('/api/v1/priorities', undefined, { name: 'SPEED' })).statusCode).toBe(409)
      const same = await post('/api/v1/priorities/tradeoffs-to-confirm', decision.version, {
        holderKind: 'decision',
        holderId: decision.id,
        tradeoffIndex: 0,
        preferPriorityId: speed.id,
        overPriorityId: speed.id,
      })
      expect(same.statusCode).toBe(422)
    })
    expect(events).toEqual([])
  })
})

describe('strategy gap events', () => {
  it('records gap.created, gap.updated, gap.attached and gap.detached, and gap.transitioned for each step', async () => {
    const incident = await fileIncident(ctx.inject, ctx.teams.home)
    const decision = await decisionOf()
    let gap = { id: '', version: 0 }
    const opened = await eventsOf(async () => {
      gap = await created('/api/v1/strategy-gaps', { title: 'No stated priority', incidentIds: [incident.id] })
    })
    expect(opened).toEqual([
      expect.objectContaining({
        type: 'gap.created',
        aggregateId: gap.id,
        payload: expect.objectContaining({ status: 'open', incidentIds: [incident.id] }),
      }),
    ])

    const changed = await eventsOf(async () => {
      expect((await patch(`/api/v1/strategy-gaps/${gap.id}`, 1, { ownerId: ctx.actors.leader.id })).statusCode).toBe(200)
      const attached = await post(`/api/v1/strategy-gaps/${gap.id}/attach`, undefined, { decisionIds: [decision.id] })
      expect(attached.statusCode, attached.body).toBe(200)
      const detached = await post(`/api/v1/strategy-gaps/${gap.id}/detach`, undefined, { incidentIds: [incident.id] })
      expect(detached.statusCode, detached.body).toBe(200)
    })
    expect(changed.map((e) => [e.type, e.aggregateVersion])).toEqual([
      ['gap.updated', 2],
      ['gap.attached', 3],
      ['gap.detached', 3],
    ])
    expect(changed[1]?.payload).toMatchObject({
      decisionIds: [decision.id],
      movedDecisionIds: [decision.id],
      movedIncidentIds: [],
    })
    expect(changed[2]?.payload).toMatchObject({
      decisionIds: [decision.id],
      movedIncidentIds: [incident.id],
      movedDecisionIds: [],
    })

    const stepped = await eventsOf(async () => {
      const res = await post(`/api/v1/strategy-gaps/${gap.id}/transitions`, 3, {
        to: 'acknowledged',
        ownerId: ctx.actors.leader.id,
      })
      expect(res.statusCode, res.body).toBe(200)
    })
    expect(stepped).toEqual([
      expect.objectContaining({
        type: 'gap.transitioned',
        aggregateVersion: 4,
        payload: expect.objectContaining({ from: 'open', to: 'acknowledged' }),
      }),
    ])
  })

  it('records nothing for a step the lifecycle forbids, an attach that moves nothing or a stale edit', async () => {
    const gap = await created('/api/v1/strategy-gaps', { title: 'No stated priority' })
    const events = await eventsOf(async () => {
      expect((await post(`/api/v1/strategy-gaps/${gap.id}/transitions`, 1, { to: 'verified' })).statusCode).toBe(422)
      const none = await post(`/api/v1/strategy-gaps/${gap.id}/detach`, undefined, { decisionIds: [(await decisionOf()).id] })
      expect(none.statusCode).toBe(200)
      expect((await patch(`/api/v1/strategy-gaps/${gap.id}`, 9, { title: 'Late' })).statusCode).toBe(412)
    })
    expect(events.filter((e) => e.aggregateType === 'gap')).toEqual([])
  })
})

describe('triage events', () => {
  it('records incident.decision-linked for each incident the bulk link changed, and none for one left as it was', async () => {
    const decision = await decisionOf()
    const one = await fileIncident(ctx.inject, ctx.teams.home)
    const two = await fileIncident(ctx.inject, ctx.teams.home, { anonymous: true })
    const links = [
      { incidentId: one.id, decisionId: decision.id },
      { incidentId: two.id, decisionId: decision.id },
    ]
    await ctx.app.jobs.settled()
    const events = await eventsOf(async () => {
      const res = await post('/api/v1/incidents/decision-links', undefined, { links })
      expect(res.statusCode, res.body).toBe(200)
    })
    expect(events.map((e) => [e.type, e.aggregateId, e.aggregateVersion])).toEqual([
      ['incident.decision-linked', one.id, 2],
      ['incident.decision-linked', two.id, 2],
    ])
    expect(events[1]?.payload).toEqual({
      key: two.key,
      decisionId: decision.id,
      decisionOwnerTeamId: ctx.teams.home,
      previousDecisionId: null,
      previousDecisionOwnerTeamId: null,
    })

    const again = await eventsOf(() => post('/api/v1/incidents/decision-links', undefined, { links: links.slice(0, 1) }))
    expect(again).toEqual([])
  })

  it('records nothing when one incident of the batch may not be changed', async () => {
    const decision = await decisionOf()
    const mine = await fileIncident(ctx.as('member').inject, ctx.teams.home)
    const theirs = await fileIncident(ctx.as('outsider').inject, ctx.teams.away)
    const events = await eventsOf(async () => {
      const res = await ctx.as('member').inject({
        method: 'POST',
        url: '/api/v1/incidents/decision-links',
        payload: {
          links: [
            { incidentId: mine.id, decisionId: decision.id },
            { incidentId: theirs.id, decisionId: decision.id },
          ],
        },
      })
      expect(res.statusCode).toBe(403)
    })
    expect(events).toEqual([])
  })
})

describe('"not related" events', () => {
  it('records marked and unmarked once each, naming both incidents by id only', async () => {
    const one = await fileIncident(ctx.inject, ctx.teams.home)
    const two = await fileIncident(ctx.inject, ctx.teams.home)
    const url = `/api/v1/incidents/${one.key}/unrelated/${two.id}`
    const events = await eventsOf(async () => {
      expect((await ctx.inject({ method: 'PUT', url })).statusCode).toBe(204)
      expect((await ctx.inject({ method: 'PUT', url })).statusCode).toBe(204)
      expect((await ctx.inject({ method: 'DELETE', url })).statusCode).toBe(204)
    })
    expect(events.map((e) => [e.type, e.aggregateId, e.payload])).toEqual([
      ['incident.marked-unrelated', one.id, { otherIncidentId: two.id }],
      ['incident.unmarked-unrelated', one.id, { otherIncidentId: two.id }],
    ])
  })

  it('records nothing for a pair the caller cannot see', async () => {
    const one = await fileIncident(ctx.inject, ctx.teams.home)
    const events = await eventsOf(async () => {
      const res = await ctx.inject({ method: 'PUT', url: `/api/v1/incidents/${one.key}/unrelated/${one.id}` })
      expect(res.statusCode).toBe(404)
    })
    expect(events).toEqual([])
  })
})
