import { generateOrg, writeOrg } from '@misalign/db/seed'
import { harmKinds, incidentDecisionClasses, lagBucketKeys } from '@misalign/shared'
import { describe, expect, it } from 'vitest'
import { type ActorName, useTestApp } from '../helper'

/**
 * Issue #18: every mark of every chart opens the list behind it. The dashboard counts incidents
 * by harm kind, decision class, discovery lag and "owner not recorded"; the incident list takes
 * the same filters, and its total must equal the mark's count, for an admin and for a member
 * who sees fewer restricted incidents.
 */
const ctx = useTestApp()
const today = '2026-06-30'
const window = { from: '2025-07-01', to: '2026-06-29' }

function search(filters: Record<string, string | string[] | boolean>): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(filters))
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, String(v))
  return params.toString()
}

async function get<T>(as: ActorName, url: string): Promise<T> {
  const res = await ctx.as(as).inject({ method: 'GET', url })
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as T
}

const listTotal = async (as: ActorName, filters: Record<string, string | string[] | boolean>) =>
  (await get<{ total: number }>(as, `/api/v1/incidents?${search({ ...window, ...filters, limit: '1' })}`)).total

async function checkHarmKinds(as: ActorName) {
  const harm = await get<{ byKind: { harmKind: string; incidents: number }[] }>(as, `/api/v1/analytics/harm?${search(window)}`)
  expect(harm.byKind.some((k) => k.incidents > 0)).toBe(true)
  for (const kind of harmKinds) {
    const mark = harm.byKind.find((k) => k.harmKind === kind)?.incidents ?? 0
    expect(await listTotal(as, { harmKind: kind }), kind).toBe(mark)
  }
}

async function checkDecisionClasses(as: ActorName) {
  const classes = await get<{ items: { decisionClass: string; incidents: number }[] }>(
    as,
    `/api/v1/analytics/decision-classes?${search(window)}`,
  )
  for (const decisionClass of incidentDecisionClasses) {
    const mark = classes.items.find((c) => c.decisionClass === decisionClass)?.incidents ?? 0
    expect(mark, decisionClass).toBeGreaterThan(0)
    expect(await listTotal(as, { decisionClass }), decisionClass).toBe(mark)
  }
}

async function checkLag(as: ActorName) {
  const lag = await get<{ channels: { discoveryChannel: string; counts: number[]; unknownLag: number }[] }>(
    as,
    `/api/v1/analytics/discovery-lag?${search(window)}`,
  )
  let marks = 0
  for (const channel of lag.channels)
    for (const [bucket, count] of channel.counts.entries()) {
      if (count === 0) continue
      marks++
      const filters = { discoveryChannel: channel.discoveryChannel, lagBucket: lagBucketKeys[bucket] as string }
      expect(await listTotal(as, filters), JSON.stringify(filters)).toBe(count)
    }
  expect(marks).toBeGreaterThan(3)
  // "No decision recorded" segments open the channel's incidents that name no decision.
  for (const channel of lag.channels) {
    const filters = { discoveryChannel: channel.discoveryChannel, decisionClass: 'no_decision_record' }
    expect(await listTotal(as, filters), JSON.stringify(filters)).toBe(channel.unknownLag)
  }
}

async function checkUnowned(as: ActorName) {
  const matrix = await get<{
    cells: { decisionOwnerTeamId: string | null; reportingTeamId: string; incidents: number | null }[]
  }>(as, `/api/v1/analytics/team-matrix?${search(window)}`)
  // Every "owner not recorded" cell of the heat map opens a list of the same count; hidden cells
  // (fewer than 5) show no count to compare, so the list's total is checked against the rest.
  const unowned = matrix.cells.filter((c) => c.decisionOwnerTeamId === null)
  expect(unowned.length).toBeGreaterThan(0)
  for (const cell of unowned.filter((c) => c.incidents !== null))
    expect(await listTotal(as, { hasOwner: false, reportingTeamId: cell.reportingTeamId })).toBe(cell.incidents)
  const none = await listTotal(as, { hasOwner: false })
  expect(none).toBeGreaterThan(0)
  expect(none + (await listTotal(as, { hasOwner: true }))).toBe(await listTotal(as, {}))
  const owned = matrix.cells.filter((c) => c.decisionOwnerTeamId !== null && c.incidents !== null)
  const shownUnowned = unowned.reduce((sum, c) => sum + (c.incidents ?? 0), 0)
  expect(none).toBeGreaterThanOrEqual(shownUnowned)
  expect(owned.length).toBeGreaterThan(0)
}

describe('the incident list behind each dashboard mark', () => {
  it('opens the same count as the harm-kind, decision-class, discovery-lag and heat-map marks, for each viewer', async () => {
    await writeOrg(ctx.database, generateOrg({ incidents: 1_200, seed: 9, today }))
    // An admin sees every restricted incident, a member fewer: both must match their own charts.
    for (const as of ['admin', 'member'] as const) {
      await checkHarmKinds(as)
      await checkDecisionClasses(as)
      await checkLag(as)
      await checkUnowned(as)
    }
  }, 120_000)

  it('refuses a lag bucket or a decision class it does not know, as problem details', async () => {
    for (const bad of ['lagBucket=3-5', 'decisionClass=vibes', 'harmKind=sadness', 'hasOwner=maybe']) {
      const res = await ctx.as('admin').inject({ method: 'GET', url: `/api/v1/incidents?${bad}` })
      expect(res.statusCode, bad).toBe(400)
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/)
    }
  })
})
