import { QueryClient, type QueryKey } from '@tanstack/react-query'
import { beforeEach, describe, expect, it } from 'vitest'
import { harmOptions, topGapsOptions, trendsOptions } from '../features/dashboard/api/analytics'
import { openTradeoffRequestsOptions } from '../features/decisions/api/decisions'
import { incidentListOptions, incidentOptions } from '../features/incidents/api/incidents'
import { reviewOptions } from '../features/leadership/api/leadership'
import { similarIncidentsOptions } from '../features/report/api/similar-incidents'
import { strategyListOptions } from '../features/strategies/api/strategies'
import { gapContextOptions, gapImpactOptions, gapOptions, gapRankingOptions } from '../features/strategy-gaps/api/strategy-gaps'
import { noDecisionOptions } from '../features/triage/api/no-decision'
import { invalidateAfter, invalidationMap, type WriteEvent } from './invalidation'
import { teamsOptions } from './reference-data'
import { sessionOptions } from './session'

const filters = { from: '2026-01-01', to: '2026-03-31' }

/** The keys the screens really use, taken from their own option factories. */
const screens = {
  dashboardTrends: trendsOptions(filters, 'month').queryKey,
  dashboardHarm: harmOptions(filters).queryKey,
  dashboardTopGaps: topGapsOptions(filters).queryKey,
  gapRanking: gapRankingOptions({}).queryKey,
  incidentRegister: incidentListOptions({ status: ['open'] }).queryKey,
  myReports: incidentListOptions({ mine: true }).queryKey,
  triageQueue: noDecisionOptions('', null).queryKey,
  reportDuplicates: similarIncidentsOptions(null, { text: 'token lifetime' }).queryKey,
  leadershipReview: reviewOptions({}).queryKey,
  incidentPage: incidentOptions('MIS-12').queryKey,
  gapPage: gapOptions('gap-1').queryKey,
  gapContext: gapContextOptions('gap-1').queryKey,
  gapImpact: gapImpactOptions('gap-1', 12).queryKey,
  strategies: strategyListOptions({}).queryKey,
  openTradeoffRequests: openTradeoffRequestsOptions('decision-1').queryKey,
  teams: teamsOptions().queryKey,
  session: sessionOptions().queryKey,
} satisfies Record<string, QueryKey>
type Screen = keyof typeof screens

let client: QueryClient
beforeEach(() => {
  client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  for (const key of Object.values(screens) as QueryKey[]) client.setQueryData(key, { cached: true })
})

async function staleAfter(event: WriteEvent): Promise<Screen[]> {
  await invalidateAfter(client, event)
  return (Object.keys(screens) as Screen[]).filter((name) => client.getQueryState(screens[name])?.isInvalidated).sort()
}

describe('what a write makes stale', () => {
  it('filing an incident refreshes the dashboard, the gap ranking, the incident lists, triage and my reports', async () => {
    const stale = await staleAfter('incident.filed')
    expect(stale).toEqual(
      expect.arrayContaining([
        'dashboardHarm',
        'dashboardTopGaps',
        'dashboardTrends',
        'gapRanking',
        'incidentRegister',
        'myReports',
        'triageQueue',
        'reportDuplicates',
        'leadershipReview',
      ]),
    )
    // Nothing a new incident cannot change: no refetch storm after every report.
    for (const untouched of ['teams', 'session', 'strategies', 'gapPage', 'incidentPage'] as const)
      expect(stale).not.toContain(untouched)
  })

  it('linking decisions to incidents also refreshes the open incident page', async () => {
    expect(await staleAfter('incident.decision-linked')).toEqual(
      expect.arrayContaining(['incidentPage', 'triageQueue', 'dashboardTrends']),
    )
  })

  it('a gap transition refreshes that gap’s context and before/after, the ranking and the incidents by gap', async () => {
    expect(await staleAfter('gap.transitioned')).toEqual(
      expect.arrayContaining(['gapContext', 'gapImpact', 'gapRanking', 'incidentRegister', 'dashboardTopGaps']),
    )
  })

  it('asking for a tradeoff refreshes the decision page’s open requests', async () => {
    expect(await staleAfter('tradeoff-request.created')).toEqual(['openTradeoffRequests'])
  })

  it('publishing a strategy leaves incident screens alone', async () => {
    const stale = await staleAfter('strategy.published')
    expect(stale).toEqual(expect.arrayContaining(['leadershipReview', 'strategies']))
    expect(stale.filter((name) => /incident|myReports|triage|dashboard|gap/i.test(name))).toEqual([])
  })

  it('names the outbox events the API records, so a consumer can use the same words', () => {
    const outboxEvents = [
      'incident.filed',
      'incident.updated',
      'decision.created',
      'decision.updated',
      'gap.transitioned',
      'strategy.published',
      'retro.closed',
      'action.created',
      'action.updated',
    ]
    expect(Object.keys(invalidationMap)).toEqual(expect.arrayContaining(outboxEvents))
    for (const keys of Object.values(invalidationMap)) expect(keys.length).toBeGreaterThan(0)
  })
})
