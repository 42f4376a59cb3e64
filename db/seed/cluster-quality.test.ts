import { clusterIncidents, dayNumber, pairwiseScore } from '@misalign/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, openTestDatabase, recomputeClusters, systemActor } from '../src/index'
import { clusterQuality } from './cluster-quality'
import { generateOrg } from './generate'
import { writeOrg } from './write'

const org = generateOrg({ incidents: 1500, seed: 7, today: '2026-06-30' })

describe('clustering quality on a generated org', () => {
  let database: Database
  beforeAll(async () => {
    database = await openTestDatabase()
    await writeOrg(database, org)
  })
  afterAll(async () => database?.close())

  it('suggests clusters that match the planted ones (pairwise F1 at least 0.9)', async () => {
    const result = await recomputeClusters(database.db, systemActor)
    expect(result.incidents).toBe(1500)
    const score = await clusterQuality(database.db, org.planted)
    expect(score.truePairs).toBeGreaterThan(100)
    expect(score.f1).toBeGreaterThanOrEqual(0.9)
  })

  it('keeps F1 at least 0.85 when a further third of the incidents name no decision', () => {
    // Decisions are often unknown at filing: then team pairs, gaps and words must carry it. The
    // seed already leaves a third of each planted cluster unnamed, so here over half are: F1 was
    // 0.91 at seed 7 (precision 0.99, recall 0.84) when this floor was last checked.
    const incidents = [...org.incidents()].map((i) => ({
      ...i,
      decisionId: i.number % 3 === 0 ? null : i.decisionId,
      day: dayNumber(i.discoveredAt),
    }))
    const { groups } = clusterIncidents(incidents)
    const score = pairwiseScore(
      org.planted.clusters.map((c) => c.incidentIds),
      groups.map((g) => g.members.map((m) => incidents[m]?.id ?? '')),
      org.planted.distractors.flatMap((d) => d.incidentIds),
    )
    expect(score.f1).toBeGreaterThanOrEqual(0.85)
  })

  it('keeps precision at least 0.95 and F1 at least 0.9 with every decision and gap id removed', () => {
    // Nobody named anything: owner teams, time and words alone must find the stories.
    const incidents = [...org.incidents()].map((i) => ({ ...i, decisionId: null, gapId: null, day: dayNumber(i.discoveredAt) }))
    const { groups } = clusterIncidents(incidents)
    const score = pairwiseScore(
      org.planted.clusters.map((c) => c.incidentIds),
      groups.map((g) => g.members.map((m) => incidents[m]?.id ?? '')),
      org.planted.distractors.flatMap((d) => d.incidentIds),
    )
    expect(score.precision).toBeGreaterThanOrEqual(0.95)
    expect(score.f1).toBeGreaterThanOrEqual(0.9)
  })
})
