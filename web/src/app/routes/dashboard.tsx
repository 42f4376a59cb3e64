import { lazy, Suspense, useMemo } from 'react'
import { Link, useSearchParams } from 'react-router'
import { Loading } from '../../components/feedback'
import { PageHeader, usePageTitle } from '../../components/page'
import { Term } from '../../components/term'
import { usePrefetchAnalytics } from '../../features/dashboard/api/analytics'
import { DashboardFilterBar } from '../../features/dashboard/components/dashboard-filters'
import { DashboardHeadline } from '../../features/dashboard/components/headline'
import { describeRange, viewFromSearch } from '../../features/dashboard/filters'
import { incidentListHref } from '../../lib/incident-filters'
import { localDay } from '../../lib/labels'
import { activeTeams, useTeams } from '../../lib/reference-data'

// recharts loads only here, and after the requests have started (see usePrefetchAnalytics).
const DashboardCharts = lazy(() => import('../../features/dashboard/components/dashboard-charts'))

export default function DashboardRoute() {
  usePageTitle('Dashboard')
  const [search] = useSearchParams()
  const today = localDay()
  const view = useMemo(() => viewFromSearch(search, today), [search, today])
  usePrefetchAnalytics(view.filters, view.interval)
  const teams = useTeams()
  return (
    <>
      <PageHeader
        title="Dashboard"
        intro={
          <>
            Where misalignment comes from, across teams: incidents discovered {describeRange(view)}.{' '}
            <Term id="weighted-harm">Weighted harm</Term> is harm × surprise (1–25 per incident). Every bar and cell opens the
            incidents behind it; <Link to={incidentListHref(view.filters)}>open all of them</Link>.
          </>
        }
      />
      <DashboardFilterBar view={view} teams={activeTeams(teams.data)} />
      <DashboardHeadline view={view} />
      <Suspense fallback={<Loading label="Loading the charts" />}>
        <DashboardCharts view={view} fileSuffix={`${view.filters.from ?? 'start'}_${view.filters.to ?? today}`} />
      </Suspense>
    </>
  )
}
