import { type RootCause, rootCauses, type Trends } from '@misalign/shared'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import { Bar, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts'
import { rootCauseLabels } from '../../../lib/labels'
import { useTrends } from '../api/analytics'
import { type DashboardView, drillHref, periodEnd } from '../filters'
import type { Column, TableSpec } from '../table'
import { axisTick } from './axis-tick'
import { ChartCard } from './chart-card'
import { axisTitle, colors, isPartialPeriod, periodAxisLabel, periodLabel, rootCauseColors, tickEvery } from './chart-kit'
import { ChartLegend } from './chart-legend'
import { SmallMultiple } from './small-multiple'

type Period = Trends['periods'][number]
type Measure = 'incidents' | 'weightedHarm'
const measureWords: Record<Measure, string> = { incidents: 'Incidents', weightedHarm: 'Weighted harm' }

function usePeriodHref(view: DashboardView) {
  return (period: string, rootCause?: RootCause) =>
    drillHref(view.filters, {
      ...(rootCause ? { rootCause: [rootCause] } : {}),
      period: { start: period, end: periodEnd(view.interval, period) },
    })
}

/** A round top for a shared scale, so the panels' gridlines read as whole numbers. */
const niceMax = (value: number) => {
  const step = value <= 10 ? 2 : value <= 50 ? 10 : value <= 200 ? 20 : 100
  return Math.ceil(value / step) * step
}

/**
 * Small multiples, one panel per root cause on a shared scale: a cause that rises or falls over
 * the year is read straight off its own panel, which a stack or six crossing lines hide.
 */
export function RootCauseTrends({ view, fileSuffix }: { view: DashboardView; fileSuffix: string }) {
  const trends = useTrends(view.filters, view.interval)
  const navigate = useNavigate()
  const hrefOf = usePeriodHref(view)
  const [measure, setMeasure] = useState<Measure>('incidents')
  const periods = trends.data?.periods ?? []
  const interval = trends.data?.interval ?? view.interval
  const cellOf = (p: Period, rc: RootCause) => p.byRootCause.find((c) => c.rootCause === rc)
  const max = niceMax(Math.max(1, ...periods.flatMap((p) => p.byRootCause.map((c) => c[measure]))))
  const partial = (period: string) => isPartialPeriod(period, periodEnd(interval, period), view.filters.from, view.filters.to)
  const hasPartial = periods.some((p) => partial(p.period))

  const columns: Column<Period>[] = [
    { header: periodAxisLabel(interval), value: (p) => p.period },
    ...rootCauses.map(
      (rc): Column<Period> => ({
        header: rootCauseLabels[rc].label,
        value: (p) => cellOf(p, rc)?.[measure] ?? 0,
        isNumeric: true,
        href: (p) => hrefOf(p.period, rc),
      }),
    ),
    { header: `All root causes (${measureWords[measure].toLowerCase()})`, value: (p) => p[measure], isNumeric: true },
  ]
  const table: TableSpec<Period> = {
    caption: `${measureWords[measure]} per ${interval} by root cause`,
    columns,
    rows: periods,
    rowKey: (p) => p.period,
  }

  return (
    <ChartCard
      id="root-cause-trends"
      title={`${measureWords[measure]} by root cause, per ${interval}`}
      description={
        <>
          Incidents counted by the {interval} they were discovered; weighted harm sums harm × surprise (1–25 per incident). Every
          panel has the same scale. Select a bar to open its incidents.
        </>
      }
      query={trends}
      isEmpty={periods.every((p) => p.incidents === 0)}
      table={table}
      fileSuffix={fileSuffix}
      className="span-all"
      note={
        hasPartial
          ? 'Lighter bars are periods only partly inside the chosen dates; the dashed line is the straight-line trend over the whole periods.'
          : 'The dashed line is the straight-line trend of each root cause.'
      }
      chart={() => (
        <div className="small-multiples">
          {rootCauses.map((rc) => (
            <figure key={rc} className="small-multiple">
              <figcaption>
                <span className="swatch" style={{ background: rootCauseColors[rc] }} aria-hidden="true" />
                {rootCauseLabels[rc].label}
              </figcaption>
              <SmallMultiple
                name={rootCauseLabels[rc].label}
                color={rootCauseColors[rc]}
                measure={measureWords[measure]}
                max={max}
                points={periods.map((p) => ({
                  period: p.period,
                  label: periodLabel(interval, p.period),
                  value: cellOf(p, rc)?.[measure] ?? 0,
                  isPartial: partial(p.period),
                }))}
                hrefOf={(period) => hrefOf(period, rc)}
                onSelect={(href) => navigate(href)}
              />
            </figure>
          ))}
        </div>
      )}
    >
      <fieldset className="view-switch measure-switch">
        <legend>Count</legend>
        {(['incidents', 'weightedHarm'] as const).map((m) => (
          <button key={m} type="button" aria-pressed={measure === m} onClick={() => setMeasure(m)}>
            {measureWords[m]}
          </button>
        ))}
      </fieldset>
    </ChartCard>
  )
}

/**
 * DESIGN.md: fewer incidents can mean teams stopped deciding or hid their decisions, so incident
 * counts over time always stand beside the decisions recorded and incidents per decision.
 */
export function IncidentsPerDecision({ view, fileSuffix }: { view: DashboardView; fileSuffix: string }) {
  const trends = useTrends(view.filters, view.interval)
  const navigate = useNavigate()
  const hrefOf = usePeriodHref(view)
  const periods = trends.data?.periods ?? []
  const interval = trends.data?.interval ?? view.interval
  const data = periods.map((p) => ({ ...p, label: periodLabel(interval, p.period) }))

  const table: TableSpec<Period> = {
    caption: `Incidents, decisions recorded and incidents per decision, per ${interval}`,
    columns: [
      { header: periodAxisLabel(interval), value: (p) => p.period },
      { header: 'Incidents', value: (p) => p.incidents, isNumeric: true, href: (p) => hrefOf(p.period) },
      { header: 'Weighted harm (harm × surprise)', value: (p) => p.weightedHarm, isNumeric: true },
      { header: 'Decisions recorded', value: (p) => p.decisionsRecorded, isNumeric: true },
      { header: 'Incidents per decision', value: (p) => p.incidentsPerDecision, isNumeric: true },
    ],
    rows: periods,
    rowKey: (p) => p.period,
  }

  return (
    <ChartCard
      id="incidents-per-decision"
      title={`Incidents beside decisions recorded, per ${interval}`}
      description="Fewer incidents is good news only if teams kept deciding: decisions recorded (by the day they were taken, filtered by decision owner team only) and incidents per decision are shown beside the incident count."
      query={trends}
      isEmpty={periods.every((p) => p.incidents === 0 && p.decisionsRecorded === 0)}
      table={table}
      fileSuffix={fileSuffix}
      className="span-all"
      note="Select an incidents bar to open that period's incidents. Decisions are listed on the Decisions page."
      chart={() => (
        <>
          <ChartLegend
            items={[
              { label: 'Incidents', color: colors.primary },
              { label: 'Decisions recorded', color: colors.muted },
              { label: 'Incidents per decision (right axis)', color: colors.secondary, shape: 'line' },
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
            <YAxis
              yAxisId="count"
              allowDecimals={false}
              tick={axisTick}
              interval={0}
              label={axisTitle('Incidents, decisions', 'left', 60)}
            />
            <YAxis
              yAxisId="ratio"
              orientation="right"
              tick={axisTick}
              interval={0}
              label={axisTitle('Incidents per decision', 'right', 70)}
            />
            <Tooltip />
            <Bar
              yAxisId="count"
              dataKey="incidents"
              name="Incidents"
              fill={colors.primary}
              cursor="pointer"
              isAnimationActive={false}
              onClick={(_, index) => {
                const p = periods[index]
                if (p) navigate(hrefOf(p.period))
              }}
            />
            <Bar
              yAxisId="count"
              dataKey="decisionsRecorded"
              name="Decisions recorded"
              fill={colors.muted}
              isAnimationActive={false}
            />
            <Line
              yAxisId="ratio"
              dataKey="incidentsPerDecision"
              name="Incidents per decision"
              stroke={colors.secondary}
              strokeWidth={2}
              connectNulls={false}
              isAnimationActive={false}
            />
          </ComposedChart>
        </>
      )}
    />
  )
}
