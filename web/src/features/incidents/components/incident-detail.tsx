import { describeTradeoff, type Incident, WEIGHTED_HARM_EXPLANATION } from '@misalign/shared'
import { Link } from 'react-router'
import { Badge } from '../../../components/page'
import {
  discoveryChannelLabels,
  formatDay,
  harmKindLabels,
  harmWords,
  incidentStatusLabels,
  rootCauseLabels,
  surpriseWords,
} from '../../../lib/labels'
import { useTeamName } from '../../../lib/reference-data'
import { useDecision, useGap } from '../api/trace'

/** The whole incident: the three requirements, then the trace to decision, gap and missing context. */
export function IncidentDetail({ incident }: { incident: Incident }) {
  const teamName = useTeamName()
  const decision = useDecision(incident.decisionId)
  const gap = useGap(incident.gapId)
  const reporter = incident.isMine
    ? incident.anonymous
      ? 'You, anonymously (others do not see your name)'
      : 'You'
    : incident.anonymous
      ? 'Anonymous'
      : `A member of ${teamName(incident.reportingTeamId)}`

  return (
    <div className="detail-grid">
      <section className="card" aria-labelledby="d-discovery">
        <h2 id="d-discovery">Discovery</h2>
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
              <dd>{incident.discoveryLagDays} days after the decision was made</dd>
            </>
          )}
          <dt>Status</dt>
          <dd>{incidentStatusLabels[incident.status]}</dd>
        </dl>
        {incident.narrative && (
          <>
            <h3 className="narrative-heading">What happened</h3>
            <p className="narrative">{incident.narrative}</p>
          </>
        )}
      </section>
      <section className="card" aria-labelledby="d-surprise">
        <h2 id="d-surprise">Surprise and harm</h2>
        <dl className="facts">
          <dt>Expected instead</dt>
          <dd>{incident.expected}</dd>
          <dt>Surprise</dt>
          <dd>
            {incident.surprise} of 5 — {surpriseWords[incident.surprise]}
          </dd>
          <dt>Goal hurt</dt>
          <dd>{incident.harmedGoal}</dd>
          <dt>Harm</dt>
          <dd>
            {incident.harm} of 5 — {harmWords[incident.harm]}
          </dd>
          <dt>Weighted harm</dt>
          <dd>
            <strong>{incident.weightedHarm}</strong> <span className="hint">({WEIGHTED_HARM_EXPLANATION})</span>
          </dd>
          {incident.harmKinds.length > 0 && (
            <>
              <dt>Kinds of harm</dt>
              <dd>{incident.harmKinds.map((k) => harmKindLabels[k]).join(', ')}</dd>
            </>
          )}
          {(incident.engineerDaysLost !== null || incident.delayDays !== null) && (
            <>
              <dt>Cost</dt>
              <dd>
                {incident.engineerDaysLost !== null && `${incident.engineerDaysLost} engineer-days lost`}
                {incident.engineerDaysLost !== null && incident.delayDays !== null && ', '}
                {incident.delayDays !== null && `${incident.delayDays} days of delay`}
              </dd>
            </>
          )}
        </dl>
      </section>
      <section className="card trace" aria-labelledby="d-trace">
        <h2 id="d-trace">Trace</h2>
        <dl className="facts">
          <dt>Upstream decision</dt>
          <dd>
            {!incident.decisionId && 'Not known yet'}
            {decision.isPending && incident.decisionId && 'Loading…'}
            {decision.error?.message}
            {decision.data && (
              <>
                <Link to={`/decisions/${decision.data.id}`}>{decision.data.title}</Link>{' '}
                {decision.data.decisionClass === 'strategy_bearing' ? (
                  <Badge tone="good">Strategy-bearing</Badge>
                ) : (
                  <Badge>Agreement</Badge>
                )}
                {decision.data.tradeoff && <p className="tradeoff-quote">“{describeTradeoff(decision.data.tradeoff)}”</p>}
              </>
            )}
          </dd>
          <dt>Decision owner</dt>
          <dd>{incident.decisionOwnerTeamId ? teamName(incident.decisionOwnerTeamId) : 'Not known yet'}</dd>
          <dt>Strategy gap</dt>
          <dd>
            {!incident.gapId && 'None linked'}
            {gap.error?.message}
            {gap.data && <Link to={`/strategy-gaps/${gap.data.id}`}>{gap.data.title}</Link>}
          </dd>
          <dt>Missing context</dt>
          <dd>{incident.missingContext || 'Not said yet'}</dd>
          <dt>Root cause</dt>
          <dd>
            {rootCauseLabels[incident.rootCause].label}
            <span className="meta">{rootCauseLabels[incident.rootCause].meaning}</span>
          </dd>
        </dl>
      </section>
    </div>
  )
}
