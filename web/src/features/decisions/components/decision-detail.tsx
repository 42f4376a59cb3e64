import { addDays, type Decision, describeTradeoff, WEIGHTED_HARM_EXPLANATION } from '@misalign/shared'
import { Link } from 'react-router'
import { EmptyState, Loading, Notice, ProblemMessage } from '../../../components/feedback'
import { countOf, formatDay, localDay } from '../../../lib/labels'
import { useTeamName } from '../../../lib/reference-data'
import { useDecisionIncidents, useDraftStrategy, useOpenTradeoffRequests } from '../api/decisions'

export function DecisionFacts({ decision }: { decision: Decision }) {
  const teamName = useTeamName()
  return (
    <section className="card" aria-labelledby="decision-facts">
      <h2 id="decision-facts">The decision</h2>
      <dl className="facts">
        <dt>Owning team</dt>
        <dd>{teamName(decision.owningTeamId)}</dd>
        <dt>Decided on</dt>
        <dd>{formatDay(decision.decidedAt)}</dd>
        <dt>Status</dt>
        <dd>{decision.status}</dd>
        <dt>Tradeoff</dt>
        <dd>
          {decision.tradeoff ? (
            <span className="tradeoff-quote">“{describeTradeoff(decision.tradeoff)}”</span>
          ) : (
            <>
              None stated: this is an agreement, so it helps nobody predict the next decision.
              <TradeoffRequested decisionId={decision.id} />
            </>
          )}
        </dd>
        <dt>Shared with</dt>
        <dd>{decision.sharedWithTeamIds.length ? decision.sharedWithTeamIds.map(teamName).join(', ') : 'No team recorded'}</dd>
        {decision.link && (
          <>
            <dt>Written down at</dt>
            <dd>
              <a href={decision.link} rel="noreferrer">
                {decision.link}
              </a>
            </dd>
          </>
        )}
      </dl>
      {decision.summary && <p>{decision.summary}</p>}
    </section>
  )
}

/** Leadership asked the owning team to state the tradeoff: say who asked and when, so the team can answer. */
function TradeoffRequested({ decisionId }: { decisionId: string }) {
  const requests = useOpenTradeoffRequests(decisionId)
  const open = requests.data?.items[0]
  if (!open) return null
  return (
    <Notice tone="warning">
      Tradeoff requested by {open.requestedByName ?? 'someone no longer here'} on {formatDay(open.requestedAt)}. Edit the decision
      and state it: prefer what, over what, for which goal.
    </Notice>
  )
}

/** Where a decision states its tradeoff, offer to publish it as a strategy draft (DESIGN.md, "Rules"). */
export function DraftStrategyOffer({ decision }: { decision: Decision }) {
  const draft = useDraftStrategy()
  if (!decision.tradeoff) return null
  const tradeoff = decision.tradeoff
  return (
    <section className="card" aria-labelledby="offer-heading">
      <h2 id="offer-heading">Share this tradeoff</h2>
      <p>Partner teams could decide on their own if they knew this tradeoff. Turn it into a strategy draft for them.</p>
      <ProblemMessage error={draft.error} title="No draft was made." />
      {draft.data ? (
        <Notice tone="success">
          Draft made: <Link to={`/strategies/${draft.data.id}`}>{draft.data.title}</Link>
        </Notice>
      ) : (
        <button
          type="button"
          className="button-secondary"
          disabled={draft.isPending}
          onClick={() =>
            draft.mutate({
              title: decision.title,
              context: decision.summary,
              ownerTeamId: decision.owningTeamId,
              tradeoffs: [
                {
                  prefer: tradeoff.prefer,
                  over: tradeoff.over,
                  forGoal: tradeoff.forGoal,
                  // A confirmed pick carries over; a suggestion is suggested again from the words.
                  ...(tradeoff.prioritiesConfirmed && tradeoff.preferPriorityId && tradeoff.overPriorityId
                    ? { preferPriorityId: tradeoff.preferPriorityId, overPriorityId: tradeoff.overPriorityId }
                    : {}),
                },
              ],
              // A first review in six months: strategies go stale as priorities move.
              reviewBy: addDays(localDay(), 182),
            })
          }
        >
          {draft.isPending ? 'Drafting…' : 'Draft a strategy from this tradeoff'}
        </button>
      )}
    </section>
  )
}

export function DecisionIncidents({ decisionId }: { decisionId: string }) {
  const incidents = useDecisionIncidents(decisionId)
  if (incidents.isPending) return <Loading label="Loading the incidents that point at it" />
  if (incidents.error) return <ProblemMessage error={incidents.error} />
  const items = incidents.data.items
  const total = items.reduce((sum, i) => sum + i.weightedHarm, 0)
  return (
    <section className="card" aria-labelledby="decision-incidents">
      <h2 id="decision-incidents">Incidents that point at it</h2>
      {items.length === 0 ? (
        <EmptyState>
          <p>No incident points at this decision.</p>
        </EmptyState>
      ) : (
        <>
          <p>
            {incidents.data.nextCursor ? `${items.length}+ incidents` : countOf(items.length, 'incident')}, weighted harm{' '}
            <strong>{total}</strong> <span className="hint">({WEIGHTED_HARM_EXPLANATION}, summed)</span>
          </p>
          <ul>
            {items.map((i) => (
              <li key={i.id}>
                <Link to={`/incidents/${i.key}`}>
                  {i.key} {i.title}
                </Link>{' '}
                <span className="hint">weighted harm {i.weightedHarm}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
