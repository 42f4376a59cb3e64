import type { Headline } from '@misalign/shared'
import { describe, expect, it } from 'vitest'
import { headlineTiles } from './headline-format'

const change = (current: number, previous: number, changePercent: number | null) => ({
  current,
  previous,
  change: current - previous,
  changePercent,
})

const tiles: Headline['tiles'] = {
  weightedHarm: change(1200, 1000, 20),
  engineerDaysLost: change(10.5, 12, -12.5),
  incidents: change(7, 0, null),
  incidentsPerDecision: {
    current: 2.5,
    previous: null,
    change: null,
    changePercent: null,
    decisionsRecorded: { current: 2, previous: 0 },
  },
  medianDiscoveryLag: {
    current: 1,
    previous: 3,
    change: -2,
    changePercent: null,
    currentLabel: '2–7 days',
    previousLabel: '31–90 days',
  },
  shareUntriaged: { current: 0.25, previous: 0.2, change: 0.05, changePercent: 25 },
}

describe('headline tiles', () => {
  const byKey = Object.fromEntries(headlineTiles(tiles).map((t) => [t.key, t]))

  it('reads a rise as worse and a fall as better, for every measure', () => {
    expect(byKey.weightedHarm).toMatchObject({ value: '1,200', previous: '1,000', change: '+20%', trend: 'worse' })
    expect(byKey.engineerDaysLost).toMatchObject({ change: '−12.5%', trend: 'better' })
    expect(byKey.medianDiscoveryLag).toMatchObject({ value: '2–7 days', change: '2 buckets earlier', trend: 'better' })
  })

  it('says when there is nothing to compare with instead of a percentage', () => {
    expect(byKey.incidents).toMatchObject({ change: '+7, none before', trend: 'worse' })
    expect(byKey.incidentsPerDecision).toMatchObject({ previous: 'no decisions', change: 'not comparable', trend: 'unknown' })
  })

  it('shows the share untriaged in percent and its change in points', () => {
    expect(byKey.shareUntriaged).toMatchObject({ value: '25%', previous: '20%', change: '+5 pts', trend: 'worse' })
  })
})
