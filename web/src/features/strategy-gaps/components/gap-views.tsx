import { type GapContext, type StrategyGap, WEIGHTED_HARM_EXPLANATION } from '@misalign/shared'
import { Link } from 'react-router'
import { EmptyState, Loading, ProblemMessage } from '../../../components/feedback'
import { Badge } from '../../../components/page'
import { incidentListHref } from '../../../lib/incident-filters'
import { countOf, formatDay, gapStatusLabels } from '../../../lib/labels'
import { useTeamName } from '../../../lib/reference-data'
import { DetachDecisionButton } from './gap-attach'

export const GapStatusMark = ({ gap }: { gap: Pick<StrategyGap, 'status'> }) => (
  <Badge tone={gap.status === 'verified' ? 'good' : gap.status === 'open' ? 'warn' : 'accent'}>
    {gapStatusLabels[gap.status]}
  </Badge>
)

/** Each lifecycle step taken, with who took it and when; the owner is the leader who acknowledged it. */
export function GapSteps({ gap, context }: { gap: StrategyGap; context: GapContext | undefined }) {
  const nameOf = (id: string | null) =>
    id ? (context?.people.find((p) => p.id === id)?.displayName ?? 'someone no longer here') : 'nobody recorded'
  const steps = [
    ['Acknowledged', gap.acknowledged],
    ['Strategy published', gap.published],
    ['Verified', gap.verified],
    ['Won’t fix', gap.wontFix],
  ] as const
  return (
    <dl className="facts" aria-label="Lifecycle steps">
      <dt>Opened</dt>
      <dd>{formatDay(gap.createdAt)}</dd>
      <dt>Owning leader</dt>
      <dd>{gap.ownerId ? nameOf(gap.ownerId) : 'Nobody yet'}</dd>
      {steps
        .filter(([, step]) => step.at)
        .map(([label, step]) => (
          <div key={label} className="contents">
            <dt>{label}</dt>
            <dd>
              {formatDay(step.at)} by {nameOf(step.byId)}
            </dd>
          </div>
        ))}
      {/* A strategy drafted for the gap is linked before it addresses anything: say which it is. */}
      <dt>{context?.strategy?.status === 'draft' ? 'Strategy being drafted' : 'Addressed by'}</dt>
      <dd>
        {context?.strategy ? (
          <>
            <Link to={`/strategies/${context.strategy.id}`}>{context.strategy.title}</Link>
            {context.strategy.status === 'draft' && ' (draft, not published yet)'}
            {context.strategy.publishedAt && <> (published {formatDay(context.strategy.publishedAt)})</>}
          </>
        ) : (
          'No strategy yet'
        )}
      </dd>
      {gap.wontFixReason && (
        <>
          <dt>Why not</dt>
          <dd>{gap.wontFixReason}</dd>
        </>
      )}
    </dl>
  )
}

/**
 * The decisions behind the gap (its own, whose incidents count towards it) and those its incidents
 * name; an agreement without its tradeoff is marked as such.
 */
export function GapDecisions({
  gapId,
  context,
  mayUpdate,
}: {
  gapId: string
  context: GapContext | undefined
  mayUpdate: boolean
}) {
  const teamName = useTeamName()
  if (!context) return null
  // The decisions its incidents merely name are the groups of the incident list beside this;
  // listing them here too made a gap of 94 decisions 7,000 px tall.
  const listed = context.decisions.filter((d) => d.isBehindGap || d.countsTowardsGapId)
  const namedOnly = context.decisions.length - listed.length
  return (
    <section className="card" aria-labelledby="gap-decisions">
      <h2 id="gap-decisions">Decisions behind them</h2>
      {context.decisions.length === 0 && <p>No decision is behind this gap yet, and none of its incidents names one.</p>}
      {namedOnly > 0 && (
        <p className="hint">
          {listed.length === 0 ? 'No decision is put behind this gap; its' : 'Its'} incidents also name{' '}
          {countOf(namedOnly, 'other decision')}: they are the groups of the incident list.
        </p>
      )}
      {listed.length > 0 && (
        <ul className="gap-decision-list">
          {listed.map((d) => (
            <li key={d.id}>
              <Link to={`/decisions/${d.id}`}>{d.title}</Link>{' '}
              <Badge tone={d.hasTradeoff ? 'good' : 'warn'}>{d.hasTradeoff ? 'Strategy-bearing' : 'Agreement'}</Badge>{' '}
              {d.isBehindGap && <Badge tone="accent">Behind this gap</Badge>}{' '}
              <span className="hint">
                by {teamName(d.owningTeamId)} ·{' '}
                <Link to={incidentListHref({ gapId, decisionId: d.id })}>{countOf(d.incidents, 'incident')}</Link>, weighted harm{' '}
                {d.weightedHarm}
              </span>
              {d.countsTowardsGapId && (
                <p className="hint">
                  Its incidents count towards{' '}
                  <Link to={`/strategy-gaps/${d.countsTowardsGapId}`}>the gap that named it first</Link>, until it is taken off
                  that gap.
                </p>
              )}
              {mayUpdate && d.isBehindGap && <DetachDecisionButton gapId={gapId} decisionId={d.id} title={d.title} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
