import type { TopDecisions, TopGaps } from '@misalign/shared'
import { gapStatusLabels } from '../../../lib/labels'
import { useTeamName } from '../../../lib/reference-data'
import { useTopDecisions, useTopGaps } from '../api/analytics'
import { type DashboardView, drillHref } from '../filters'
import type { Column, TableSpec } from '../table'
import { ChartCard } from './chart-card'
import { shorten } from './chart-kit'
import { WeightedHarmBars } from './weighted-harm-bars'

type Ranked = TopDecisions['items'][number] | TopGaps['items'][number]

/** The columns both rankings share: the numbers a leader needs to pick what to fix first. */
function rankedColumns<R extends Ranked>(href: (r: R) => string): Column<R>[] {
  return [
    { header: 'Incidents', value: (r) => r.incidents, isNumeric: true, href },
    { header: 'Weighted harm (harm × surprise)', value: (r) => r.weightedHarm, isNumeric: true },
    { header: 'Teams affected', value: (r) => r.teamsAffected, isNumeric: true },
    { header: 'Incidents per month', value: (r) => r.recurrencePerMonth, isNumeric: true },
    { header: 'First discovered', value: (r) => r.firstDiscoveredAt },
    { header: 'Last discovered', value: (r) => r.lastDiscoveredAt },
  ]
}

function RankedBars<R extends Ranked>(props: { rows: R[]; titleOf: (r: R) => string; hrefOf: (r: R) => string }) {
  return (
    <WeightedHarmBars
      rows={props.rows}
      labelOf={(r) => shorten(props.titleOf(r), 28)}
      titleOf={props.titleOf}
      hrefOf={props.hrefOf}
      axisLabel="Weighted harm"
      rowHeight={30}
      labelWidth={190}
    />
  )
}

export function TopDecisionsChart({ view, fileSuffix }: { view: DashboardView; fileSuffix: string }) {
  const top = useTopDecisions(view.filters)
  const teamName = useTeamName()
  const rows = top.data?.items ?? []
  const hrefOf = (r: TopDecisions['items'][number]) => drillHref(view.filters, { decisionId: r.decisionId })
  const table: TableSpec<TopDecisions['items'][number]> = {
    caption: 'Decisions ranked by weighted harm',
    columns: [
      { header: 'Decision', value: (r) => r.title, href: (r) => `/decisions/${r.decisionId}` },
      { header: 'Owner team', value: (r) => teamName(r.owningTeamId) },
      { header: 'Class', value: (r) => (r.decisionClass === 'agreement' ? 'Agreement (no tradeoff)' : 'Strategy-bearing') },
      ...rankedColumns(hrefOf),
    ],
    rows,
    rowKey: (r) => r.decisionId,
  }
  return (
    <ChartCard
      id="top-decisions"
      title="Decisions that caused the most harm: top 10 by weighted harm"
      description="Weighted harm sums harm × surprise over the incidents traced to each decision; the table adds teams affected and how often it recurs (incidents per month between its first and last discovery)."
      query={top}
      isEmpty={rows.length === 0}
      emptyText="No incident in this view is traced to a recorded decision."
      table={table}
      fileSuffix={fileSuffix}
      note="Select a bar, or an incident count in the table, to open the decision’s incidents."
      chart={() => <RankedBars rows={rows} titleOf={(r) => r.title} hrefOf={hrefOf} />}
    />
  )
}

export function TopGapsChart({ view, fileSuffix }: { view: DashboardView; fileSuffix: string }) {
  const top = useTopGaps(view.filters)
  const rows = top.data?.items ?? []
  const hrefOf = (r: TopGaps['items'][number]) => drillHref(view.filters, { gapId: r.gapId })
  const table: TableSpec<TopGaps['items'][number]> = {
    caption: 'Strategy gaps ranked by weighted harm',
    columns: [
      { header: 'Strategy gap', value: (r) => r.title, href: (r) => `/strategy-gaps/${r.gapId}` },
      { header: 'Status', value: (r) => gapStatusLabels[r.status] },
      ...rankedColumns(hrefOf),
    ],
    rows,
    rowKey: (r) => r.gapId,
  }
  return (
    <ChartCard
      id="top-gaps"
      title="Strategy gaps that caused the most harm: top 10 by weighted harm"
      description="Weighted harm sums harm × surprise over the incidents pointing at each gap; the table adds teams affected and recurrence."
      query={top}
      isEmpty={rows.length === 0}
      emptyText="No incident in this view points at a strategy gap."
      table={table}
      fileSuffix={fileSuffix}
      note="Select a bar, or an incident count in the table, to open the gap’s incidents."
      chart={() => <RankedBars rows={rows} titleOf={(r) => r.title} hrefOf={hrefOf} />}
    />
  )
}
