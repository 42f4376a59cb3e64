import type { DashboardView } from '../filters'
import { DiscoveryLagChart } from './discovery-lag-chart'
import { HarmByKindChart, HarmByTeamChart } from './harm-charts'
import { DecisionClassChart, RemediationMixChart } from './mix-charts'
import { TopDecisionsChart, TopGapsChart } from './ranked-charts'
import { TeamMatrixChart } from './team-matrix-chart'
import { IncidentsPerDecision, RootCauseTrends } from './trend-charts'

/** Every chart of the dashboard. The route loads this module lazily: it is where recharts comes in. */
export default function DashboardCharts(props: { view: DashboardView; fileSuffix: string }) {
  return (
    <div className="dashboard-grid">
      <RootCauseTrends {...props} />
      <IncidentsPerDecision {...props} />
      <TeamMatrixChart {...props} />
      <DiscoveryLagChart {...props} />
      <DecisionClassChart {...props} />
      <HarmByTeamChart {...props} />
      <HarmByKindChart {...props} />
      <TopDecisionsChart {...props} />
      <TopGapsChart {...props} />
      <RemediationMixChart {...props} />
    </div>
  )
}
