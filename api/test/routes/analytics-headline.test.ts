import { generateOrg, writeOrg } from '@misalign/db/seed'
import { addDays, type Headline, lagBuckets, medianLagBucket, utcDay } from '@misalign/shared'
import { describe, expect, it } from 'vitest'
import { fileIncident } from '../fixtures'
import { type ActorName, useTestApp } from '../helper'

const ctx = useTestApp()
const today = '2026-06-30'
const window = { from: '2026-04-01', to: '2026-06-29' }
const previousWindow = { from: '2026-01-01', to: '2026-03-31' }

const search = (filters: Record<string, string | string[] | undefined>) => {
  const out = new URLSearchParams()
  for (const [key, value] of Object.entries(filters)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) out.append(key, v)
  }
  return out.toString()
}

async function get<T>(as: ActorName, path: string, filters: Record<string, string | string[] | undefined> = {}): Promise<T> {
  const res = await ctx.as(as).inject({ method: 'GET', url: `/api/v1/${path}?${search(filters)}` })
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as T
}

const headline = (as: ActorName, filters: Record<string, string | string[] | undefined> = window) =>
  get<Headline>(as, 'analytics/headline', filters)

type Harm = { totals: { incidents: number; weightedHarm: number; engineerDaysLost: number } }
type Trends = { periods: { incidents: number; decisionsRecorded: number }[] }
type Lag = { channels: { counts: number[] }[] }

/** What the existing endpoints say about one window, summed as a reader of the dashboard would. */
async function fromEndpoints(as: ActorName, dates: { from: string; to: string }) {
  const harm = await get<Harm>(as, 'analytics/harm', dates)
  const trends = await get<Trends>(as, 'analytics/trends', dates)
  const open = await get<Trends>(as, 'analytics/trends', { ...dates, status: 'open' })
  const lag = await get<Lag>(as, 'analytics/discovery-lag', dates)
  const incidents = trends.periods.reduce((s, p) => s + p.incidents, 0)
  const decisions = trends.periods.reduce((s, p) => s + p.decisionsRecorded, 0)
  const untriaged = open.periods.reduce((s, p) => s + p.incidents, 0)
  const perBucket = lagBuckets.map((_, i) => lag.channels.reduce((s, c) => s + (c.counts[i] ?? 0), 0))
  return {
    incidents,
    weightedHarm: harm.totals.weightedHarm,
    engineerDaysLost: harm.totals.engineerDaysLost,
    harmIncidents: harm.totals.incidents,
    perDecision: decisions ? Math.round((incidents / decisions) * 100) / 100 : null,
    medianLag: medianLagBucket(perBucket),
    shareUntriaged: incidents ? Math.round((untriaged / incidents) * 1000) / 1000 : 0,
  }
}

/** The incident list's total for these filters. */
async function listTotal(as: ActorName, filters: Record<string, string | string[] | undefined>): Promise<number> {
  const page = await get<{ total?: number }>(as, 'incidents', { ...filters, limit: '1' })
  expect(page.total).toBeDefined()
  return page.total as number
}

describe('GET /api/v1/analytics/headline', () => {
  it('gives tiles equal to the other endpoints’ sums, for the window and the one before it', async () => {
    await writeOrg(ctx.database, generateOrg({ incidents: 2_000, seed: 7, today }))
    // A restricted incident in the window: counted for its team, not for an outsider.
    await fileIncident(ctx.as('lead').inject, ctx.teams.home, { restricted: true, discoveredAt: '2026-05-02' })
    for (const as of ['admin', 'member', 'outsider'] as const) {
      const got = await headline(as)
      expect(got.window).toEqual(window)
      expect(got.previousWindow).toEqual(previousWindow)
      for (const [period, dates] of [
        ['current', window],
        ['previous', previousWindow],
      ] as const) {
        const expected = await fromEndpoints(as, dates)
        const { tiles } = got
        expect(tiles.incidents[period], `${as} ${period}`).toBe(expected.incidents)
        expect(tiles.incidents[period]).toBe(expected.harmIncidents)
        expect(tiles.weightedHarm[period]).toBe(expected.weightedHarm)
        expect(tiles.engineerDaysLost[period]).toBe(expected.engineerDaysLost)
        expect(tiles.incidentsPerDecision[period]).toBe(expected.perDecision)
        expect(tiles.medianDiscoveryLag[period]).toBe(expected.medianLag)
        expect(tiles.shareUntriaged[period]).toBe(expected.shareUntriaged)
      }
      expect(got.tiles.incidents.change).toBe(got.tiles.incidents.current - got.tiles.incidents.previous)
    }
    const [admin, outsider] = [await headline('admin'), await headline('outsider')]
    expect(admin.tiles.incidents.current - outsider.tiles.incidents.current).toBeGreaterThanOrEqual(1)
  })

  it('lists rises and falls ranked by weighted harm whose links open lists of the same incidents', async () => {
    await writeOrg(ctx.database, generateOrg({ incidents: 2_000, seed: 7, today }))
    const got = await headline('member')
    const entries = [...got.whatChanged.rises, ...got.whatChanged.falls]
    expect(got.whatChanged.rises.length).toBeGreaterThan(0)
    expect(got.whatChanged.falls.length).toBeGreaterThan(0)
    expect(got.whatChanged.rises.length).toBeLessThanOrEqual(5)
    const riseDeltas = got.whatChanged.rises.map((e) => e.change.weightedHarm)
    expect(riseDeltas).toEqual([...riseDeltas].sort((a, b) => b - a))
    expect(riseDeltas.every((d) => d > 0)).toBe(true)
    expect(got.whatChanged.falls.every((e) => e.change.weightedHarm < 0)).toBe(true)
    for (const entry of entries) {
      expect(await listTotal('member', { ...entry.filters, ...window }), entry.label).toBe(entry.current.incidents)
      expect(await listTotal('member', { ...entry.filters, ...previousWindow }), entry.label).toBe(entry.previous.incidents)
      if (entry.kind === 'team_pair') {
        for (const n of [entry.current.incidents, entry.previous.incidents]) expect(n === 0 || n >= 5).toBe(true)
      }
    }
  })

  it('never lists a team pair with fewer than 5 incidents in either window, however much it moved', async () => {
    const { home, away, org } = ctx.teams
    // Away → Home: 3 very harmful incidents before, none now — a large fall that would name a small group.
    for (let i = 0; i < 3; i++) {
      await fileIncident(ctx.as('lead').inject, home, {
        decisionOwnerTeamId: away,
        discoveredAt: '2026-02-10',
        harm: 5,
        surprise: 5,
        rootCause: 'hidden_decision',
      })
    }
    // Org → Home: 6 incidents now, none before — listable.
    for (let i = 0; i < 6; i++) {
      await fileIncident(ctx.as('lead').inject, home, {
        decisionOwnerTeamId: org,
        discoveredAt: '2026-05-10',
        harm: 2,
        surprise: 2,
      })
    }
    const got = await headline('admin')
    const keys = [...got.whatChanged.rises, ...got.whatChanged.falls].map((e) => e.key)
    expect(keys).toContain(`team_pair:${org}>${home}`)
    expect(keys.some((k) => k.includes(away))).toBe(false)
    const listed = got.whatChanged.rises.find((e) => e.kind === 'team_pair')
    expect(listed).toMatchObject({
      label: 'The Org → Home Team',
      current: { incidents: 6, weightedHarm: 24 },
      previous: { incidents: 0, weightedHarm: 0 },
      filters: { decisionOwnerTeamId: [org], reportingTeamId: [home] },
    })
    // Root causes name no team and are listed whole: the fall of hidden decisions shows.
    expect(got.whatChanged.falls.map((e) => e.key)).toContain('root_cause:hidden_decision')
  })

  it('leaves a restricted incident out of an outsider’s numbers and counts it for its team', async () => {
    const { home } = ctx.teams
    for (let i = 0; i < 5; i++) await fileIncident(ctx.as('lead').inject, home, { discoveredAt: '2026-05-10' })
    const before = { admin: await headline('admin'), outsider: await headline('outsider') }
    await fileIncident(ctx.as('lead').inject, home, { restricted: true, discoveredAt: '2026-05-11', harm: 5, surprise: 5 })
    const after = { admin: await headline('admin'), member: await headline('member'), outsider: await headline('outsider') }
    expect(after.admin.tiles.incidents.current).toBe(before.admin.tiles.incidents.current + 1)
    expect(after.member.tiles.weightedHarm.current).toBe(before.admin.tiles.weightedHarm.current + 25)
    expect(after.outsider.tiles).toEqual(before.outsider.tiles)
    expect(after.outsider.whatChanged).toEqual(before.outsider.whatChanged)
  })

  it('defaults to the dashboard’s last 90 days ending today', async () => {
    const got = await headline('member', {})
    const now = utcDay(new Date())
    expect(got.window).toEqual({ from: addDays(now, -89), to: now })
    expect(got.previousWindow).toEqual({ from: addDays(now, -179), to: addDays(now, -90) })
    expect(got.tiles.incidentsPerDecision).toMatchObject({ current: null, change: null, changePercent: null })
    expect(got.tiles.medianDiscoveryLag).toMatchObject({ current: null, currentLabel: null })
  })

  it('answers a from after to with a problem a person can act on', async () => {
    const res = await ctx.as('member').inject({ method: 'GET', url: '/api/v1/analytics/headline?from=2026-06-01&to=2026-05-01' })
    expect(res.statusCode).toBe(422)
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
    expect(res.json().detail).toMatch(/from .* is after to/)
  })
})
