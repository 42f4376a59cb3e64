import { impactChange, impactSentence, type ReviewGapImpact } from '@misalign/shared'
import { Link } from 'react-router'
import { Bar, BarChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts'
import { EmptyState } from '../../../components/feedback'
import { countOf, formatDay, gapStatusLabels } from '../../../lib/labels'
import { IncidentCount, Section } from './review-sections'
import './leadership-review.css'

/*
 * "Did the strategies we published work?", one small chart per gap: weekly incidents counting
 * towards the gap, before and after its strategy was published, with the sentence and the %
 * change of shared/src/domain/impact-sentence.ts (the Markdown export says the same). One axis
 * per chart: incidents per week. recharts is heavy; the leadership routes are lazy chunks.
 */

const colors = { before: '#7a4b00', after: '#1e6b3a', grid: '#e3e5e8', text: '#1d2327' }

function WeeklyChart({ gap }: { gap: ReviewGapImpact }) {
  const { impact } = gap
  const data = impact.series.map((s) => ({
    label: formatDay(s.period),
    before: s.side === 'before' ? s.incidents : null,
    after: s.side === 'after' ? s.incidents : null,
  }))
  return (
    <BarChart
      data={data}
      responsive
      style={{ width: '100%', height: 180 }}
      margin={{ top: 16, right: 8, bottom: 0, left: 0 }}
      accessibilityLayer
    >
      <CartesianGrid vertical={false} stroke={colors.grid} />
      <XAxis dataKey="label" tick={{ fontSize: 11, fill: colors.text }} interval="preserveStartEnd" minTickGap={16} />
      <YAxis
        allowDecimals={false}
        tick={{ fontSize: 11, fill: colors.text }}
        width={32}
        label={{ value: 'Incidents a week', angle: -90, position: 'insideLeft', fontSize: 11, fill: colors.text, dy: 50 }}
      />
      <Tooltip
        labelFormatter={(label) => `Week of ${label}`}
        formatter={(value, name) => [countOf(Number(value), 'incident'), name === 'before' ? 'Before' : 'After']}
      />
      <ReferenceLine
        x={formatDay(impact.publishedAt)}
        stroke={colors.text}
        strokeDasharray="4 4"
        label={{ value: 'Published', position: 'top', fontSize: 11, fill: colors.text }}
      />
      <Bar dataKey="before" name="before" fill={colors.before} stackId="n" isAnimationActive={false} />
      <Bar dataKey="after" name="after" fill={colors.after} stackId="n" isAnimationActive={false} />
    </BarChart>
  )
}

function ChangeFigure({ label, before, after }: { label: string; before: number; after: number }) {
  const change = impactChange(before, after)
  const tone = change.kind === 'change' ? (after < before ? 'good' : 'bad') : change.kind === 'new' ? 'bad' : 'same'
  return (
    <div className="impact-change">
      <dt>{label}</dt>
      <dd>
        <span className={`impact-change-value impact-change-${tone}`}>{change.label}</span>
      </dd>
    </div>
  )
}

function GapImpactCard({ gap }: { gap: ReviewGapImpact }) {
  const { impact } = gap
  const sentence = impactSentence({ weeks: impact.windowWeeks, before: gap.before.incidents, after: gap.after.incidents })
  const headingId = `gap-impact-${gap.gapId}`
  return (
    <li className="gap-impact-card">
      <h3 id={headingId}>
        <Link to={`/strategy-gaps/${gap.gapId}`}>{gap.title}</Link>
      </h3>
      <p className="hint">
        {gapStatusLabels[gap.status]} · addressed by{' '}
        {impact.strategyId ? <Link to={`/strategies/${impact.strategyId}`}>{impact.strategyTitle}</Link> : 'a strategy'},
        published {formatDay(impact.publishedAt)}
      </p>
      <p className="impact-sentence">{sentence}</p>
      <dl className="impact-changes">
        <ChangeFigure label="Incidents" before={gap.before.incidents} after={gap.after.incidents} />
        <ChangeFigure label="Weighted harm" before={gap.before.weightedHarm} after={gap.after.weightedHarm} />
      </dl>
      <p className="hint impact-counts">
        Before: <IncidentCount tally={gap.before} noun />, weighted harm {gap.before.weightedHarm}. After:{' '}
        <IncidentCount tally={gap.after} noun />, weighted harm {gap.after.weightedHarm}. Decisions recorded org-wide:{' '}
        {impact.before?.decisions ?? 0} before, {impact.after?.decisions ?? 0} after.
      </p>
      <figure className="impact-figure" aria-label={`Incidents a week in “${gap.title}”, before and after: ${sentence}`}>
        <WeeklyChart gap={gap} />
        <figcaption className="hint">
          <span className="swatch swatch-before" aria-hidden="true" /> {countOf(impact.windowWeeks, 'week')} before{' '}
          <span className="swatch swatch-after" aria-hidden="true" /> {countOf(impact.windowWeeks, 'week')} after
        </figcaption>
      </figure>
    </li>
  )
}

export function GapImpactCharts({ items }: { items: ReviewGapImpact[] }) {
  // A gap with no incident on either side has nothing to chart: it is named in one line instead.
  const told = items.filter((g) => g.before.incidents + g.after.incidents > 0)
  const quiet = items.filter((g) => g.before.incidents + g.after.incidents === 0)
  return (
    <Section
      id="gap-impacts"
      title="Did the strategies we published work?"
      intro="For each gap a published strategy addresses: incidents counting towards the gap in equal weeks before and after publication. Fewer incidents can also mean teams stopped deciding, so decisions recorded over the same weeks are given too."
    >
      {items.length === 0 && (
        <EmptyState>
          <p>No strategy gap is addressed by a strategy published at least a week ago.</p>
        </EmptyState>
      )}
      {told.length > 0 && (
        <ul className="gap-impact-grid">
          {told.map((g) => (
            <GapImpactCard key={g.gapId} gap={g} />
          ))}
        </ul>
      )}
      {quiet.length > 0 && (
        <p className="quiet-gaps">
          No incident before or after its strategy was published, in the same weeks each side:{' '}
          {quiet.map((g, i) => (
            <span key={g.gapId}>
              {i > 0 && ', '}
              <Link to={`/strategy-gaps/${g.gapId}`}>{g.title}</Link> ({countOf(g.impact.windowWeeks, 'week')})
            </span>
          ))}
          .
        </p>
      )}
    </Section>
  )
}
