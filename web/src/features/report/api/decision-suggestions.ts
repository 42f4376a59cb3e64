import type { DecisionSuggestions } from '@misalign/shared'
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { api, toQuery } from '../../../lib/api'
import { insightKeys } from '../../../lib/query-keys'
import type { DraftInsightQuery } from '../draft'

/** "Is it one of these?": decisions from the register that the draft likely describes. */
export const draftDecisionSuggestionsOptions = (query: DraftInsightQuery) =>
  queryOptions({
    queryKey: insightKeys.decisionsForDraft(query),
    enabled: query.text.length >= 3,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.get<DecisionSuggestions>(`/decisions/suggestions${toQuery({ ...query, limit: 3 })}`, { signal }),
  })
export const useDraftDecisionSuggestions = (query: DraftInsightQuery) => useQuery(draftDecisionSuggestionsOptions(query))
