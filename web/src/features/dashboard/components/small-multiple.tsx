import { colors } from './chart-kit'

export interface MultiplePoint {
  period: string
  label: string
  value: number
  /** Only part of the period lies inside the chosen dates, so its bar is lower than the period's truth. */
  isPartial: boolean
}

const width = 340
const height = 150
const pad = { top: 8, right: 6, bottom: 22, left: 40 }
const plotWidth = width - pad.left - pad.right
const plotHeight = height - pad.top - pad.bottom

/** Least squares over the whole periods only: a partial first or last period would tilt the line. */
function trendLine(points: MultiplePoint[]): { x1: number; y1: number; x2: number; y2: number } | null {
  const whole = points.map((p, i) => ({ x: i, y: p.value, isPartial: p.isPartial })).filter((p) => !p.isPartial)
  if (whole.length < 3) return null
  const n = whole.length
  const mx = whole.reduce((s, p) => s + p.x, 0) / n
  const my = whole.reduce((s, p) => s + p.y, 0) / n
  const sxx = whole.reduce((s, p) => s + (p.x - mx) ** 2, 0)
  if (sxx === 0) return null
  const slope = whole.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0) / sxx
  const first = whole[0]?.x ?? 0
  const last = whole[n - 1]?.x ?? 0
  return { x1: first, y1: my + slope * (first - mx), x2: last, y2: my + slope * (last - mx) }
}

/** Every k-th period is labelled, and the last one when it is not too close to the one before. */
const isLabelled = (i: number, count: number, every: number) =>
  i % every === 0 || (i === count - 1 && (count - 1) % every >= every / 2)

/**
 * One panel of the root-cause small multiples, drawn as plain SVG: six recharts instances cost
 * more to lay out than the rest of the dashboard together. Each bar is a link to its incidents,
 * so it is reachable by keyboard; the card's table view carries the same numbers.
 */
export function SmallMultiple(props: {
  name: string
  color: string
  measure: string
  points: MultiplePoint[]
  max: number
  hrefOf: (period: string) => string
  /** Client-side navigation to a bar's incidents (an SVG link cannot be a router Link). */
  onSelect: (href: string) => void
}) {
  const { points, max, color } = props
  const step = plotWidth / Math.max(1, points.length)
  const barWidth = Math.max(1, step * 0.72)
  const y = (v: number) => pad.top + plotHeight - (v / max) * plotHeight
  const ticks = [0, Math.round(max / 2), max].filter((t, i, all) => all.indexOf(t) === i)
  const labelEvery = Math.max(1, Math.ceil(points.length / 5))
  const line = trendLine(points)
  const first = points.find((p) => !p.isPartial)
  const last = points.findLast((p) => !p.isPartial)
  const summary =
    first && last
      ? `${props.name}: ${props.measure.toLowerCase()} went from ${first.value} in ${first.label} to ${last.value} in ${last.label}. Each bar links to its incidents; the table view lists every period.`
      : `${props.name}: the table view lists every period.`

  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="small-multiple-svg">
      <title>{summary}</title>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={pad.left} x2={width - pad.right} y1={y(t)} y2={y(t)} stroke={colors.grid} />
          <text x={pad.left - 4} y={y(t) + 4} textAnchor="end" className="axis-text">
            {t}
          </text>
        </g>
      ))}
      <text className="axis-text" transform={`translate(10 ${pad.top + plotHeight / 2}) rotate(-90)`} textAnchor="middle">
        {props.measure}
      </text>
      {points.map((p, i) => {
        const label = `${props.name}, ${p.label}${p.isPartial ? ' (partly outside the dates)' : ''}: ${p.value} ${props.measure.toLowerCase()}`
        const href = props.hrefOf(p.period)
        return (
          <a
            key={p.period}
            href={href}
            aria-label={label}
            className="multiple-bar"
            onClick={(event) => {
              event.preventDefault()
              props.onSelect(href)
            }}
          >
            <title>{label}</title>
            {/* A full-height hit area, so a short bar is as easy to hit as a tall one. */}
            <rect x={pad.left + i * step} y={pad.top} width={step} height={plotHeight} fill="transparent" />
            <rect
              x={pad.left + i * step + (step - barWidth) / 2}
              y={y(p.value)}
              width={barWidth}
              height={Math.max(0, pad.top + plotHeight - y(p.value))}
              fill={color}
              opacity={p.isPartial ? 0.4 : 1}
            />
          </a>
        )
      })}
      {line && (
        <line
          x1={pad.left + line.x1 * step + step / 2}
          x2={pad.left + line.x2 * step + step / 2}
          y1={y(Math.max(0, line.y1))}
          y2={y(Math.max(0, line.y2))}
          stroke={colors.text}
          strokeWidth={1.5}
          strokeDasharray="5 3"
        />
      )}
      <line x1={pad.left} x2={width - pad.right} y1={pad.top + plotHeight} y2={pad.top + plotHeight} stroke={colors.text} />
      {points.map((p, i) =>
        isLabelled(i, points.length, labelEvery) ? (
          <text
            key={p.period}
            x={i === points.length - 1 ? width - pad.right : pad.left + i * step + step / 2}
            y={height - 6}
            textAnchor={i === points.length - 1 ? 'end' : 'middle'}
            className="axis-text"
          >
            {p.label}
          </text>
        ) : null,
      )}
    </svg>
  )
}
