import { describeTradeoff, type Strategy, strategyFreshness } from '@misalign/shared'
import { Link } from 'react-router'
import { ExportLinks } from '../../../components/export-links'
import { Loading, ProblemMessage } from '../../../components/feedback'
import { Badge } from '../../../components/page'
import { PagedList } from '../../../components/paged-list'
import { countOf, formatDay, localDay } from '../../../lib/labels'
import { useTeamName } from '../../../lib/reference-data'
import { type StrategyFilters, useRevisions, useStrategyList } from '../api/strategies'
import { AutonomyWinForm } from './autonomy-win'

/** Published, draft, retired, or stale: published and past its review date. */
export function FreshnessMark({ strategy }: { strategy: Strategy }) {
  switch (strategyFreshness(strategy, localDay())) {
    case 'draft':
      return <Badge>Draft</Badge>
    case 'retired':
      return <Badge>Retired</Badge>
    case 'stale':
      return (
        <Badge tone="warn" title="Published and past its review date: priorities may have moved">
          Stale
        </Badge>
      )
    case 'fresh':
      return <Badge tone="good">Published</Badge>
  }
}

export function StrategyList({ filters }: { filters: StrategyFilters }) {
  const list = useStrategyList(filters)
  const teamName = useTeamName()
  return (
    <PagedList
      query={list}
      noun="strategies"
      resetKey={JSON.stringify(filters)}
      toolbar={<ExportLinks path="/strategies" filters={filters} noun="strategies" />}
      empty={<p>No strategy here yet. A strategy states tradeoffs so teams can predict each other’s decisions.</p>}
    >
      {(items) => (
        <ul className="item-list" aria-label="Strategies">
          {items.map((s) => (
            <li key={s.id}>
              <div className="item-row">
                <Link className="item-title" to={`/strategies/${s.id}`}>
                  {s.title}
                </Link>
                <FreshnessMark strategy={s} />
                {s.revision > 1 && <span className="meta">revision {s.revision}</span>}
              </div>
              <div className="meta">
                {teamName(s.ownerTeamId)} · review by {formatDay(s.reviewBy)} · {countOf(s.tradeoffs.length, 'tradeoff')}
              </div>
            </li>
          ))}
        </ul>
      )}
    </PagedList>
  )
}

export function StrategyFacts({ strategy }: { strategy: Strategy }) {
  const teamName = useTeamName()
  return (
    <section className="card" aria-labelledby="strategy-facts">
      <h2 id="strategy-facts">The strategy</h2>
      {strategy.context && <p>{strategy.context}</p>}
      <h3>Tradeoffs</h3>
      <ul>
        {strategy.tradeoffs.map((t) => (
          <li key={`${t.prefer}|${t.over}|${t.forGoal}`} className="tradeoff-quote">
            {describeTradeoff(t)}
          </li>
        ))}
      </ul>
      <dl className="facts">
        <dt>Owner team</dt>
        <dd>{teamName(strategy.ownerTeamId)}</dd>
        <dt>Applies to</dt>
        <dd>{strategy.scopeTeamIds.length ? strategy.scopeTeamIds.map(teamName).join(', ') : 'The whole organisation'}</dd>
        <dt>Published</dt>
        <dd>{strategy.publishedAt ? formatDay(strategy.publishedAt) : 'Not yet'}</dd>
        <dt>Review by</dt>
        <dd>{formatDay(strategy.reviewBy)}</dd>
      </dl>
      {strategy.status === 'published' && <AutonomyWinForm strategy={strategy} />}
    </section>
  )
}

export function Revisions({ strategy }: { strategy: Strategy }) {
  const revisions = useRevisions(strategy.id)
  return (
    <section className="card" aria-labelledby="revisions-heading">
      <h2 id="revisions-heading">Revisions</h2>
      {revisions.isPending && <Loading label="Loading revisions" />}
      {revisions.error && <ProblemMessage error={revisions.error} />}
      {revisions.data && (
        <ol>
          {revisions.data.items.map((r) => (
            <li key={r.id}>
              {r.id === strategy.id ? (
                <strong>Revision {r.revision} (this one)</strong>
              ) : (
                <Link to={`/strategies/${r.id}`}>Revision {r.revision}</Link>
              )}{' '}
              <FreshnessMark strategy={r} /> {r.publishedAt && <span className="hint">published {formatDay(r.publishedAt)}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
