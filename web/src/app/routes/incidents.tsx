import { useMemo } from 'react'
import { Link, useSearchParams } from 'react-router'
import { ExportLinks } from '../../components/export-links'
import { PageHeader, usePageTitle } from '../../components/page'
import { IncidentFilterBar } from '../../features/incidents/components/incident-filters'
import { IncidentList } from '../../features/incidents/components/incident-list'
import { filtersFromSearch, withFilter } from '../../lib/incident-filters'
import { activeTeams, useTeams } from '../../lib/reference-data'

export default function IncidentsRoute() {
  usePageTitle('Incidents')
  const [search, setSearch] = useSearchParams()
  const filters = useMemo(() => filtersFromSearch(search), [search])
  const teams = useTeams()
  return (
    <>
      <PageHeader
        title="Incidents"
        intro="Every felt misalignment: a decision that surprised a team and hurt one of its goals. Filters and the sort stay in the address, so a link shows the same view."
        actions={
          <Link className="button-primary" to="/report">
            Report a misalignment
          </Link>
        }
      />
      <IncidentFilterBar teams={activeTeams(teams.data)} />
      <IncidentList
        filters={filters}
        onSort={(sort) => setSearch(withFilter(search, 'sort', sort === '-number' ? '' : sort))}
        toolbar={<ExportLinks path="/incidents" filters={filters} noun="incidents" />}
      />
    </>
  )
}
