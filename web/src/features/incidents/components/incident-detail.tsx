import { describeTradeoff, type Incident } from '@misalign/shared'
import {
  countOf,
  discoveryChannelLabels,
  formatDay,
  harmKindLabels,
  harmWords,
  rootCauseLabels,
  surpriseWords,
} from '../../../lib/labels'
import { useTeamName } from '../../../lib/reference-data'
import { useDecision } from '../api/trace'

/**
 * The story, in the wide column: what happened, what was expected, the goal it hurt and the
 * context that was missing. Its properties (status, trace, weighted harm) sit in the sidebar.
 */
export function IncidentDetail({ incident }: { incident: Incident }) {
  const teamName = useTeamName()
  const decision = useDecision(incident.decisionId)
  const reporter = incident.isMine
    ? incident.anonymous
      ? 'You, anonymously (others do not see your name)'
      : 'You'
    : incident.anonymous
      ? 'Anonymous'
      : `A member of ${teamName(incident.reportingTeamId)}`

  return (
    <section className="card incident-story" aria-labelledby="d-story">
      <h2 id="d-story">What happened</h2>
      <dl className="facts">
        <dt>Reporting team</dt>
        <dd>{teamName(incident.reportingTeamId)}</dd>
        <dt>Filed by</dt>
        <dd>{reporter}</dd>
        <dt>Discovered</dt>
        <dd>
          {formatDay(incident.discoveredAt)}, {discoveryChannelLabels[incident.discoveryChannel].toLowerCase()}
        </dd>
        {incident.discoveryLagDays !== null && (
          <>
            <dt>Discovery lag</dt>
            <dd>{countOf(incident.discoveryLagDays, 'day')} after the decision was made</dd>
          </>
        )}
      </dl>
      <p className="narrative">{incident.narrative || 'No story written yet.'}</p>

      <h3>Expected instead</h3>
      <p>{incident.expected}</p>
      <p className="meta">
        Surprise {incident.surprise} of 5 — {surpriseWords[incident.surprise]}
      </p>

      <h3>Goal hurt</h3>
      <p>{incident.harmedGoal}</p>
      <p className="meta">
        Harm {incident.harm} of 5 — {harmWords[incident.harm]}
        {incident.harmKinds.length > 0 && ` · ${incident.harmKinds.map((k) => harmKindLabels[k].toLowerCase()).join(', ')}`}
        {incident.engineerDaysLost !== null && ` · ${countOf(incident.engineerDaysLost, 'engineer-day')} lost`}
        {incident.delayDays !== null && ` · ${countOf(incident.delayDays, 'day')} of delay`}
      </p>

      <h3>Missing context</h3>
      <p>{incident.missingContext || 'Not said yet: what would have made this predictable?'}</p>
      {decision.data?.tradeoff && (
        <p className="tradeoff-quote">The decision’s tradeoff: “{describeTradeoff(decision.data.tradeoff)}”</p>
      )}
      <p className="meta">
        Root cause: {rootCauseLabels[incident.rootCause].label} — {rootCauseLabels[incident.rootCause].meaning}
      </p>
    </section>
  )
}
