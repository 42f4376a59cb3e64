import { discoveryChannels, harmKinds, incidentStatuses, rootCauses } from '@misalign/shared'
import { describe, expect, it } from 'vitest'
import { generateOrg } from './generate'
import type { GeneratedOrg, IncidentSeed } from './types'

const today = '2026-06-30'
const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

const demo = generateOrg({ incidents: 3000, seed: 42, today })
const demoIncidents = [...demo.incidents()]

/** Everything but the incident functions, as plain data. */
const eager = (org: GeneratedOrg) => JSON.stringify({ ...org, incidents: undefined, incidentAt: undefined })

describe('generateOrg determinism', () => {
  it('gives identical orgs and incidents for the same options', () => {
    const a = generateOrg({ incidents: 400, seed: 7, today })
    const b = generateOrg({ incidents: 400, seed: 7, today })
    expect(eager(a)).toBe(eager(b))
    expect(JSON.stringify([...a.incidents()])).toBe(JSON.stringify([...b.incidents()]))
  })

  it('gives the same incidents on a second pass and by index', () => {
    const org = generateOrg({ incidents: 300, seed: 7, today })
    const first = [...org.incidents()]
    expect(JSON.stringify([...org.incidents()])).toBe(JSON.stringify(first))
    expect(org.incidentAt(123)).toEqual(first[123])
  })

  it('gives a different org for a different seed', () => {
    const a = generateOrg({ incidents: 200, seed: 1, today })
    const b = generateOrg({ incidents: 200, seed: 2, today })
    expect(a.teams.map((t) => t.slug)).toEqual(b.teams.map((t) => t.slug))
    expect(a.teams[0]?.id).not.toBe(b.teams[0]?.id)
    expect(a.users.map((u) => u.email)).not.toEqual(b.users.map((u) => u.email))
    expect([...a.incidents()].map((i) => i.title)).not.toEqual([...b.incidents()].map((i) => i.title))
  })

  it('generates exactly the number of incidents asked for, including none', () => {
    expect(demoIncidents).toHaveLength(3000)
    expect([...generateOrg({ incidents: 0, seed: 1, today }).incidents()]).toHaveLength(0)
    expect([...generateOrg({ incidents: 37, seed: 1, today }).incidents()]).toHaveLength(37)
  })

  it('rejects an invalid today', () => {
    expect(() => generateOrg({ incidents: 1, seed: 1, today: '2026-02-30' })).toThrow(/calendar date/)
  })
})

describe('generated org', () => {
  it('nests a few dozen teams two to three levels below the org, some of them small', () => {
    expect(demo.teams.length).toBeGreaterThanOrEqual(30)
    const byId = new Map(demo.teams.map((t) => [t.id, t]))
    const depth = (id: string | null | undefined): number => (id ? 1 + depth(byId.get(id)?.parentTeamId) : 0)
    expect(Math.max(...demo.teams.map((t) => depth(t.id)))).toBe(4)
    expect(demo.planted.smallTeamIds.length).toBeGreaterThanOrEqual(3)
    for (const id of demo.planted.smallTeamIds) expect(demo.memberships.filter((m) => m.teamId === id).length).toBeLessThan(5)
    expect(demo.teams.every((t) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(t.slug))).toBe(true)
  })

  it('has about eight people per team and the four demo accounts in checkout-web', () => {
    const working = demo.teams.filter((t) => !demo.teams.some((c) => c.parentTeamId === t.id) || t.slug === 'data-platform')
    expect(demo.users.length / working.length).toBeGreaterThan(6)
    expect(demo.users.length / working.length).toBeLessThan(11)
    const checkout = demo.teams.find((t) => t.slug === 'checkout-web')
    for (const [email, role] of [
      ['admin@demo.test', 'admin'],
      ['leader@demo.test', 'leader'],
      ['lead@demo.test', 'lead'],
      ['member@demo.test', 'member'],
    ]) {
      const user = demo.users.find((u) => u.email === email)
      expect(user?.role).toBe(role)
      expect(demo.memberships.some((m) => m.userId === user?.id && m.teamId === checkout?.id)).toBe(true)
    }
    expect(new Set(demo.users.map((u) => u.email.toLowerCase())).size).toBe(demo.users.length)
    expect(demo.users.every((u) => u.passwordHash === null)).toBe(true)
  })

  it('records decisions all year, with and without tradeoffs', () => {
    expect(demo.decisions.length).toBeGreaterThan(200)
    for (const d of demo.decisions) {
      const set = [d.tradeoffPrefer, d.tradeoffOver, d.tradeoffForGoal].filter((v) => v != null).length
      expect([0, 3]).toContain(set)
    }
    const withTradeoff = demo.decisions.filter((d) => d.tradeoffPrefer != null).length
    expect(withTradeoff / demo.decisions.length).toBeGreaterThan(0.25)
    expect(withTradeoff / demo.decisions.length).toBeLessThan(0.75)
    const months = new Set(
      demo.decisions.filter((d) => d.decidedAt >= demo.planted.period.from).map((d) => d.decidedAt.slice(0, 7)),
    )
    expect(months.size).toBeGreaterThanOrEqual(12)
    expect(demo.decisions.some((d) => d.decidedAt < demo.planted.period.from)).toBe(true)
  })

  it('has fresh, stale and draft strategies and gaps across the lifecycle', () => {
    expect(demo.strategies.length).toBeGreaterThanOrEqual(20)
    expect(demo.strategies.every((s) => (s.tradeoffs?.length ?? 0) >= 1)).toBe(true)
    const published = demo.strategies.filter((s) => s.status === 'published')
    expect(published.some((s) => s.reviewBy < today)).toBe(true)
    expect(published.some((s) => s.reviewBy > today)).toBe(true)
    expect(demo.strategies.some((s) => s.status === 'draft' && s.publishedAt === null)).toBe(true)
    expect(published.every((s) => s.publishedAt instanceof Date)).toBe(true)
    expect(demo.gaps.length).toBeGreaterThanOrEqual(15)
    expect(new Set(demo.gaps.map((g) => g.status))).toEqual(
      new Set(['open', 'acknowledged', 'published', 'verified', 'wont_fix']),
    )
    for (const gap of demo.gaps.filter((g) => g.status === 'published' || g.status === 'verified')) {
      expect(demo.strategies.find((s) => s.id === gap.addressedByStrategyId)?.status).toBe('published')
    }
    expect(demo.signals.filter((s) => s.kind === 'autonomy_win').every((s) => s.strategyId)).toBe(true)
    expect(demo.signals.some((s) => s.kind === 'near_miss')).toBe(true)
  })
})

describe('generated incidents', () => {
  const decisionById = new Map(demo.decisions.map((d) => [d.id, d]))
  const members = new Set(demo.memberships.map((m) => `${m.userId}:${m.teamId}`))
  const ids = new Set(demoIncidents.map((i) => i.id))

  it('satisfies every rule of the schema and the product', () => {
    demoIncidents.forEach((incident: IncidentSeed, index) => {
      expect(incident.number).toBe(index + 1)
      expect(incident.id).toMatch(uuidV4)
      expect(incident.harm).toBeGreaterThanOrEqual(1)
      expect(incident.harm).toBeLessThanOrEqual(5)
      expect(incident.surprise).toBeGreaterThanOrEqual(1)
      expect(incident.surprise).toBeLessThanOrEqual(5)
      expect(incident.harmKinds.length).toBeGreaterThan(0)
      expect(new Set(incident.harmKinds).size).toBe(incident.harmKinds.length)
      for (const kind of incident.harmKinds) expect(harmKinds).toContain(kind)
      expect(discoveryChannels).toContain(incident.discoveryChannel)
      expect(rootCauses).toContain(incident.rootCause)
      expect(incidentStatuses).toContain(incident.status)
      for (const text of [incident.title, incident.narrative, incident.expected, incident.harmedGoal, incident.missingContext]) {
        expect(text.trim().length).toBeGreaterThan(0)
        expect(text).not.toMatch(/\{\w+\}|undefined/)
      }
      expect(incident.discoveredAt >= demo.planted.period.from && incident.discoveredAt <= demo.planted.period.to).toBe(true)
      if (incident.decisionId) {
        const decision = decisionById.get(incident.decisionId)
        expect(decision).toBeDefined()
        expect(incident.discoveredAt >= (decision?.decidedAt ?? '9999')).toBe(true)
        expect(incident.decisionOwnerTeamId).toBe(decision?.owningTeamId)
      }
      if (incident.anonymous) expect(incident.reporterId).toBeNull()
      else expect(members.has(`${incident.reporterId}:${incident.reportingTeamId}`)).toBe(true)
      expect(incident.createdAt.toISOString().slice(0, 10) >= incident.discoveredAt).toBe(true)
      expect(incident.updatedAt.getTime()).toBeGreaterThanOrEqual(incident.createdAt.getTime())
      expect(incident.createdAt.toISOString().slice(0, 10) < today).toBe(true)
      if (incident.engineerDaysLost !== null) expect(incident.engineerDaysLost).toBeGreaterThanOrEqual(0)
      if (incident.delayDays !== null) expect(Number.isInteger(incident.delayDays) && incident.delayDays >= 0).toBe(true)
    })
    expect(ids.size).toBe(demoIncidents.length)
  })

  it('is anonymous about a tenth of the time and restricted about a twentieth', () => {
    const anonymous = demoIncidents.filter((i) => i.anonymous).length / demoIncidents.length
    const restricted = demoIncidents.filter((i) => i.restricted).length / demoIncidents.length
    expect(anonymous).toBeGreaterThan(0.07)
    expect(anonymous).toBeLessThan(0.13)
    expect(restricted).toBeGreaterThan(0.03)
    expect(restricted).toBeLessThan(0.07)
    const small = new Set(demo.planted.smallTeamIds)
    expect(demoIncidents.some((i) => i.anonymous && small.has(i.reportingTeamId))).toBe(true)
    expect(new Set(demoIncidents.map((i) => i.status))).toEqual(new Set(incidentStatuses))
    expect(demoIncidents.some((i) => i.rootCause === 'unknown')).toBe(true)
  })
})
