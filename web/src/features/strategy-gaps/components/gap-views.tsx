import { type StrategyGap, WEIGHTED_HARM_EXPLANATION } from '@misalign/shared'
import { Link } from 'react-router'
import { EmptyState, Loading, ProblemMessage } from '../../../components/feedback'
import { Badge } from '../../../components/page'
import { countOf, formatDay, gapStatusLabels } from '../../../lib/labels'
import { type GapFilters, useGapIncidents, useGapList, useGapsIncidents } from '../api/strategy-gaps'

export const GapStatusMark = ({ gap }: { gap: StrategyGap }) => (
  <Badge tone={gap.status === 'verified' ? 'good' : gap.status === 'open' ? 'warn' : 'accent'}>
    {gapStatusLabels[gap.status]}
  </Badge>
)

/** Ranked by weighted harm, the sum of harm × surprise over the gap's incidents. */
export function GapList({ filters }: { filters: GapFilters }) {
  const list = useGapList(filters)
  const gaps = list.data?.items ?? []
  const incidents = useGapsIncidents(gaps.map((g) => g.id))
  if (list.isPending) return <Loading label="Loading strategy gaps" />
  if (list.error) return <ProblemMessage error={list.error} title="The strategy gaps could not be loaded." />
  if (gaps.length === 0)
    return (
      <EmptyState>
        <p>No strategy gap here. Gaps are opened when incidents point at missing or stale strategy.</p>
      </EmptyState>
    )
  const ranked = gaps
    .map((gap, i) => {
      const items = incidents[i]?.data?.items
      return { gap, count: items?.length, harm: items?.reduce((sum, x) => sum + x.weightedHarm, 0) }
    })
    .sort((a, b) => (b.harm ?? -1) - (a.harm ?? -1))
  return (
    <>
      <p className="hint">Ranked by weighted harm: {WEIGHTED_HARM_EXPLANATION}, summed over each gap’s incidents.</p>
      <ol className="item-list" aria-label="Strategy gaps, most harmful first">
        {ranked.map(({ gap, count, harm }) => (
          <li key={gap.id}>
            <div className="item-row">
              <Link className="item-title" to={`/strategy-gaps/${gap.id}`}>
                {gap.title}
              </Link>
              <GapStatusMark gap={gap} />
              <span className="weighted">
                {harm === undefined ? (
                  'Weighing…'
                ) : (
                  <>
                    Weighted harm <strong>{harm}</strong> · {countOf(count ?? 0, 'incident')}
                  </>
                )}
              </span>
            </div>
            <div className="meta">opened {formatDay(gap.createdAt)}</div>
          </li>
        ))}
      </ol>
    </>
  )
}

export function GapIncidents({ gapId }: { gapId: string }) {
  const incidents = useGapIncidents(gapId)
  if (incidents.isPending) return <Loading label="Loading the gap’s incidents" />
  if (incidents.error) return <ProblemMessage error={incidents.error} />
  const items = incidents.data.items
  const total = items.reduce((sum, x) => sum + x.weightedHarm, 0)
  return (
    <section className="card" aria-labelledby="gap-incidents">
      <h2 id="gap-incidents">Incidents in this gap</h2>
      {items.length === 0 ? (
        <EmptyState>
          <p>No incident points at this gap yet.</p>
        </EmptyState>
      ) : (
        <>
          <p>
            {countOf(items.length, 'incident')}, weighted harm <strong>{total}</strong>{' '}
            <span className="hint">({WEIGHTED_HARM_EXPLANATION}, summed)</span>
          </p>
          <ul>
            {items.map((i) => (
              <li key={i.id}>
                <Link to={`/incidents/${i.key}`}>
                  {i.key} {i.title}
                </Link>{' '}
                <span className="hint">
                  weighted harm {i.weightedHarm}, discovered {formatDay(i.discoveredAt)}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
