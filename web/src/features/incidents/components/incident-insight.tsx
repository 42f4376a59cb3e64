import type { Incident, LinkedDecision, SimilarIncident } from '@misalign/shared'
import { useState } from 'react'
import { Link } from 'react-router'
import { DecisionSuggestionItem } from '../../../components/decision-suggestion'
import { Loading, Notice, ProblemMessage } from '../../../components/feedback'
import { Badge } from '../../../components/page'
import { undoLinks, useLinkDecisions } from '../../../lib/decision-links'
import { incidentConfidenceLabels, incidentReasonWords } from '../../../lib/insight-labels'
import { formatDay, incidentStatusLabels } from '../../../lib/labels'
import { useIncidentDecisionSuggestions, useNotRelated, useSimilarToIncident } from '../api/insight'

/** What the insight engine offers on an incident page: its likely decision, and incidents like it. */
export function IncidentInsight({ incident, mayEdit }: { incident: Incident; mayEdit: boolean }) {
  return (
    <div className="detail-grid insight-grid">
      <DecisionSuggestionsCard incident={incident} mayEdit={mayEdit} />
      <SimilarIncidentsCard incident={incident} />
    </div>
  )
}

function DecisionSuggestionsCard({ incident, mayEdit }: { incident: Incident; mayEdit: boolean }) {
  const suggestions = useIncidentDecisionSuggestions(incident.key, !incident.decisionId)
  const linking = useLinkDecisions()
  const [linked, setLinked] = useState<{ title: string; links: LinkedDecision[]; isUndone: boolean } | null>(null)

  if (incident.decisionId && !linked) return null
  const items = suggestions.data?.items ?? []
  return (
    <section className="card" aria-labelledby="d-suggestions">
      <h2 id="d-suggestions">Is it one of these?</h2>
      <div role="status" aria-live="polite">
        {linked && (
          <Notice tone="success">
            <p>
              {linked.isUndone ? `Undone: ${incident.key} has no decision again.` : `Linked to “${linked.title}”.`}{' '}
              {!linked.isUndone && (
                <button
                  type="button"
                  className="button-link"
                  disabled={linking.isPending}
                  onClick={() =>
                    linking.mutate(undoLinks(linked.links), { onSuccess: () => setLinked({ ...linked, isUndone: true }) })
                  }
                >
                  Undo
                </button>
              )}
            </p>
          </Notice>
        )}
      </div>
      <ProblemMessage error={linking.error} title="The decision was not linked." />
      {!incident.decisionId && (
        <>
          <p className="hint">
            Nobody has named the decision behind this yet. These are the likeliest, from the decision register and from similar
            reports{mayEdit ? '; linking one is recorded and can be undone.' : '.'}
          </p>
          {suggestions.isPending && <Loading label="Looking for likely decisions" />}
          {suggestions.error && <ProblemMessage error={suggestions.error} title="Could not look for likely decisions." />}
          {suggestions.isSuccess && items.length === 0 && <p>No likely decision found in the register.</p>}
          {items.length > 0 && (
            <ul className="suggestion-list" aria-label="Likely decisions">
              {items.map((suggestion) => (
                <DecisionSuggestionItem
                  key={suggestion.decision.id}
                  suggestion={suggestion}
                  discoveredAt={incident.discoveredAt}
                  action={
                    mayEdit ? (
                      <button
                        type="button"
                        className="button-secondary"
                        disabled={linking.isPending}
                        aria-label={`Link ${suggestion.decision.title}`}
                        onClick={() =>
                          linking.mutate([{ incidentId: incident.id, decisionId: suggestion.decision.id }], {
                            onSuccess: ({ links }) => setLinked({ title: suggestion.decision.title, links, isUndone: false }),
                          })
                        }
                      >
                        Link
                      </button>
                    ) : undefined
                  }
                />
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  )
}

/** Anyone who can see both incidents may say they are not related: it only teaches the engine. */
function SimilarIncidentsCard({ incident }: { incident: Incident }) {
  const similar = useSimilarToIncident(incident.key)
  const notRelated = useNotRelated(incident.key)
  // Kept here so a marked incident stays on screen, with its Undo, after the list forgets it.
  const [marked, setMarked] = useState<Map<string, SimilarIncident>>(new Map())
  const fetched = similar.data?.items ?? []
  const items = [...fetched, ...[...marked.values()].filter((m) => !fetched.some((f) => f.id === m.id))]

  function mark(other: SimilarIncident, isUnrelated: boolean) {
    notRelated.mutate(
      { otherId: other.id, isUnrelated },
      {
        onSuccess: () =>
          setMarked((current) => {
            const next = new Map(current)
            if (isUnrelated) next.set(other.id, other)
            else next.delete(other.id)
            return next
          }),
      },
    )
  }

  return (
    <section className="card" aria-labelledby="d-similar">
      <h2 id="d-similar">Similar incidents</h2>
      {similar.isPending && <Loading label="Looking for similar incidents" />}
      {similar.error && <ProblemMessage error={similar.error} title="Could not look for similar incidents." />}
      <ProblemMessage error={notRelated.error} title="That was not saved." />
      {similar.isSuccess && items.length === 0 && <p className="hint">No incident like this one yet.</p>}
      {items.length > 0 && (
        <ul className="suggestion-list" aria-label="Similar incidents">
          {items.map((other) => {
            const isMarked = marked.has(other.id)
            return (
              <li key={other.id} className={isMarked ? 'suggestion is-dismissed' : 'suggestion'}>
                <div className="suggestion-body">
                  <p className="suggestion-title">
                    <Badge tone={other.confidence === 'likely' ? 'accent' : 'neutral'}>
                      {incidentConfidenceLabels[other.confidence]}
                    </Badge>{' '}
                    <span className="incident-key">{other.key}</span> <Link to={`/incidents/${other.key}`}>{other.title}</Link>
                  </p>
                  <p className="meta">
                    {incidentStatusLabels[other.status]} · discovered {formatDay(other.discoveredAt)}
                  </p>
                  {isMarked ? (
                    <p className="suggestion-reasons">Marked not related: it will not be suggested with this one again.</p>
                  ) : (
                    incidentReasonWords(other).length > 0 && (
                      <p className="suggestion-reasons">Why: {incidentReasonWords(other).join('; ')}.</p>
                    )
                  )}
                </div>
                <div className="suggestion-action">
                  <button
                    type="button"
                    className="button-secondary"
                    disabled={notRelated.isPending}
                    aria-label={isMarked ? `Undo: ${other.key} is related after all` : `${other.key} is not related`}
                    onClick={() => mark(other, !isMarked)}
                  >
                    {isMarked ? 'Undo' : 'Not related'}
                  </button>
                </div>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
