import type { SimilarIncidents } from '@misalign/shared'
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { api, toQuery } from '../../../lib/api'
import { insightKeys } from '../../../lib/query-keys'
import type { DraftInsightQuery } from '../draft'

/**
 * Possible duplicates while filing, from the insight engine: the same decision counts most, then
 * the draft's words and who it involves. Each answer says how likely it is the same story.
 */
export const similarIncidentsOptions = (decisionId: string | null, query: DraftInsightQuery) =>
  queryOptions({
    queryKey: insightKeys.similarToDraft({ decisionId, ...query }),
    enabled: decisionId !== null || query.text.length >= 3,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      api.get<SimilarIncidents>(
        `/incidents/similar${toQuery({ ...query, text: query.text || undefined, decisionId: decisionId ?? undefined, limit: 5 })}`,
        { signal },
      ),
  })
export const useSimilarIncidents = (decisionId: string | null, query: DraftInsightQuery) =>
  useQuery(similarIncidentsOptions(decisionId, query))
