import { describe, expect, it } from 'vitest'
import { pairwiseScore } from './evaluate'
import { explainGroup, suggestedTitle } from './explain'
import { clusterIncidents, type EngineIncident } from './group'
import { placeIncident } from './place'
import { scorePair } from './signals'

let n = 0
function incident(over: Partial<EngineIncident>): EngineIncident {
  n++
  return {
    id: `i${n}`,
    decisionId: null,
    gapId: null,
    decisionOwnerTeamId: null,
    reportingTeamId: `reporter${n}`,
    day: 20_000 + n,
    title: `Unrelated report number ${n} about topic${n}`,
    narrative: `Words${n} only this one uses, thing${n}`,
    expected: '',
    missingContext: '',
    ...over,
  }
}

describe('clusterIncidents', () => {
  it('groups incidents of one decision and leaves unrelated ones out', () => {
    const same = [1, 2, 3].map(() => incident({ decisionId: 'd1', decisionOwnerTeamId: 'owner' }))
    const others = [1, 2, 3].map(() => incident({}))
    const { groups } = clusterIncidents([...others, ...same])
    expect(groups.map((g) => g.members.length)).toEqual([3])
    expect(groups[0]?.members).toEqual([3, 4, 5])
  })

  it('lets an incident with an unknown decision join the group its owner, team pair and words match', () => {
    const story = 'Access token expiry forced logout; the refresh token flow is missing in the app'
    const known = [1, 2, 3].map(() =>
      incident({
        decisionId: 'd1',
        decisionOwnerTeamId: 'identity',
        reportingTeamId: 'ios',
        title: 'Access token expiry',
        narrative: story,
      }),
    )
    const unknown = incident({
      decisionOwnerTeamId: 'identity',
      reportingTeamId: 'ios',
      title: 'Forced logout after access token expiry',
      narrative: story,
    })
    const lookalike = incident({ decisionOwnerTeamId: 'payments', reportingTeamId: 'web', title: 'Design tokens renamed' })
    const { groups } = clusterIncidents([...known, unknown, lookalike])
    expect(groups).toHaveLength(1)
    expect(groups[0]?.members).toEqual([0, 1, 2, 3])
  })

  it('links incidents that share a strategy gap but name no decision', () => {
    const gap = [1, 2, 3].map(() => incident({ gapId: 'g1' }))
    expect(clusterIncidents([...gap, incident({})]).groups[0]?.members).toEqual([0, 1, 2])
  })

  it('does not suggest groups smaller than the minimum', () => {
    expect(clusterIncidents([incident({ decisionId: 'd' }), incident({ decisionId: 'd' })]).groups).toEqual([])
  })
})

describe('explainGroup', () => {
  it('names the shared decision, team pair and words, and titles the cluster after the decision', () => {
    const members = [1, 2, 3].map(() =>
      incident({
        decisionId: 'd1',
        decisionOwnerTeamId: 'search',
        reportingTeamId: 'seo',
        title: 'Stale listings after the nightly reindex',
      }),
    )
    const { vocabulary } = clusterIncidents([...members, ...Array.from({ length: 12 }, () => incident({}))])
    const explanation = explainGroup(members, vocabulary)
    expect(explanation.signals).toEqual(['same_decision', 'same_team_pair', 'similar_text'])
    expect(explanation.decision).toEqual({ id: 'd1', count: 3 })
    expect(explanation.teamPair).toEqual({ ownerTeamId: 'search', reportingTeamId: 'seo', count: 3 })
    expect(explanation.terms).toEqual(expect.arrayContaining(['stale', 'listings', 'nightly']))
    expect(suggestedTitle(explanation, { decisionTitle: 'Nightly indexing' })).toBe('Nightly indexing')
    expect(suggestedTitle({ ...explanation, decision: null }, {})).toMatch(/^Similar reports: /)
  })
})

describe('scorePair and placeIncident', () => {
  it('scores a shared decision above the threshold on its own and says why', () => {
    const a = { ...incident({ decisionId: 'd' }), vector: { ids: new Int32Array(0), weights: new Float32Array(0) } }
    const b = { ...incident({ decisionId: 'd' }), vector: a.vector }
    const { vocabulary } = clusterIncidents([])
    expect(scorePair(a, b, vocabulary)).toEqual({ score: 1, signals: ['same_decision'], terms: [] })
  })

  it('joins the best matching open cluster, or starts one with enough unclustered matches', () => {
    const neighbours = [
      { incidentId: 'a', score: 1.2, clusterIds: ['c1'] },
      { incidentId: 'b', score: 0.9, clusterIds: ['c2'] },
      { incidentId: 'c', score: 0.8, clusterIds: ['c2'] },
      { incidentId: 'd', score: 0.2, clusterIds: ['c3'] },
    ]
    expect(placeIncident(neighbours)).toEqual({ kind: 'join', clusterId: 'c2', score: 1.7 })
    expect(placeIncident(neighbours, new Set(['c2']))).toEqual({ kind: 'join', clusterId: 'c1', score: 1.2 })
    const free = [
      { incidentId: 'x', score: 0.7, clusterIds: [] },
      { incidentId: 'y', score: 0.6, clusterIds: [] },
    ]
    expect(placeIncident(free)).toEqual({ kind: 'start', incidentIds: ['x', 'y'] })
    expect(placeIncident(free.slice(0, 1))).toEqual({ kind: 'none' })
  })
})

describe('pairwiseScore', () => {
  it('counts pairs of labelled incidents only, with look-alikes labelled as in no cluster', () => {
    const truth = [
      ['a', 'b', 'c'],
      ['d', 'e'],
    ]
    expect(
      pairwiseScore(truth, [
        ['a', 'b', 'c'],
        ['d', 'e'],
      ]).f1,
    ).toBe(1)
    const mixed = pairwiseScore(truth, [['a', 'b', 'x', 'unlabelled'], ['c'], ['d', 'e']], ['x'])
    expect(mixed.correctPairs).toBe(2)
    expect(mixed.suggestedPairs).toBe(4)
    expect(mixed.precision).toBe(0.5)
    expect(mixed.recall).toBe(0.5)
  })
})
