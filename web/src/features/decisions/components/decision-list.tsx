import { type Decision, describeTradeoff } from '@misalign/shared'
import { type FormEvent, useState } from 'react'
import { Link } from 'react-router'
import { ExportLinks } from '../../../components/export-links'
import { Field } from '../../../components/field'
import { Badge } from '../../../components/page'
import { PagedList, type SortChoice } from '../../../components/paged-list'
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

const decisionSortChoices: SortChoice[] = [
  { value: '-decidedAt', label: 'Most recently decided' },
  { value: 'decidedAt', label: 'Earliest decided' },
  { value: 'title', label: 'Title, A to Z' },
  { value: '-title', label: 'Title, Z to A' },
]

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
      <PagedList
        query={list}
        noun="decisions"
        resetKey={JSON.stringify(filters)}
        toolbar={<ExportLinks path="/decisions" filters={filters} noun="decisions" />}
        sort={{
          value: filters.sort ?? '-decidedAt',
          choices: decisionSortChoices,
          onChange: (sort) => setFilters({ ...filters, sort: sort as DecisionFilters['sort'] }),
        }}
        empty={<p>No decision matches. Record the one you have in mind.</p>}
      >
        {(items) => (
          <ul className="item-list" aria-label="Decisions">
            {items.map((d) => (
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
      </PagedList>
    </>
  )
}
