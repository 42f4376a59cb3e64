import type {
  AnalyticsInterval,
  AnalyticsQuery,
  DecisionClassBreakdown,
  DiscoveryLag,
  HarmBreakdown,
  Headline,
  RemediationMix,
  TeamMatrix,
  TopDecisions,
  TopGaps,
  Trends,
} from '@misalign/shared'
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { api, toQuery } from '../../../lib/api'
import { analyticsKeys } from '../../../lib/query-keys'

/**
 * One query per chart, so each chart draws as soon as its own answer arrives. Keys go from the
 * endpoint to its filters. A minute is fresh: the writes that move these numbers mark them stale
 * themselves (lib/invalidation).
 */
const analyticsOptions = <T>(endpoint: string, params: AnalyticsQuery & { interval?: AnalyticsInterval; limit?: number }) =>
  queryOptions({
    queryKey: analyticsKeys.chart(endpoint, params),
    queryFn: ({ signal }) => api.get<T>(`/analytics/${endpoint}${toQuery(params)}`, { signal }),
    staleTime: 60_000,
  })

export const trendsOptions = (filters: AnalyticsQuery, interval: AnalyticsInterval) =>
  analyticsOptions<Trends>('trends', { ...filters, interval })
export const useTrends = (filters: AnalyticsQuery, interval: AnalyticsInterval) => useQuery(trendsOptions(filters, interval))

export const teamMatrixOptions = (filters: AnalyticsQuery) => analyticsOptions<TeamMatrix>('team-matrix', filters)
export const useTeamMatrix = (filters: AnalyticsQuery) => useQuery(teamMatrixOptions(filters))

export const discoveryLagOptions = (filters: AnalyticsQuery) => analyticsOptions<DiscoveryLag>('discovery-lag', filters)
export const useDiscoveryLag = (filters: AnalyticsQuery) => useQuery(discoveryLagOptions(filters))

export const harmOptions = (filters: AnalyticsQuery) => analyticsOptions<HarmBreakdown>('harm', filters)
export const useHarm = (filters: AnalyticsQuery) => useQuery(harmOptions(filters))

export const topDecisionsOptions = (filters: AnalyticsQuery, limit = 10) =>
  analyticsOptions<TopDecisions>('top-decisions', { ...filters, limit })
export const useTopDecisions = (filters: AnalyticsQuery) => useQuery(topDecisionsOptions(filters))

export const topGapsOptions = (filters: AnalyticsQuery, limit = 10) =>
  analyticsOptions<TopGaps>('top-strategy-gaps', { ...filters, limit })
export const useTopGaps = (filters: AnalyticsQuery) => useQuery(topGapsOptions(filters))

export const remediationMixOptions = (filters: AnalyticsQuery, interval: AnalyticsInterval) =>
  analyticsOptions<RemediationMix>('remediation-mix', { ...filters, interval })
export const useRemediationMix = (filters: AnalyticsQuery, interval: AnalyticsInterval) =>
  useQuery(remediationMixOptions(filters, interval))

export const decisionClassesOptions = (filters: AnalyticsQuery) =>
  analyticsOptions<DecisionClassBreakdown>('decision-classes', filters)
export const useDecisionClasses = (filters: AnalyticsQuery) => useQuery(decisionClassesOptions(filters))

/** The headline tiles and "what changed": the window against the same number of days before it. */
export const headlineOptions = (filters: AnalyticsQuery) => analyticsOptions<Headline>('headline', filters)
export const useHeadline = (filters: AnalyticsQuery) => useQuery(headlineOptions(filters))

/**
 * Starts every chart's request as soon as the route renders, while the chart code (recharts,
 * a chunk of its own) is still downloading: the two waits overlap instead of adding up.
 */
export function usePrefetchAnalytics(filters: AnalyticsQuery, interval: AnalyticsInterval): void {
  const client = useQueryClient()
  useEffect(() => {
    for (const options of [
      headlineOptions(filters),
      trendsOptions(filters, interval),
      teamMatrixOptions(filters),
      discoveryLagOptions(filters),
      harmOptions(filters),
      topDecisionsOptions(filters),
      topGapsOptions(filters),
      remediationMixOptions(filters, interval),
      decisionClassesOptions(filters),
    ] as const)
      void client.prefetchQuery(options as Parameters<typeof client.prefetchQuery>[0])
  }, [client, filters, interval])
}
