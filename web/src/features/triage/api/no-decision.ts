import type { NoDecisionPage } from '@misalign/shared'
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { api, toQuery } from '../../../lib/api'
import { triageKeys } from '../../../lib/query-keys'

export const QUEUE_PAGE_SIZE = 10

/** One page of the "Incidents with no decision" queue, with the total over every page. */
export const noDecisionOptions = (teamId: string, cursor: string | null) =>
  queryOptions({
    queryKey: triageKeys.noDecision({ teamId, cursor }),
    queryFn: ({ signal }) =>
      api.get<NoDecisionPage>(`/triage/no-decision${toQuery({ teamId: teamId || undefined, cursor, limit: QUEUE_PAGE_SIZE })}`, {
        signal,
      }),
    placeholderData: keepPreviousData,
  })
export const useNoDecisionQueue = (teamId: string, cursor: string | null) => useQuery(noDecisionOptions(teamId, cursor))
