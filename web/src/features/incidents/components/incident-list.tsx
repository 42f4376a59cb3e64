import type { Incident } from '@misalign/shared'
import { Link } from 'react-router'
import { EmptyState, Loading, ProblemMessage } from '../../../components/feedback'
import { Badge } from '../../../components/page'
import { ShowMore } from '../../../components/show-more'
import { hasFilters } from '../../../lib/incident-filters'
import { formatDay, incidentStatusLabels, rootCauseLabels } from '../../../lib/labels'
import { useTeamName } from '../../../lib/reference-data'
import { type IncidentFilters, useIncidentList } from '../api/incidents'

export function IncidentList({ filters }: { filters: IncidentFilters }) {
  const list = useIncidentList(filters)
  if (list.isPending) return <Loading label="Loading incidents" />
  if (!list.data) return <ProblemMessage error={list.error} title="The incidents could not be loaded." />
  const items = list.data.pages.flatMap((p) => p.items)
  if (items.length === 0) {
    return (
      <EmptyState>
        {hasFilters(filters) ? (
          <p>No incident matches these filters. Widen them, or clear them all.</p>
        ) : (
          <p>
            No incidents yet. When a decision surprises your team and hurts a goal, <Link to="/report">report it</Link>.
          </p>
        )}
      </EmptyState>
    )
  }
  return (
    <>
      <p className="hint" aria-live="polite">
        Showing {items.length}
        {list.hasNextPage ? '+' : ''} incidents, most recently discovered first. Weighted harm = harm × surprise (1–25).
      </p>
      <ul className="item-list" aria-label="Incidents">
        {items.map((incident) => (
          <IncidentRow key={incident.id} incident={incident} />
        ))}
      </ul>
      <ShowMore list={list} label="Show more incidents" />
    </>
  )
}

function IncidentRow({ incident }: { incident: Incident }) {
  const teamName = useTeamName()
  return (
    <li>
      <div className="item-row">
        <span className="incident-key">{incident.key}</span>
        <Link className="item-title" to={`/incidents/${incident.key}`}>
          {incident.title}
        </Link>
        <span className="weighted" title="Weighted harm = harm × surprise">
          Weighted harm <strong>{incident.weightedHarm}</strong>
        </span>
      </div>
      <div className="item-row meta">
        <Badge tone={incident.status === 'resolved' ? 'good' : 'accent'}>{incidentStatusLabels[incident.status]}</Badge>
        <span>{teamName(incident.reportingTeamId)}</span>
        <span>discovered {formatDay(incident.discoveredAt)}</span>
        <span>{rootCauseLabels[incident.rootCause].label}</span>
        {incident.anonymous && <Badge>Anonymous</Badge>}
        {incident.restricted && <Badge tone="warn">Team only</Badge>}
      </div>
    </li>
  )
}
