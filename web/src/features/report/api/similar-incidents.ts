import type { SimilarIncidents } from '@misalign/shared'
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { api, toQuery } from '../../../lib/api'

/**
 * Possible duplicates while filing, from the clustering engine's pair score: incidents about the
 * same decision first, then incidents whose words match the draft (TF-IDF, stop words dropped).
 */
export const similarIncidentsOptions = (decisionId: string | null, text: string) => {
  const trimmed = text.trim().slice(0, 2_000)
  return queryOptions({
    queryKey: ['incidents', 'similar', { decisionId, text: trimmed }],
    enabled: decisionId !== null || trimmed.length >= 3,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      api.get<SimilarIncidents>(
        `/incidents/similar${toQuery({ text: trimmed || undefined, decisionId: decisionId ?? undefined, limit: 5 })}`,
        { signal },
      ),
  })
}
export const useSimilarIncidents = (decisionId: string | null, text: string) =>
  useQuery(similarIncidentsOptions(decisionId, text))
