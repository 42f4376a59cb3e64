import type { GapImpact } from '@misalign/shared'
import { useState } from 'react'
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts'
import { Loading, ProblemMessage } from '../../../components/feedback'
import { Field } from '../../../components/field'
import { countOf, formatDay } from '../../../lib/labels'
import { useGapImpact } from '../api/strategy-gaps'

/*
 * recharts is heavy: this file is imported only by the gap detail route, a lazy chunk of its own,
 * so the register and every other screen load without it.
 */

const colors = { before: '#7a4b00', after: '#1e6b3a', harm: '#1f5f8b', grid: '#e3e5e8', text: '#1d2327' }
const perDecision = (incidents: number, decisions: number) =>
  decisions > 0 ? (Math.round((incidents / decisions) * 100) / 100).toString() : '—'
const change = (before: number, after: number) => {
  if (before === 0) return after === 0 ? 'no change' : `up from 0`
  const pct = Math.round(((after - before) / before) * 100)
  return pct === 0 ? 'no change' : `${pct > 0 ? '+' : '−'}${Math.abs(pct)}%`
}

function ImpactTable({ impact }: { impact: GapImpact }) {
  const { before, after } = impact
  if (!before || !after) return null
  return (
    <table className="data-table impact-table">
      <caption>
        {countOf(impact.windowWeeks, 'week')} before and after publication on {formatDay(impact.publishedAt)}
      </caption>
      <thead>
        <tr>
          <th scope="col">Measure</th>
          <th scope="col" className="numeric">
            Before ({formatDay(before.from)} – {formatDay(before.to)})
          </th>
          <th scope="col" className="numeric">
            After ({formatDay(after.from)} – {formatDay(after.to)})
          </th>
          <th scope="col" className="numeric">
            Change
          </th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">Incidents</th>
          <td className="numeric" data-testid="impact-before-incidents">
            {before.incidents}
          </td>
          <td className="numeric" data-testid="impact-after-incidents">
            {after.incidents}
          </td>
          <td className="numeric">{change(before.incidents, after.incidents)}</td>
        </tr>
        <tr>
          <th scope="row">Weighted harm (harm × surprise, summed)</th>
          <td className="numeric" data-testid="impact-before-harm">
            {before.weightedHarm}
          </td>
          <td className="numeric" data-testid="impact-after-harm">
            {after.weightedHarm}
          </td>
          <td className="numeric">{change(before.weightedHarm, after.weightedHarm)}</td>
        </tr>
        <tr>
          <th scope="row">Decisions recorded, org-wide</th>
          <td className="numeric">{before.decisions}</td>
          <td className="numeric">{after.decisions}</td>
          <td className="numeric">{change(before.decisions, after.decisions)}</td>
        </tr>
        <tr>
          <th scope="row">Incidents in this gap per decision recorded</th>
          <td className="numeric">{perDecision(before.incidents, before.decisions)}</td>
          <td className="numeric">{perDecision(after.incidents, after.decisions)}</td>
          <td className="numeric" />
        </tr>
      </tbody>
    </table>
  )
}

function ImpactChart({ impact }: { impact: GapImpact }) {
  const data = impact.series.map((s) => ({
    ...s,
    label: formatDay(s.period),
    beforeIncidents: s.side === 'before' ? s.incidents : null,
    afterIncidents: s.side === 'after' ? s.incidents : null,
  }))
  return (
    <ComposedChart
      data={data}
      responsive
      style={{ width: '100%', height: 300 }}
      margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
      accessibilityLayer
    >
      <CartesianGrid vertical={false} stroke={colors.grid} />
      <XAxis dataKey="label" tick={{ fontSize: 11, fill: colors.text }} interval="preserveStartEnd" minTickGap={24} />
      <YAxis yAxisId="incidents" allowDecimals={false} tick={{ fontSize: 11, fill: colors.text }} width={36} />
      <YAxis yAxisId="harm" orientation="right" allowDecimals={false} tick={{ fontSize: 11, fill: colors.text }} width={40} />
      <Tooltip />
      <Legend verticalAlign="top" height={28} itemSorter={null} />
      <ReferenceLine
        yAxisId="incidents"
        x={formatDay(impact.publishedAt)}
        stroke={colors.text}
        strokeDasharray="4 4"
        label={{ value: 'Strategy published', position: 'insideTopLeft', fontSize: 11, fill: colors.text }}
      />
      <Bar
        yAxisId="incidents"
        dataKey="beforeIncidents"
        name="Incidents before"
        fill={colors.before}
        stackId="n"
        isAnimationActive={false}
      />
      <Bar
        yAxisId="incidents"
        dataKey="afterIncidents"
        name="Incidents after"
        fill={colors.after}
        stackId="n"
        isAnimationActive={false}
      />
      <Line
        yAxisId="harm"
        dataKey="weightedHarm"
        name="Weighted harm (right scale)"
        stroke={colors.harm}
        strokeWidth={2}
        dot={false}
        isAnimationActive={false}
      />
    </ComposedChart>
  )
}

/** Before/after of the addressing strategy's publication: the chart, and the numbers beside it. */
export function GapImpactSection({ gapId }: { gapId: string }) {
  const [weeks, setWeeks] = useState<number | undefined>(undefined)
  const impact = useGapImpact(gapId, weeks)
  return (
    <section className="card impact" aria-labelledby="impact-heading">
      <h2 id="impact-heading">Before and after the strategy</h2>
      {impact.isPending && <Loading label="Comparing before and after" />}
      {impact.error && <ProblemMessage error={impact.error} title="The before/after could not be computed." />}
      {impact.data && !impact.data.publishedAt && (
        <p>No published strategy addresses this gap yet, so there is no before and after to compare.</p>
      )}
      {impact.data?.publishedAt && impact.data.windowWeeks === 0 && (
        <p>The strategy was published on {formatDay(impact.data.publishedAt)}, less than a week ago: come back in a week.</p>
      )}
      {impact.data?.publishedAt && impact.data.windowWeeks > 0 && (
        <>
          <p className="hint">
            Weekly incidents in this gap and their weighted harm, in equal windows on each side of the publication day (windows
            shrink to the weeks that have passed since). Fewer incidents can also mean teams stopped deciding, so decisions
            recorded over the same weeks are shown beside them.
          </p>
          <div className="row">
            <Field id="impact-weeks" label="Weeks on each side">
              {(c) => (
                <select
                  {...c}
                  value={weeks ?? ''}
                  onChange={(e) => setWeeks(e.target.value ? Number(e.target.value) : undefined)}
                >
                  <option value="">12 (default)</option>
                  {[4, 8, 26, 52].map((w) => (
                    <option key={w} value={w}>
                      {w}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <div className="impact-layout">
            <figure className="impact-figure" aria-label="Incidents and weighted harm per week around the publication">
              <ImpactChart impact={impact.data} />
            </figure>
            <ImpactTable impact={impact.data} />
          </div>
        </>
      )}
    </section>
  )
}
