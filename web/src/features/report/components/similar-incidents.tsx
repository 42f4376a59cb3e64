import type { SimilarIncident } from '@misalign/shared'
import { Link } from 'react-router'
import { ProblemMessage } from '../../../components/feedback'
import { useDebouncedValue } from '../../../components/use-debounced-value'
import { formatDay, incidentStatusLabels } from '../../../lib/labels'
import { useSimilarIncidents } from '../api/similar-incidents'

/** Why it showed up, strongest reason first. */
function reasonOf(incident: SimilarIncident): string {
  if (incident.reasons.includes('same_decision')) return 'Same decision'
  return incident.terms.length > 0 ? `Similar words: ${incident.terms.slice(0, 3).join(', ')}` : 'Similar words'
}

/** Possible duplicates, so the same misalignment is added to rather than filed twice. */
export function SimilarIncidents({ decisionId, text }: { decisionId: string | null; text: string }) {
  const debouncedText = useDebouncedValue(text, 400)
  const similar = useSimilarIncidents(decisionId, debouncedText)
  const items = similar.data?.items ?? []

  return (
    <section className="similar" aria-labelledby="similar-heading" aria-live="polite">
      <h3 id="similar-heading">Has someone already reported this?</h3>
      {similar.isPending && !similar.isFetching && (
        <p className="hint">Add a title or pick the decision, and incidents like yours show up here.</p>
      )}
      {similar.isFetching && items.length === 0 && <p className="hint">Looking for similar incidents…</p>}
      {similar.error && <ProblemMessage error={similar.error} title="Could not look for similar incidents." />}
      {similar.isSuccess && items.length === 0 && <p className="hint">No similar incident found. Yours looks new.</p>}
      {items.length > 0 && (
        <>
          <p className="hint">If one of these is the same thing, open it instead of filing again. Your draft stays saved here.</p>
          <ul className="similar-list">
            {items.map((incident) => (
              <li key={incident.id}>
                <div>
                  <span className="incident-key">{incident.key}</span> {incident.title}
                  <span className="meta">
                    {reasonOf(incident)} · {incidentStatusLabels[incident.status]} · discovered {formatDay(incident.discoveredAt)}
                  </span>
                </div>
                <Link to={`/incidents/${incident.key}`} aria-label={`This is the same thing: open ${incident.key}`}>
                  This is the same thing
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
