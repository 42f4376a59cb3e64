import type { SimilarIncident } from '@misalign/shared'
import { Link } from 'react-router'
import { ProblemMessage } from '../../../components/feedback'
import { Badge } from '../../../components/page'
import { incidentConfidenceLabels, incidentReasonWords } from '../../../lib/insight-labels'
import { formatDay, incidentStatusLabels } from '../../../lib/labels'
import { useSimilarIncidents } from '../api/similar-incidents'
import type { ReportDraft } from '../draft'
import { useDraftInsightQuery } from './use-draft-insight-query'

/**
 * What "this hurt us too" on the incident starts from: the draft's team, surprise, harm and cost
 * (the person still confirms it there). Plain data, so the report feature imports nothing of the
 * incidents feature.
 */
function impactDraftOf(draft: ReportDraft) {
  const days = Number(draft.engineerDaysLost)
  const delay = Number(draft.delayDays)
  return {
    teamId: draft.reportingTeamId,
    surprise: draft.surprise ?? undefined,
    harm: draft.harm && draft.harm > 0 ? draft.harm : undefined,
    harmKinds: draft.harmKinds,
    anonymous: draft.anonymous,
    engineerDaysLost: draft.engineerDaysLost.trim() && Number.isFinite(days) ? days : null,
    delayDays: draft.delayDays.trim() && Number.isInteger(delay) ? delay : null,
  }
}

function reasonOf(incident: SimilarIncident): string {
  const words = incidentReasonWords(incident)
  return words.length > 0 ? words.join(', ') : 'similar words'
}

/**
 * "Is this already reported?", right under the title while the reporter types, so the same
 * misalignment is joined as "this hurt us too" before anyone writes the whole report twice.
 * Quiet until there is something to say: no hint text competing with the title's own.
 */
export function SimilarIncidents({ draft }: { draft: ReportDraft }) {
  const query = useDraftInsightQuery(draft)
  const similar = useSimilarIncidents(draft.decision?.id ?? null, query)
  const items = similar.data?.items ?? []
  const isAsked = similar.fetchStatus !== 'idle' || similar.isSuccess || similar.isError

  return (
    <section className="similar" aria-labelledby="similar-heading" aria-live="polite">
      <h3 id="similar-heading" className={isAsked ? undefined : 'visually-hidden'}>
        Is this already reported?
      </h3>
      {similar.isFetching && items.length === 0 && <p className="hint">Looking for incidents like yours…</p>}
      {similar.error && <ProblemMessage error={similar.error} title="Could not look for similar incidents." />}
      {similar.isSuccess && !similar.isFetching && items.length === 0 && (
        <p className="hint">No similar incident found so far. Yours looks new.</p>
      )}
      {items.length > 0 && (
        <>
          <p className="hint">
            If one of these is the same thing, join it instead of filing again: say it hurt you too, and your surprise, harm and
            cost count as your team’s harm there. Your draft stays saved here.
          </p>
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
                <Link
                  className="button-secondary"
                  to={`/incidents/${incident.key}`}
                  state={{ impactDraft: impactDraftOf(draft) }}
                  aria-label={`This is the same thing: open ${incident.key} and add that it hurt us too`}
                >
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
