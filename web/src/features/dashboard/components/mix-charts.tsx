import type { DecisionClassBreakdown, RemediationMix } from '@misalign/shared'
import { Link, useNavigate } from 'react-router'
import { Bar, BarChart, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts'
import { Term } from '../../../components/term'
import { useDecisionClasses, useRemediationMix } from '../api/analytics'
import { type DashboardView, drillHref } from '../filters'
import type { TableSpec } from '../table'
import { axisTick } from './axis-tick'
import { ChartCard } from './chart-card'
import { axisTitle, colors, periodAxisLabel, periodLabel, tickEvery } from './chart-kit'
import { ChartLegend } from './chart-legend'

type MixPeriod = RemediationMix['periods'][number]
const percent = (share: number | null) => (share === null ? null : `${Math.round(share * 100)}%`)

export function RemediationMixChart({ view, fileSuffix }: { view: DashboardView; fileSuffix: string }) {
  const mix = useRemediationMix(view.filters, view.interval)
  const periods = mix.data?.periods ?? []
  const interval = mix.data?.interval ?? view.interval
  const data = periods.map((p) => ({
    ...p,
    label: periodLabel(interval, p.period),
    sharePercent: p.antiMisalignmentShare === null ? null : Math.round(p.antiMisalignmentShare * 100),
  }))
  const table: TableSpec<MixPeriod> = {
    caption: `Retro actions per ${interval}: alignment vs anti-misalignment`,
    columns: [
      { header: periodAxisLabel(interval), value: (p) => p.period },
      { header: 'Alignment actions (sharing context)', value: (p) => p.alignment, isNumeric: true },
      { header: 'Anti-misalignment actions (adding control)', value: (p) => p.antiMisalignment, isNumeric: true },
      { header: 'Anti-misalignment share', value: (p) => percent(p.antiMisalignmentShare), isNumeric: true },
    ],
    rows: periods,
    rowKey: (p) => p.period,
  }
  return (
    <ChartCard
      id="remediation-mix"
      className="span-all"
      title={`What retros chose: alignment vs anti-misalignment actions, per ${interval}`}
      description={
        <>
          Retro actions by when they were recorded. <Term id="alignment-action">Alignment</Term> shares context (strategies,
          tradeoffs, discoverable decisions); <Term id="anti-misalignment" /> adds control (meetings, gates, freezes). The line is
          the anti-misalignment share.
        </>
      }
      query={mix}
      isEmpty={periods.every((p) => p.alignment + p.antiMisalignment === 0)}
      emptyText="No retro actions were recorded in this period."
      table={table}
      fileSuffix={fileSuffix}
      note={
        <>
          Actions are not incidents, so these bars do not open the incident list; see <Link to="/actions">Actions</Link>.
        </>
      }
      chart={() => (
        <>
          <ChartLegend
            items={[
              { label: 'Alignment actions', color: colors.tertiary },
              { label: 'Anti-misalignment actions', color: colors.secondary },
              { label: 'Anti-misalignment share (right axis)', color: colors.text, shape: 'line' },
            ]}
          />
          <ComposedChart
            data={data}
            responsive
            style={{ width: '100%', height: 280 }}
            margin={{ top: 8, right: 8, bottom: 8, left: 0 }}
          >
            <CartesianGrid vertical={false} stroke={colors.grid} />
            <XAxis
              dataKey="label"
              tick={axisTick}
              interval={tickEvery(data.length)}
              label={axisTitle(periodAxisLabel(interval))}
              height={40}
            />
            <YAxis yAxisId="count" allowDecimals={false} tick={axisTick} interval={0} label={axisTitle('Actions', 'left', 20)} />
            <YAxis
              yAxisId="share"
              orientation="right"
              domain={[0, 100]}
              unit="%"
              tick={axisTick}
              interval={0}
              label={axisTitle('Anti-misalignment share', 'right', 70)}
            />
            <Tooltip />
            <Bar
              yAxisId="count"
              dataKey="alignment"
              name="Alignment"
              stackId="a"
              fill={colors.tertiary}
              isAnimationActive={false}
            />
            <Bar
              yAxisId="count"
              dataKey="antiMisalignment"
              name="Anti-misalignment"
              stackId="a"
              fill={colors.secondary}
              isAnimationActive={false}
            />
            <Line
              yAxisId="share"
              dataKey="sharePercent"
              name="Anti-misalignment share (%)"
              stroke={colors.text}
              strokeWidth={2}
              connectNulls
              isAnimationActive={false}
            />
          </ComposedChart>
        </>
      )}
    />
  )
}

type ClassRow = DecisionClassBreakdown['items'][number]
const classWords: Record<ClassRow['decisionClass'], string> = {
  strategy_bearing: 'Strategy-bearing (stated tradeoff)',
  agreement: 'Agreement (no tradeoff)',
  no_decision_record: 'No decision recorded',
}

const shortClassWords: Record<ClassRow['decisionClass'], string> = {
  strategy_bearing: 'Strategy-bearing',
  agreement: 'Agreement',
  no_decision_record: 'No decision recorded',
}

export function DecisionClassChart({ view, fileSuffix }: { view: DashboardView; fileSuffix: string }) {
  const classes = useDecisionClasses(view.filters)
  const navigate = useNavigate()
  const rows = classes.data?.items ?? []
  const data = rows.map((r) => ({ ...r, shortLabel: shortClassWords[r.decisionClass] }))
  const hrefOf = (r: ClassRow) => (r.incidents > 0 ? drillHref(view.filters, { decisionClass: [r.decisionClass] }) : undefined)
  const table: TableSpec<ClassRow> = {
    caption: 'Incidents by the class of decision they were traced to',
    columns: [
      { header: 'Decision class', value: (r) => classWords[r.decisionClass] },
      { header: 'Incidents', value: (r) => r.incidents, isNumeric: true, href: hrefOf },
      { header: 'Weighted harm (harm × surprise)', value: (r) => r.weightedHarm, isNumeric: true },
      { header: 'Distinct decisions', value: (r) => r.decisions, isNumeric: true },
    ],
    rows,
    rowKey: (r) => r.decisionClass,
  }
  return (
    <ChartCard
      id="decision-classes"
      title="Agreement vs strategy-bearing: incidents by the decision’s class"
      description={
        <>
          An <Term id="agreement" /> settles one decision without saying why; a <Term id="strategy-bearing" /> decision states its
          tradeoff, so partner teams can predict the next one. <Term id="weighted-harm">Weighted harm</Term> = harm × surprise.
        </>
      }
      query={classes}
      isEmpty={rows.every((r) => r.incidents === 0)}
      table={table}
      fileSuffix={fileSuffix}
      note="Select a bar to open the incidents of that class."
      chart={() => (
        <>
          <ChartLegend
            items={[
              { label: 'Incidents', color: colors.primary },
              { label: 'Distinct decisions', color: colors.muted },
            ]}
          />
          <BarChart
            data={data}
            layout="vertical"
            responsive
            style={{ width: '100%', height: 240 }}
            margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
          >
            <CartesianGrid horizontal={false} stroke={colors.grid} />
            <YAxis type="category" dataKey="shortLabel" tick={axisTick} interval={0} width={130} />
            <XAxis
              type="number"
              allowDecimals={false}
              tick={axisTick}
              interval={0}
              label={axisTitle('Incidents, decisions')}
              height={40}
            />
            <Tooltip />
            <Bar
              dataKey="incidents"
              name="Incidents"
              fill={colors.primary}
              cursor="pointer"
              isAnimationActive={false}
              onClick={(_, index) => {
                const href = rows[index] && hrefOf(rows[index])
                if (href) navigate(href)
              }}
            />
            <Bar dataKey="decisions" name="Distinct decisions" fill={colors.muted} isAnimationActive={false} />
          </BarChart>
        </>
      )}
    />
  )
}
