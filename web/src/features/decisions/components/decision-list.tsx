import { type Decision, describeTradeoff } from '@misalign/shared'
import { type FormEvent, useState } from 'react'
import { Link } from 'react-router'
import { EmptyState, Loading, ProblemMessage } from '../../../components/feedback'
import { Field } from '../../../components/field'
import { Badge } from '../../../components/page'
import { ShowMore } from '../../../components/show-more'
import { formatDay } from '../../../lib/labels'
import { useTeamName } from '../../../lib/reference-data'
import { type DecisionFilters, useDecisionList } from '../api/decisions'

export const ClassMark = ({ decision }: { decision: Pick<Decision, 'decisionClass'> }) =>
  decision.decisionClass === 'strategy_bearing' ? (
    <Badge tone="good" title="It carries its tradeoff, so partner teams can predict the next decision">
      Strategy-bearing
    </Badge>
  ) : (
    <Badge title="No stated tradeoff: it settles this decision only">Agreement</Badge>
  )

export function DecisionList() {
  const [filters, setFilters] = useState<DecisionFilters>({})
  const [q, setQ] = useState('')
  const list = useDecisionList(filters)
  const teamName = useTeamName()

  function search(event: FormEvent) {
    event.preventDefault()
    setFilters({ ...filters, q: q.trim() || undefined })
  }

  return (
    <>
      <form className="card filters" onSubmit={search} aria-label="Filter decisions">
        <Field id="decision-q" label="Search titles and summaries">
          {(c) => <input {...c} type="search" value={q} onChange={(e) => setQ(e.target.value)} />}
        </Field>
        <Field id="decision-class" label="Kind">
          {(c) => (
            <select
              {...c}
              value={filters.decisionClass ?? ''}
              onChange={(e) =>
                setFilters({ ...filters, decisionClass: (e.target.value || undefined) as DecisionFilters['decisionClass'] })
              }
            >
              <option value="">Any</option>
              <option value="strategy_bearing">Strategy-bearing</option>
              <option value="agreement">Agreement</option>
            </select>
          )}
        </Field>
        <div className="field">
          <button type="submit" className="button-secondary">
            Search
          </button>
        </div>
      </form>
      {list.isPending && <Loading label="Loading decisions" />}
      {!list.data && list.error && <ProblemMessage error={list.error} title="The decisions could not be loaded." />}
      {list.data && list.data.pages[0]?.items.length === 0 && (
        <EmptyState>
          <p>No decision matches. Record the one you have in mind.</p>
        </EmptyState>
      )}
      {list.data && (
        <ul className="item-list" aria-label="Decisions">
          {list.data.pages
            .flatMap((p) => p.items)
            .map((d) => (
              <li key={d.id}>
                <div className="item-row">
                  <Link className="item-title" to={`/decisions/${d.id}`}>
                    {d.title}
                  </Link>
                  <ClassMark decision={d} />
                  {d.status !== 'active' && <Badge tone="warn">{d.status}</Badge>}
                </div>
                <div className="meta">
                  {teamName(d.owningTeamId)} · decided {formatDay(d.decidedAt)}
                  {d.tradeoff && ` · ${describeTradeoff(d.tradeoff)}`}
                </div>
              </li>
            ))}
        </ul>
      )}
      <ShowMore list={list} label="Show more decisions" />
    </>
  )
}
