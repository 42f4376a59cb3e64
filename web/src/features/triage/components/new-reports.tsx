import type { Incident, Page } from '@misalign/shared'
import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { EmptyState, Loading, ProblemMessage } from '../../../components/feedback'
import { rangeText } from '../../../components/paged-list'
import { api, toQuery } from '../../../lib/api'
import { incidentListHref } from '../../../lib/incident-filters'
import { incidentKeys } from '../../../lib/query-keys'
import type { IncidentFilters } from '../../incidents/api/incidents'
import { IncidentRow } from '../../incidents/components/incident-list'

/** How many new reports triage shows; the rest are one link away, in the incident list. */
const shown = 5

/**
 * New reports nobody has triaged yet (status open), newest first: the few at the top of the
 * inbox, and a link to all of them in the incident list, which pages and filters them.
 */
export function NewReports({ teamIds }: { teamIds: string[] | undefined }) {
  const filters: IncidentFilters = { status: ['open'], reportingTeamId: teamIds, sort: '-number' }
  const newest = useQuery({
    queryKey: incidentKeys.list({ ...filters, limit: shown }),
    queryFn: ({ signal }) => api.get<Page<Incident>>(`/incidents${toQuery({ ...filters, limit: shown })}`, { signal }),
  })
  if (newest.isPending) return <Loading label="Loading new reports" />
  if (newest.error) return <ProblemMessage error={newest.error} />
  const page = newest.data
  if (page.items.length === 0)
    return (
      <EmptyState>
        <p>Nothing waits for triage: every report has been looked at.</p>
      </EmptyState>
    )
  return (
    <>
      <p className="list-count">{rangeText(1, page.items.length, page, 'untriaged reports')}, newest first</p>
      <ul className="item-list" aria-label="New reports">
        {page.items.map((incident) => (
          <IncidentRow key={incident.id} incident={incident} />
        ))}
      </ul>
      <p>
        <Link to={incidentListHref(filters)}>Open all of them in the incident list</Link>
      </p>
    </>
  )
}
