import { type Incident, type IncidentDecisionGroup, type IncidentGroupQuery, WEIGHTED_HARM_EXPLANATION } from '@misalign/shared'
import { useState } from 'react'
import { Link } from 'react-router'
import { EmptyState, Loading, ProblemMessage } from '../../../components/feedback'
import { countOf, formatDay } from '../../../lib/labels'
import { useIncidentDecisionGroups } from '../api/incidents'
import { IncidentList } from './incident-list'

/** Decisions per page: a gap's incidents can name ninety decisions, most of them once. */
const GROUPS_PER_PAGE = 10

/**
 * A gap's or a cluster's incidents grouped by the decision they name, each group with its count
 * and weighted harm. A group opens onto its own paged list, so a gap with 142 incidents is a few
 * lines until someone asks for one decision's reports. With `showMissingContext` (a gap) the
 * heaviest group starts open: what context was missing is the point of the page.
 */
export function IncidentsByDecision({
  filters,
  heading,
  empty,
  showMissingContext = false,
}: {
  filters: IncidentGroupQuery
  heading: string
  empty: string
  showMissingContext?: boolean
}) {
  const groups = useIncidentDecisionGroups(filters)
  const [pageIndex, setPageIndex] = useState(0)
  const all = groups.data?.items ?? []
  const pageCount = Math.max(1, Math.ceil(all.length / GROUPS_PER_PAGE))
  const index = Math.min(pageIndex, pageCount - 1)
  const shown = all.slice(index * GROUPS_PER_PAGE, (index + 1) * GROUPS_PER_PAGE)
  const range = `${index * GROUPS_PER_PAGE + 1}–${index * GROUPS_PER_PAGE + shown.length} of ${countOf(all.length, 'decision group')}`
  const headingId = `by-decision-${Object.values(filters).join('-')}`
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      {groups.isPending && <Loading label="Loading incidents by decision" />}
      {groups.error && <ProblemMessage error={groups.error} title="The incidents could not be grouped." />}
      {groups.data && groups.data.items.length === 0 && (
        <EmptyState>
          <p>{empty}</p>
        </EmptyState>
      )}
      {groups.data && groups.data.items.length > 0 && (
        <>
          <p className="hint">
            {countOf(
              groups.data.items.reduce((n, g) => n + g.count, 0),
              'incident',
            )}{' '}
            behind {countOf(groups.data.items.filter((g) => g.decisionId).length, 'decision')}, heaviest first.{' '}
            <abbr title={WEIGHTED_HARM_EXPLANATION}>Weighted harm</abbr> is summed per decision.
          </p>
          {pageCount > 1 && <p className="list-count">{range}</p>}
          <ul className="decision-groups">
            {shown.map((group, i) => (
              <DecisionGroup
                key={group.decisionId ?? 'none'}
                isOpenAtFirst={showMissingContext && index === 0 && i === 0}
                group={group}
                filters={filters}
                showMissingContext={showMissingContext}
              />
            ))}
          </ul>
          {pageCount > 1 && (
            <nav className="pager" aria-label="Pages of decision groups">
              <button type="button" className="button-secondary" disabled={index === 0} onClick={() => setPageIndex(index - 1)}>
                Previous
              </button>
              <span className="pager-range">{range}</span>
              <button
                type="button"
                className="button-secondary"
                disabled={index >= pageCount - 1}
                onClick={() => setPageIndex(index + 1)}
              >
                Next
              </button>
            </nav>
          )}
        </>
      )}
    </section>
  )
}

function DecisionGroup({
  group,
  filters,
  showMissingContext,
  isOpenAtFirst,
}: {
  isOpenAtFirst: boolean
  group: IncidentDecisionGroup
  filters: IncidentGroupQuery
  showMissingContext: boolean
}) {
  const [isOpen, setOpen] = useState(isOpenAtFirst)
  const groupFilters = group.decisionId ? { ...filters, decisionId: group.decisionId } : { ...filters, hasDecision: false }
  return (
    <li>
      <details open={isOpenAtFirst || undefined} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          <span className="group-title">{group.title ?? 'No decision named yet'}</span>{' '}
          <span className="group-count">
            {countOf(group.count, 'incident')} · weighted harm {group.weightedHarm}
          </span>
        </summary>
        {group.decisionId && (
          <p className="hint">
            <Link to={`/decisions/${group.decisionId}`}>Open the decision</Link>
          </p>
        )}
        {isOpen && (
          <IncidentList
            filters={{ ...groupFilters, sort: '-weightedHarm' }}
            renderItems={(items) => <GroupItems items={items} showMissingContext={showMissingContext} />}
          />
        )}
      </details>
    </li>
  )
}

function GroupItems({ items, showMissingContext }: { items: Incident[]; showMissingContext: boolean }) {
  return (
    <ul className="gap-incident-list">
      {items.map((i) => (
        <li key={i.id}>
          <Link to={`/incidents/${i.key}`}>
            {i.key} {i.title}
          </Link>{' '}
          <span className="hint">
            weighted harm {i.weightedHarm}, discovered {formatDay(i.discoveredAt)}
          </span>
          {showMissingContext && i.missingContext.trim() && (
            <blockquote className="missing-context">
              <span className="visually-hidden">Missing context: </span>
              {i.missingContext}
            </blockquote>
          )}
        </li>
      ))}
    </ul>
  )
}
