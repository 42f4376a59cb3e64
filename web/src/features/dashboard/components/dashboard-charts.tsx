import type { ComponentType } from 'react'
import type { DashboardView } from '../filters'
import { type DashboardTabChart, dashboardTabs } from '../tabs'
import { DashboardTabs } from './dashboard-tabs'
import { DiscoveryLagChart } from './discovery-lag-chart'
import { HarmByKindChart, HarmByTeamChart } from './harm-charts'
import { DecisionClassChart, RemediationMixChart } from './mix-charts'
import { TopDecisionsChart, TopGapsChart } from './ranked-charts'
import { TeamMatrixChart } from './team-matrix-chart'
import { IncidentsPerDecision, RootCauseTrends } from './trend-charts'

type ChartProps = { view: DashboardView; fileSuffix: string }

/** The tabbed charts by their `data-chart` id; tabs.ts says which tab shows which. */
const tabCharts: Record<DashboardTabChart, ComponentType<ChartProps>> = {
  'root-cause-trends': RootCauseTrends,
  'incidents-per-decision': IncidentsPerDecision,
  'discovery-lag': DiscoveryLagChart,
  'decision-classes': DecisionClassChart,
  'harm-by-team': HarmByTeamChart,
  'harm-by-kind': HarmByKindChart,
  'remediation-mix': RemediationMixChart,
}

/**
 * The dashboard's charts: where to act first (the team pairs, decisions and gaps) above the fold,
 * then one tab of the rest at a time. Only the chosen tab's charts mount, so recharts draws what
 * is visible. The route loads this module lazily: it is where recharts comes in.
 */
export default function DashboardCharts(props: ChartProps) {
  return (
    <>
      <div className="dashboard-grid">
        <TeamMatrixChart {...props} />
        <TopDecisionsChart {...props} />
        <TopGapsChart {...props} />
      </div>
      <DashboardTabs>
        {(tab) => (
          <div className="dashboard-grid">
            {dashboardTabs
              .find((t) => t.id === tab)
              ?.charts.map((id) => {
                const Chart = tabCharts[id]
                return <Chart key={id} {...props} />
              })}
          </div>
        )}
      </DashboardTabs>
    </>
  )
}
