import { type ClusterDetail, type LinkedDecision, MAX_DECISION_LINKS } from '@misalign/shared'
import { useState } from 'react'
import { Link } from 'react-router'
import { Notice, ProblemMessage } from '../../../components/feedback'
import { undoLinks, useLinkDecisions } from '../../../lib/decision-links'
import { countOf } from '../../../lib/labels'

/**
 * "Most of this cluster points at one decision": offered for the members naming none, linked in
 * one action that is recorded per incident and can be undone (docs/decisions/030-*).
 */
export function DecisionForTheRest({ cluster, mayLink }: { cluster: ClusterDetail; mayLink: boolean }) {
  const rest = cluster.explanation.decisionForTheRest
  const linking = useLinkDecisions()
  const [linked, setLinked] = useState<{ links: LinkedDecision[]; isUndone: boolean } | null>(null)
  if (!rest && !linked) return null
  // One request links at most MAX_DECISION_LINKS; the next visit offers the rest.
  const toLink = rest?.unnamedIncidentIds.slice(0, MAX_DECISION_LINKS) ?? []
  const evidence = rest
    ? [rest.named > 0 && `${countOf(rest.named, 'report')} name it`, rest.likely > 0 && `${rest.likely} more read like it`]
        .filter(Boolean)
        .join(', ')
    : ''
  return (
    <section className="card" aria-labelledby="cluster-rest-decision">
      <h2 id="cluster-rest-decision">The decision behind most of it</h2>
      <div role="status" aria-live="polite">
        {linked && (
          <Notice tone="success">
            <p>
              {linked.isUndone
                ? 'Undone: those reports name no decision again.'
                : `Linked to ${countOf(linked.links.filter((l) => l.isChanged).length, 'report')}.`}{' '}
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
      {rest && (
        <>
          <p>
            <Link to={`/decisions/${rest.id}`}>{rest.title}</Link>: {evidence}.
          </p>
          <p className="hint">
            {countOf(rest.unnamedIncidentIds.length, 'report')} in this cluster{' '}
            {rest.unnamedIncidentIds.length === 1 ? 'names' : 'name'} no decision. The suggestion comes from the decision register
            and the reports' own words; a person decides.
          </p>
          {mayLink && (
            <button
              type="button"
              className="button-secondary"
              disabled={linking.isPending}
              onClick={() =>
                linking.mutate(
                  toLink.map((incidentId) => ({ incidentId, decisionId: rest.id })),
                  { onSuccess: (answer) => setLinked({ links: answer.links, isUndone: false }) },
                )
              }
            >
              Link it to{' '}
              {toLink.length === 1
                ? 'that report'
                : `${toLink.length < rest.unnamedIncidentIds.length ? 'the first ' : 'those '}${toLink.length} reports`}
            </button>
          )}
        </>
      )}
    </section>
  )
}
