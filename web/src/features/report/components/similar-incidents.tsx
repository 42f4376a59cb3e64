import type { SimilarIncident } from '@misalign/shared'
import { Link } from 'react-router'
import { ProblemMessage } from '../../../components/feedback'
import { Badge } from '../../../components/page'
import { incidentConfidenceLabels, incidentReasonWords } from '../../../lib/insight-labels'
import { formatDay, incidentStatusLabels } from '../../../lib/labels'
import { useSimilarIncidents } from '../api/similar-incidents'
import type { ReportDraft } from '../draft'
import { useDraftInsightQuery } from './use-draft-insight-query'

function reasonOf(incident: SimilarIncident): string {
  const words = incidentReasonWords(incident)
  return words.length > 0 ? words.join(', ') : 'similar words'
}

/** Possible duplicates, so the same misalignment is added to rather than filed twice. */
export function SimilarIncidents({ draft }: { draft: ReportDraft }) {
  const query = useDraftInsightQuery(draft)
  const similar = useSimilarIncidents(draft.decision?.id ?? null, query)
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
                  <Badge tone={incident.confidence === 'likely' ? 'accent' : 'neutral'}>
                    {incidentConfidenceLabels[incident.confidence]}
                  </Badge>{' '}
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
