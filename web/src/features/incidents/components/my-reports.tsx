import type { Incident, IncidentStatus } from '@misalign/shared'
import { Link } from 'react-router'
import { EmptyState, Loading, ProblemMessage } from '../../../components/feedback'
import { Badge } from '../../../components/page'
import { ShowMore } from '../../../components/show-more'
import { formatDay, incidentStatusLabels, rootCauseLabels } from '../../../lib/labels'
import { useIncidentList } from '../api/incidents'
import { useDecision, useGap } from '../api/trace'

/** What each status means to the person who filed the report. */
const outcomeOf: Record<IncidentStatus, string> = {
  open: 'Waiting for a lead to triage it.',
  triaged: 'Triaged: its root cause and decision are being traced.',
  in_retro: 'In a retro with the reports like it.',
  resolved: 'Resolved.',
}

/** The viewer's own reports, anonymous ones included, and what became of each. */
export function MyReports() {
  const list = useIncidentList({ mine: true })
  if (list.isPending) return <Loading label="Loading your reports" />
  if (!list.data) return <ProblemMessage error={list.error} title="Your reports could not be loaded." />
  const items = list.data.pages.flatMap((page) => page.items)
  if (items.length === 0) {
    return (
      <EmptyState>
        <p>
          You have not filed a report yet. When a decision surprises your team and hurts one of its goals,{' '}
          <Link to="/report">report it</Link>: it takes about two minutes.
        </p>
      </EmptyState>
    )
  }
  return (
    <>
      <ul className="item-list" aria-label="My reports">
        {items.map((incident) => (
          <MyReport key={incident.id} incident={incident} />
        ))}
      </ul>
      <ShowMore list={list} label="Show more of my reports" />
    </>
  )
}

function MyReport({ incident }: { incident: Incident }) {
  const decision = useDecision(incident.decisionId)
  const gap = useGap(incident.gapId)
  return (
    <li>
      <div className="item-row">
        <span className="incident-key">{incident.key}</span>
        <Link className="item-title" to={`/incidents/${incident.key}`}>
          {incident.title}
        </Link>
        <Badge tone={incident.status === 'resolved' ? 'good' : 'accent'}>{incidentStatusLabels[incident.status]}</Badge>
      </div>
      <p className="my-report-outcome">
        {outcomeOf[incident.status]}{' '}
        {incident.rootCause !== 'unknown' && <>Root cause: {rootCauseLabels[incident.rootCause].label.toLowerCase()}.</>}
      </p>
      <div className="item-row meta">
        <span>filed {formatDay(incident.createdAt)}</span>
        <span>
          {incident.decisionId ? (
            <>
              decision: <Link to={`/decisions/${incident.decisionId}`}>{decision.data?.title ?? 'the linked decision'}</Link>
            </>
          ) : (
            'no decision linked yet'
          )}
        </span>
        {incident.gapId && (
          <span>
            strategy gap: <Link to={`/strategy-gaps/${incident.gapId}`}>{gap.data?.title ?? 'the linked gap'}</Link>
          </span>
        )}
        {incident.anonymous && <Badge>Anonymous: only you see it is yours</Badge>}
      </div>
    </li>
  )
}
