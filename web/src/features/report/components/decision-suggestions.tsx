import { DecisionSuggestionItem } from '../../../components/decision-suggestion'
import { ProblemMessage } from '../../../components/feedback'
import { useDraftDecisionSuggestions } from '../api/decision-suggestions'
import type { PickedDecision, ReportDraft } from '../draft'
import { useDraftInsightQuery } from './use-draft-insight-query'

/**
 * "Is it one of these?": while the reporter writes, the decisions their words most likely
 * describe. Picking one fills the decision step; nothing is linked until the report is filed.
 */
export function DecisionSuggestions({ draft, onPick }: { draft: ReportDraft; onPick: (decision: PickedDecision) => void }) {
  const query = useDraftInsightQuery(draft)
  const suggestions = useDraftDecisionSuggestions(query)
  const items = suggestions.data?.items ?? []
  if (suggestions.error) return <ProblemMessage error={suggestions.error} title="Could not look for likely decisions." />
  if (items.length === 0) return null
  return (
    <section className="decision-suggestions" aria-labelledby="decision-suggestions-heading" aria-live="polite">
      <h3 id="decision-suggestions-heading">Is it one of these?</h3>
      <p className="hint">Decisions on record that sound like what you describe. Pick one if it fits; you can change it.</p>
      <ul className="suggestion-list">
        {items.map((suggestion) => (
          <DecisionSuggestionItem
            key={suggestion.decision.id}
            suggestion={suggestion}
            discoveredAt={query.discoveredAt}
            action={
              <button
                type="button"
                className="button-secondary"
                aria-label={`It was this one: ${suggestion.decision.title}`}
                onClick={() =>
                  onPick({
                    id: suggestion.decision.id,
                    title: suggestion.decision.title,
                    owningTeamId: suggestion.decision.owningTeamId,
                    decisionClass: suggestion.decision.strategyBearing ? 'strategy_bearing' : 'agreement',
                  })
                }
              >
                It was this one
              </button>
            }
          />
        ))}
      </ul>
    </section>
  )
}
