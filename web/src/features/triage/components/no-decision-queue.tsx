import type { DecisionLink, LinkedDecision, NoDecisionItem } from '@misalign/shared'
import { useState } from 'react'
import { Link } from 'react-router'
import { DecisionSuggestionItem } from '../../../components/decision-suggestion'
import { EmptyState, Loading, Notice, ProblemMessage } from '../../../components/feedback'
import { Badge } from '../../../components/page'
import { undoLinks, useLinkDecisions } from '../../../lib/decision-links'
import { countOf, formatDay } from '../../../lib/labels'
import { useTeamName } from '../../../lib/reference-data'
import { QUEUE_PAGE_SIZE, useNoDecisionQueue } from '../api/no-decision'

interface Done {
  message: string
  linked: LinkedDecision[]
  isUndone: boolean
}

/**
 * The queue of incidents nobody has traced to a decision, each with the decisions the engine
 * finds likeliest. Linking is one click (or one for many); every link can be undone right here.
 */
export function NoDecisionQueue({ teamId }: { teamId: string }) {
  const [cursors, setCursors] = useState<(string | null)[]>([null])
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [done, setDone] = useState<Done | null>(null)
  const queue = useNoDecisionQueue(teamId, cursors.at(-1) ?? null)
  const linking = useLinkDecisions()

  if (queue.isPending) return <Loading label="Loading incidents with no decision" />
  if (!queue.data) return <ProblemMessage error={queue.error} title="The queue could not be loaded." />
  const { items, total, nextCursor } = queue.data
  const first = (cursors.length - 1) * QUEUE_PAGE_SIZE + 1
  const linkable = items.filter((item) => item.mayLink && item.suggestions.length > 0)
  const chosen = linkable.filter((item) => selected.has(item.incident.id))

  function link(links: DecisionLink[], message: string) {
    setDone(null)
    linking.mutate(links, {
      onSuccess: ({ links: linked }) => {
        setSelected(new Set())
        setDone({ message, linked, isUndone: false })
      },
    })
  }

  function undo() {
    if (!done) return
    linking.mutate(undoLinks(done.linked), {
      onSuccess: () =>
        setDone({
          ...done,
          isUndone: true,
          message: `Undone: ${done.linked.map((l) => l.key).join(', ')} ${done.linked.length === 1 ? 'has' : 'have'} no decision again.`,
        }),
    })
  }

  function linkSelected() {
    const links = chosen.flatMap((item) => {
      const top = item.suggestions[0]
      return top ? [{ incidentId: item.incident.id, decisionId: top.decision.id }] : []
    })
    link(links, `Linked ${countOf(links.length, 'incident')} to their top suggestion.`)
  }

  return (
    <>
      <div role="status" aria-live="polite">
        {done && (
          <Notice tone="success">
            <p>
              {done.message}{' '}
              {!done.isUndone && (
                <button type="button" className="button-link" onClick={undo} disabled={linking.isPending}>
                  Undo
                </button>
              )}
            </p>
          </Notice>
        )}
      </div>
      <ProblemMessage error={linking.error} title="Nothing was linked." />
      {total === 0 ? (
        <EmptyState>
          <p>Every incident here names its decision. Nothing to triage.</p>
        </EmptyState>
      ) : (
        <>
          <div className="queue-bar">
            <p className="queue-range" aria-live="polite">
              {items.length > 0
                ? `${first}–${first + items.length - 1} of ${total}, newest first`
                : `Nothing left on this page; ${total} in all`}
            </p>
            {linkable.length > 0 && (
              <div className="queue-bulk">
                <label className="checkbox-inline">
                  <input
                    type="checkbox"
                    checked={chosen.length === linkable.length}
                    onChange={(e) =>
                      setSelected(e.target.checked ? new Set(linkable.map((item) => item.incident.id)) : new Set())
                    }
                  />{' '}
                  Select all on this page
                </label>
                <button
                  type="button"
                  className="button-primary"
                  disabled={chosen.length === 0 || linking.isPending}
                  onClick={linkSelected}
                >
                  Link selected to their top suggestion{chosen.length > 0 ? ` (${chosen.length})` : ''}
                </button>
              </div>
            )}
          </div>
          <ul className="item-list" aria-label="Incidents with no decision">
            {items.map((item) => (
              <QueueItem
                key={item.incident.id}
                item={item}
                isSelected={selected.has(item.incident.id)}
                onSelect={(isSelected) =>
                  setSelected((current) => {
                    const next = new Set(current)
                    if (isSelected) next.add(item.incident.id)
                    else next.delete(item.incident.id)
                    return next
                  })
                }
                isLinking={linking.isPending}
                onLink={(decisionId, title) =>
                  link([{ incidentId: item.incident.id, decisionId }], `Linked ${item.incident.key} to “${title}”.`)
                }
              />
            ))}
          </ul>
          <nav className="pager" aria-label="Pages of the queue">
            <button
              type="button"
              className="button-secondary"
              disabled={cursors.length === 1}
              onClick={() => setCursors((c) => c.slice(0, -1))}
            >
              Previous page
            </button>
            <button
              type="button"
              className="button-secondary"
              disabled={!nextCursor}
              onClick={() => nextCursor && setCursors((c) => [...c, nextCursor])}
            >
              Next page
            </button>
          </nav>
        </>
      )}
    </>
  )
}

function QueueItem({
  item,
  isSelected,
  onSelect,
  isLinking,
  onLink,
}: {
  item: NoDecisionItem
  isSelected: boolean
  onSelect: (isSelected: boolean) => void
  isLinking: boolean
  onLink: (decisionId: string, title: string) => void
}) {
  const teamName = useTeamName()
  // The likeliest decision is shown; the others are a click away, so ten reports fit on a page.
  const [isAllShown, setAllShown] = useState(false)
  const { incident, suggestions, mayLink } = item
  const canSelect = mayLink && suggestions.length > 0
  return (
    <li>
      <div className="item-row">
        {canSelect && (
          <input
            type="checkbox"
            className="queue-check"
            checked={isSelected}
            onChange={(e) => onSelect(e.target.checked)}
            aria-label={`Select ${incident.key} to link to its top suggestion`}
          />
        )}
        <span className="incident-key">{incident.key}</span>
        <Link className="item-title" to={`/incidents/${incident.key}`}>
          {incident.title}
        </Link>
      </div>
      <p className="meta">
        {teamName(incident.reportingTeamId)} · discovered {formatDay(incident.discoveredAt)}
        {incident.decisionOwnerTeamId ? ` · suspected owner: ${teamName(incident.decisionOwnerTeamId)}` : ''}{' '}
        {incident.restricted && <Badge tone="warn">Team only</Badge>}
      </p>
      {suggestions.length === 0 ? (
        <p className="hint">No likely decision yet. Open it to trace it by hand.</p>
      ) : (
        <ul className="suggestion-list" aria-label={`Likely decisions for ${incident.key}`}>
          {(isAllShown ? suggestions : suggestions.slice(0, 1)).map((suggestion) => (
            <DecisionSuggestionItem
              key={suggestion.decision.id}
              suggestion={suggestion}
              discoveredAt={incident.discoveredAt}
              action={
                mayLink ? (
                  <button
                    type="button"
                    className="button-secondary"
                    disabled={isLinking}
                    onClick={() => onLink(suggestion.decision.id, suggestion.decision.title)}
                    aria-label={`Link ${incident.key} to ${suggestion.decision.title}`}
                  >
                    Link
                  </button>
                ) : undefined
              }
            />
          ))}
        </ul>
      )}
      {suggestions.length > 1 && (
        <button type="button" className="button-link" aria-expanded={isAllShown} onClick={() => setAllShown(!isAllShown)}>
          {isAllShown
            ? 'Show only the likeliest'
            : `Show ${suggestions.length - 1} more likely decision${suggestions.length === 2 ? '' : 's'}`}
          <span className="visually-hidden"> for {incident.key}</span>
        </button>
      )}
      {!mayLink && <p className="hint">Only its reporting team’s leads, leaders and admins can link it.</p>}
    </li>
  )
}
