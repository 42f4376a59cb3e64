import { useMemo } from 'react'
import { useDebouncedValue } from '../../../components/use-debounced-value'
import { type DraftInsightQuery, draftInsightQuery, type ReportDraft } from '../draft'

/** The draft as the insight engine is asked about it, once typing pauses. */
export function useDraftInsightQuery(draft: ReportDraft): DraftInsightQuery {
  // Debounced as text: a fresh object every render would restart the timer forever.
  const settled = useDebouncedValue(JSON.stringify(draftInsightQuery(draft)), 400)
  return useMemo(() => JSON.parse(settled) as DraftInsightQuery, [settled])
}
