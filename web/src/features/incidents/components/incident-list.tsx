import type { Incident } from '@misalign/shared'
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { Badge } from '../../../components/page'
import { PagedList, type SortChoice } from '../../../components/paged-list'
import { hasFilters } from '../../../lib/incident-filters'
import { formatDay, incidentStatusLabels, rootCauseLabels } from '../../../lib/labels'
import { useTeamName } from '../../../lib/reference-data'
import { type IncidentFilters, useIncidentList } from '../api/incidents'

export const incidentSortChoices: SortChoice[] = [
  { value: '-number', label: 'Newest report first' },
  { value: 'number', label: 'Oldest report first' },
  { value: '-discoveredAt', label: 'Most recently discovered' },
  { value: 'discoveredAt', label: 'Earliest discovered' },
  { value: '-weightedHarm', label: 'Most weighted harm' },
  { value: 'weightedHarm', label: 'Least weighted harm' },
]

/** The incident list: one page at a time, with its total and a sort that lives in the URL. */
export function IncidentList({
  filters,
  onSort,
  toolbar,
  renderItems = (items) => (
    <ul className="item-list" aria-label="Incidents">
      {items.map((incident) => (
        <IncidentRow key={incident.id} incident={incident} />
      ))}
    </ul>
  ),
}: {
  filters: IncidentFilters
  onSort?: (sort: string) => void
  renderItems?: (items: Incident[]) => ReactNode
  /** Beside the count: the incidents page puts its Export links here. */
  toolbar?: ReactNode
}) {
  const list = useIncidentList(filters)
  return (
    <PagedList
      query={list}
      noun="incidents"
      resetKey={JSON.stringify(filters)}
      toolbar={toolbar}
      sort={onSort && { value: filters.sort ?? '-number', choices: incidentSortChoices, onChange: onSort }}
      empty={
        hasFilters(filters) ? (
          <p>No incident matches these filters. Widen them, or clear them all.</p>
        ) : (
          <p>
            No incidents yet. When a decision surprises your team and hurts a goal, <Link to="/report">report it</Link>.
          </p>
        )
      }
    >
      {renderItems}
    </PagedList>
  )
}

export function IncidentRow({ incident }: { incident: Incident }) {
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
