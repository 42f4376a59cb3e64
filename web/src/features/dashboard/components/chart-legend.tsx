/**
 * A legend in HTML beside the chart rather than recharts' own, which measures itself with a
 * layout pass per chart: with a dozen charts that was a visible part of the first render.
 */
export function ChartLegend({ items }: { items: { label: string; color: string; shape?: 'bar' | 'line' }[] }) {
  return (
    <ul className="chart-legend">
      {items.map((item) => (
        <li key={item.label}>
          <span
            className={item.shape === 'line' ? 'legend-line' : 'swatch'}
            style={{ background: item.color }}
            aria-hidden="true"
          />
          {item.label}
        </li>
      ))}
    </ul>
  )
}
