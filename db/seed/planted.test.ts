import { describe, expect, it } from 'vitest'
import { generateOrg } from './generate'

const today = '2026-06-30'
const org = generateOrg({ incidents: 3000, seed: 42, today })
const incidents = [...org.incidents()]
const { planted } = org

describe('planted structure', () => {
  it('plants eight recurring decisions with 15–40 incidents each that share their vocabulary, a third not naming it', () => {
    expect(planted.clusters).toHaveLength(8)
    for (const cluster of planted.clusters) {
      expect(cluster.incidentIds.length).toBeGreaterThanOrEqual(15)
      expect(cluster.incidentIds.length).toBeLessThanOrEqual(40)
      const members = cluster.incidentIndexes.map((i) => incidents[i])
      expect(members.map((m) => m?.id)).toEqual(cluster.incidentIds)
      // Every report knows the team behind it; about a third name no decision, as in real life.
      expect(members.every((m) => m?.decisionOwnerTeamId === cluster.ownerTeamId)).toBe(true)
      expect(members.every((m) => m?.decisionId === cluster.decisionId || m?.decisionId === null)).toBe(true)
      const unnamed = members.filter((m) => m?.decisionId === null).length
      expect(unnamed / members.length).toBeGreaterThanOrEqual(0.15)
      expect(unnamed / members.length).toBeLessThanOrEqual(0.55)
      expect(members.every((m) => cluster.reportingTeamIds.includes(m?.reportingTeamId ?? ''))).toBe(true)
      const mentions = members.filter((m) =>
        cluster.keywords.some((k) => `${m?.title} ${m?.narrative}`.toLowerCase().includes(k.toLowerCase())),
      )
      expect(mentions.length).toBe(members.length)
      // Only the cluster's own incidents point at its decision.
      expect(incidents.filter((i) => i.decisionId === cluster.decisionId)).toHaveLength(members.length - unnamed)
    }
  })

  it('plants distractors outside every cluster: shared words, and the same team pair on another topic', () => {
    const inClusters = new Set(planted.clusters.flatMap((c) => c.incidentIds))
    expect(planted.distractors).toHaveLength(16)
    for (const group of planted.distractors) {
      expect(group.incidentIds.length).toBeGreaterThanOrEqual(2)
      expect(group.incidentIds.some((id) => inClusters.has(id))).toBe(false)
      const cluster = planted.clusters.find((c) => c.label === group.label)
      for (const index of group.incidentIndexes) {
        const incident = incidents[index]
        expect(incident?.decisionId).not.toBe(cluster?.decisionId)
        if (group.kind === 'same_team_pair') {
          expect(incident?.decisionOwnerTeamId).toBe(cluster?.ownerTeamId)
          expect(incident?.reportingTeamId).toBe(cluster?.reportingTeamIds[0])
        }
      }
    }
  })

  it('makes the dropping gap frequent before its strategy is published and nearly absent after', () => {
    const { gapId, strategyId, publishedAt } = planted.droppingGap
    const gap = org.gaps.find((g) => g.id === gapId)
    const strategy = org.strategies.find((s) => s.id === strategyId)
    expect(gap?.status).toBe('published')
    expect(gap?.addressedByStrategyId).toBe(strategyId)
    expect(strategy?.publishedAt?.toISOString().slice(0, 10)).toBe(publishedAt)
    const before = incidents.filter((i) => i.gapId === gapId && i.discoveredAt < publishedAt).length
    const after = incidents.filter((i) => i.gapId === gapId && i.discoveredAt >= publishedAt).length
    expect(before).toBe(planted.droppingGap.incidentsBefore)
    expect(after).toBe(planted.droppingGap.incidentsAfter)
    const daysBefore = (Date.parse(publishedAt) - Date.parse(planted.period.from)) / 86_400_000
    const daysAfter = (Date.parse(today) - Date.parse(publishedAt)) / 86_400_000
    expect(before / daysBefore).toBeGreaterThan((10 * after) / daysAfter)
  })

  it('makes hot team pairs stand far above the background', () => {
    const pairCounts = new Map<string, number>()
    for (const i of incidents) {
      if (!i.decisionOwnerTeamId) continue
      const key = `${i.decisionOwnerTeamId}>${i.reportingTeamId}`
      pairCounts.set(key, (pairCounts.get(key) ?? 0) + 1)
    }
    const sorted = [...pairCounts.values()].sort((a, b) => a - b)
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0
    for (const pair of planted.hotTeamPairs) {
      expect(pairCounts.get(`${pair.ownerTeamId}>${pair.reportingTeamId}`) ?? 0).toBeGreaterThan(5 * median)
    }
  })

  it('spikes incident volume in planning seasons and at the launch', () => {
    const perDay = incidents.length / 365
    for (const burst of planted.bursts) {
      const inside = incidents.filter((i) => i.discoveredAt >= burst.from && i.discoveredAt <= burst.to).length
      const days = (Date.parse(burst.to) - Date.parse(burst.from)) / 86_400_000 + 1
      expect(inside / days).toBeGreaterThan(1.5 * perDay)
    }
  })

  it('files stale_strategy incidents in scope of stale strategies after their review date', () => {
    for (const stale of planted.staleStrategies) {
      const strategy = org.strategies.find((s) => s.id === stale.strategyId)
      expect(strategy?.status).toBe('published')
      expect(stale.reviewBy < today).toBe(true)
      const hits = incidents.filter((i) => i.gapId === stale.gapId)
      expect(hits.length).toBe(stale.incidentCount)
      expect(hits.length).toBeGreaterThan(5)
      expect(hits.every((i) => i.discoveredAt > stale.reviewBy && stale.scopeTeamIds.includes(i.reportingTeamId))).toBe(true)
      expect(hits.filter((i) => i.rootCause === 'stale_strategy').length).toBeGreaterThan(hits.length / 2)
    }
  })

  it('plants contradicting tradeoffs whose incidents are conflicting_priorities', () => {
    const conflict = planted.conflictingPriorities
    const [a, b] = conflict.strategyIds.map((id) => org.strategies.find((s) => s.id === id))
    expect(a?.tradeoffs?.[0]?.prefer).toBe(b?.tradeoffs?.[0]?.over)
    expect(a?.tradeoffs?.[0]?.over).toBe(b?.tradeoffs?.[0]?.prefer)
    const [da, db] = conflict.decisionIds.map((id) => org.decisions.find((d) => d.id === id))
    expect(da?.tradeoffPrefer).toBe(db?.tradeoffOver)
    const hits = incidents.filter((i) => i.gapId === conflict.gapId)
    expect(hits.length).toBe(conflict.incidentCount)
    expect(hits.every((i) => conflict.decisionIds.includes(i.decisionId ?? ''))).toBe(true)
    expect(hits.filter((i) => i.rootCause === 'conflicting_priorities').length).toBeGreaterThan(hits.length * 0.7)
  })

  it('lets hidden_decision rise over the year while missing_strategy falls', () => {
    const quarter = (q: number) => incidents.slice((q * incidents.length) / 4, ((q + 1) * incidents.length) / 4)
    const share = (q: number, cause: string) => quarter(q).filter((i) => i.rootCause === cause).length / quarter(q).length
    expect(share(3, planted.rootCauseTrend.rising)).toBeGreaterThan(1.3 * share(0, planted.rootCauseTrend.rising))
    expect(share(3, planted.rootCauseTrend.falling)).toBeLessThan(0.75 * share(0, planted.rootCauseTrend.falling))
  })

  it('puts the incidents of clusters in retro into the retro workflow', () => {
    const retroed = org.clusters.filter((c) => org.retros.some((r) => r.clusterId === c.id))
    expect(retroed.length).toBeGreaterThan(0)
    const byId = new Map(incidents.map((i) => [i.id, i]))
    for (const cluster of retroed) {
      const memberStatuses = org.clusterMembers
        .filter((m) => m.clusterId === cluster.id)
        .map((m) => byId.get(m.incidentId)?.status)
      expect(memberStatuses.every((s) => s === 'in_retro' || s === 'resolved')).toBe(true)
    }
    expect(org.actions.some((a) => a.kind === 'add_sync_meeting' || a.kind === 'add_approval_gate')).toBe(true)
    expect(org.clusters.some((c) => c.status === 'dismissed')).toBe(true)
  })

  it('keeps verified gaps free of incidents after their strategy was published', () => {
    for (const gap of org.gaps.filter((g) => g.status === 'verified')) {
      const strategy = org.strategies.find((s) => s.id === gap.addressedByStrategyId)
      const published = strategy?.publishedAt?.toISOString().slice(0, 10) ?? ''
      expect(incidents.some((i) => i.gapId === gap.id && i.discoveredAt >= published)).toBe(false)
    }
  })
})
