import { useNavigate } from 'react-router'
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts'
import { axisTick } from './axis-tick'
import { axisTitle, colors } from './chart-kit'
import { ChartLegend } from './chart-legend'

/**
 * Rows ranked by weighted harm as horizontal bars (harm by team, top decisions, top gaps). A
 * bar opens the incidents behind it; the tooltip names the row in full when the axis cuts it.
 */
export function WeightedHarmBars<R extends { weightedHarm: number | null }>(props: {
  rows: R[]
  /** What the category axis shows (short enough for `labelWidth`). */
  labelOf: (row: R) => string
  /** The whole name, for the tooltip; the axis label when not given. */
  titleOf?: (row: R) => string
  hrefOf: (row: R) => string
  axisLabel: string
  rowHeight: number
  labelWidth: number
}) {
  const navigate = useNavigate()
  const { rows, labelOf, titleOf = labelOf } = props
  const data = rows.map((r) => ({ ...r, label: labelOf(r), fullTitle: titleOf(r) }))
  return (
    <>
      <ChartLegend items={[{ label: 'Weighted harm (harm × surprise)', color: colors.primary }]} />
      <BarChart
        data={data}
        layout="vertical"
        responsive
        style={{ width: '100%', height: Math.max(200, props.rowHeight * data.length + 80) }}
        margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
      >
        <CartesianGrid horizontal={false} stroke={colors.grid} />
        <XAxis type="number" tick={axisTick} interval={0} label={axisTitle(props.axisLabel)} height={40} />
        {/* Keyed by the whole title and drawn cut, so a cut label keeps the whole title as its tooltip. */}
        <YAxis
          type="category"
          dataKey="fullTitle"
          tickFormatter={(title: string) => data.find((d) => d.fullTitle === title)?.label ?? title}
          tick={axisTick}
          width={props.labelWidth}
          interval={0}
        />
        <Tooltip
          labelFormatter={(_, payload) => (payload?.[0]?.payload as { fullTitle?: string } | undefined)?.fullTitle ?? ''}
        />
        <Bar
          dataKey="weightedHarm"
          name="Weighted harm"
          fill={colors.primary}
          cursor="pointer"
          isAnimationActive={false}
          onClick={(_, index) => {
            const r = rows[index]
            if (r) navigate(props.hrefOf(r))
          }}
        />
      </BarChart>
    </>
  )
}
