import type {
  AgreementOnlyDecisions,
  Coverage,
  DecisionVisibility,
  LeadershipReview,
  SignalsSummary,
  TradeoffRequest,
} from '@misalign/shared'
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, toQuery } from '../../../lib/api'
import { invalidateAfter } from '../../../lib/invalidation'
import { leadershipKeys } from '../../../lib/query-keys'

/** The review window; empty means the API's default (the 90 days ending today). */
export interface ReviewWindowInput {
  from?: string
  to?: string
}

const windowed = <T>(path: string, window: ReviewWindowInput) =>
  queryOptions({
    queryKey: leadershipKeys.section(path, window),
    queryFn: () => api.get<T>(`/leadership/${path}${toQuery({ from: window.from, to: window.to })}`),
  })

export const reviewOptions = (window: ReviewWindowInput) => windowed<LeadershipReview>('review', window)
export const useReview = (window: ReviewWindowInput) => useQuery(reviewOptions(window))

export const useAgreementOnly = (window: ReviewWindowInput) =>
  useQuery(windowed<AgreementOnlyDecisions>('agreement-only', window))
export const useCoverage = (window: ReviewWindowInput) => useQuery(windowed<Coverage>('coverage', window))
export const useDecisionVisibility = (window: ReviewWindowInput) =>
  useQuery(windowed<DecisionVisibility>('decision-visibility', window))
export const useSignalsSummary = (window: ReviewWindowInput) => useQuery(windowed<SignalsSummary>('signals', window))

/** The Markdown export is a plain download: the browser sends the session cookie with a GET. */
export const reviewExportHref = (window: ReviewWindowInput) =>
  `/api/v1/leadership/review/export${toQuery({ from: window.from, to: window.to })}`

/** "Ask the owning team to state its tradeoff": asking twice returns the open request. */
export function useRequestTradeoff() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (decisionId: string) => api.post<TradeoffRequest>('/leadership/tradeoff-requests', { decisionId }),
    onSuccess: () => void invalidateAfter(client, 'tradeoff-request.created'),
  })
}
