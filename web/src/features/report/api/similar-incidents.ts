import type { Incident, Page } from '@misalign/shared'
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { api, toQuery } from '../../../lib/api'

const STOP_WORDS = new Set(
  'the a an and or of to in on for with without by from at is are was were be been it its this that our their we they you not no into over about after before than then'.split(
    ' ',
  ),
)

/** The words worth searching on: the API's search matches all words, so we ask for any of a few. */
export function keywordsOf(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []
  return [...new Set(words.filter((w) => !STOP_WORDS.has(w)))].slice(0, 6)
}

/**
 * Possible duplicates while filing: incidents about the same decision, and incidents whose text
 * shares words with the title (websearch "or" syntax), ranked by how many words they share.
 */
export const similarIncidentsOptions = (decisionId: string | null, text: string) => {
  const words = keywordsOf(text)
  return queryOptions({
    queryKey: ['incidents', 'similar', { decisionId, words }],
    enabled: decisionId !== null || words.length > 0,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }) => {
      const [byDecision, byText] = await Promise.all([
        decisionId ? api.get<Page<Incident>>(`/incidents${toQuery({ decisionId, limit: 5 })}`, { signal }) : null,
        words.length > 0
          ? api.get<Page<Incident>>(`/incidents${toQuery({ q: words.join(' or '), limit: 30 })}`, { signal })
          : null,
      ])
      // Compared on the first five letters, a cheap stand-in for the server's stemming.
      const stem = (w: string) => w.slice(0, 5)
      const score = (incident: Incident) => {
        const own = new Set(keywordsOf(`${incident.title} ${incident.narrative}`).map(stem))
        return words.filter((w) => own.has(stem(w))).length
      }
      const textMatches = (byText?.items ?? [])
        .map((incident) => ({ incident, score: score(incident) }))
        // One shared word is chance; two or more (or all of a short title) is worth a look.
        .filter((m) => m.score >= Math.min(2, words.length))
        .sort((a, b) => b.score - a.score)
        .map((m) => ({ incident: m.incident, reason: 'similar words' as const }))
      const seen = new Set<string>()
      return [...(byDecision?.items ?? []).map((incident) => ({ incident, reason: 'same decision' as const })), ...textMatches]
        .filter(({ incident }) => !seen.has(incident.id) && seen.add(incident.id))
        .slice(0, 5)
    },
  })
}
export const useSimilarIncidents = (decisionId: string | null, text: string) =>
  useQuery(similarIncidentsOptions(decisionId, text))
