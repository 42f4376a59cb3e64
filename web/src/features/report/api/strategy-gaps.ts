import type { Page, StrategyGap } from '@misalign/shared'
import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../lib/api'
import { gapKeys } from '../../../lib/query-keys'

/** Gaps a report can point at: the known ones, newest first (one page is plenty for a picker). */
export const gapChoicesOptions = () =>
  queryOptions({
    queryKey: gapKeys.list({ limit: 200 }),
    queryFn: () => api.get<Page<StrategyGap>>('/strategy-gaps?limit=200'),
    staleTime: 5 * 60_000,
  })
export const useGapChoices = () => useQuery(gapChoicesOptions())
