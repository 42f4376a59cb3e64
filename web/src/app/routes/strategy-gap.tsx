import { mayAttempt } from '@misalign/shared'
import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { Loading, ProblemMessage } from '../../components/feedback'
import { PageHeader, usePageTitle } from '../../components/page'
import { useGap } from '../../features/strategy-gaps/api/strategy-gaps'
import { GapForm, GapLifecycle } from '../../features/strategy-gaps/components/gap-forms'
import { GapIncidents, GapStatusMark } from '../../features/strategy-gaps/components/gap-views'
import { formatDay } from '../../lib/labels'
import { useUser } from '../../lib/session'

export default function StrategyGapRoute() {
  const { id = '' } = useParams()
  const gap = useGap(id)
  const user = useUser()
  const [isEditing, setEditing] = useState(false)
  usePageTitle(gap.data?.title ?? 'Strategy gap')

  if (gap.isPending) return <Loading label="Loading the strategy gap" />
  if (gap.error) return <ProblemMessage error={gap.error} title="This strategy gap could not be shown." />
  const g = gap.data
  const mayUpdate = mayAttempt(user, 'gap.update')
  const steps = [
    ['Acknowledged', g.acknowledged.at],
    ['Strategy published', g.published.at],
    ['Verified', g.verified.at],
    ['Won’t fix', g.wontFix.at],
  ] as const
  return (
    <>
      <p>
        <Link to="/strategy-gaps">← All strategy gaps</Link>
      </p>
      <PageHeader
        title={g.title}
        intro={<GapStatusMark gap={g} />}
        actions={
          mayUpdate && !isEditing ? (
            <button type="button" className="button-secondary" onClick={() => setEditing(true)}>
              Edit
            </button>
          ) : undefined
        }
      />
      {!mayUpdate && <p className="hint">Read-only for you: leaders and admins move strategy gaps through their lifecycle.</p>}
      {isEditing && <GapForm key={g.version} gap={g} onCancel={() => setEditing(false)} onSaved={() => setEditing(false)} />}
      <div className="detail-grid">
        <section className="card" aria-labelledby="gap-facts">
          <h2 id="gap-facts">The gap</h2>
          <p>{g.description || 'No description yet.'}</p>
          <dl className="facts">
            <dt>Opened</dt>
            <dd>{formatDay(g.createdAt)}</dd>
            {steps
              .filter(([, at]) => at)
              .map(([label, at]) => (
                <div key={label} className="contents">
                  <dt>{label}</dt>
                  <dd>{formatDay(at)}</dd>
                </div>
              ))}
            {g.addressedByStrategyId && (
              <>
                <dt>Addressed by</dt>
                <dd>
                  <Link to={`/strategies/${g.addressedByStrategyId}`}>the strategy that closes it</Link>
                </dd>
              </>
            )}
            {g.wontFixReason && (
              <>
                <dt>Why not</dt>
                <dd>{g.wontFixReason}</dd>
              </>
            )}
          </dl>
        </section>
        <GapIncidents gapId={g.id} />
        {mayUpdate && <GapLifecycle gap={g} userId={user.id} />}
      </div>
    </>
  )
}
