import {
  type BeforeAfter,
  type Conflict,
  type ConflictHolder,
  type IncidentTally,
  incidentListPath,
  type LeadershipReview,
  type ReviewGap,
  type StaleStrategy,
} from '@misalign/shared'
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { EmptyState } from '../../../components/feedback'
import { Badge } from '../../../components/page'
import { useRowLimit } from '../../../components/row-limit'
import { TableScroll } from '../../../components/table-scroll'
import { Term } from '../../../components/term'
import { countOf, formatDay, gapStatusLabels } from '../../../lib/labels'
import { useTeamName } from '../../../lib/reference-data'

/** An incident count that opens the incident list reproducing it, with the same filters. */
export function IncidentCount({ tally, noun = false }: { tally: IncidentTally; noun?: boolean }) {
  const text = noun ? countOf(tally.incidents, 'incident') : String(tally.incidents)
  return (
    <Link to={incidentListPath(tally.query)} title="Open these incidents in the incident list">
      {text}
    </Link>
  )
}

export function Section({ id, title, intro, children }: { id: string; title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <section className="card leadership-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {intro && <p className="hint">{intro}</p>}
      {children}
    </section>
  )
}

const Empty = ({ children }: { children: ReactNode }) => (
  <EmptyState>
    <p>{children}</p>
  </EmptyState>
)

export function TopGaps({ gaps, formula }: { gaps: ReviewGap[]; formula: string }) {
  return (
    <Section id="top-gaps" title="Top strategy gaps" intro={formula}>
      {gaps.length === 0 ? (
        <Empty>No incident in this window points at a strategy gap.</Empty>
      ) : (
        <TableScroll label="Strategy gaps by weighted harm in the window">
          <table>
            <caption className="visually-hidden">Strategy gaps by weighted harm in the window</caption>
            <thead>
              <tr>
                <th scope="col">Gap</th>
                <th scope="col">Status</th>
                <th scope="col">Incidents</th>
                <th scope="col">Weighted harm</th>
                <th scope="col">Teams affected</th>
              </tr>
            </thead>
            <tbody>
              {gaps.map((g) => (
                <tr key={g.gapId}>
                  <th scope="row">
                    <Link to={`/strategy-gaps/${g.gapId}`}>{g.title}</Link>
                  </th>
                  <td>{gapStatusLabels[g.status]}</td>
                  <td className="num">
                    <IncidentCount tally={g.harm} />
                  </td>
                  <td className="num">{g.harm.weightedHarm}</td>
                  <td className="num">{g.teamsAffected}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Section>
  )
}

export function StaleStrategies({ items }: { items: StaleStrategy[] }) {
  const teamName = useTeamName()
  return (
    <Section
      id="stale-strategies"
      title="Stale strategies"
      intro="Published strategies past their review date, ranked by the weighted harm since that date of the incidents counting towards the gaps each addresses (not every incident in its scope)."
    >
      {items.length === 0 ? (
        <Empty>No published strategy is past its review date.</Empty>
      ) : (
        <TableScroll label="Stale strategies by harm since their review date">
          <table>
            <caption className="visually-hidden">Stale strategies by harm since their review date</caption>
            <thead>
              <tr>
                <th scope="col">Strategy</th>
                <th scope="col">Owner</th>
                <th scope="col">Review by</th>
                <th scope="col">Days overdue</th>
                <th scope="col">Incidents in its gaps since</th>
                <th scope="col">Weighted harm</th>
                <th scope="col">Autonomy wins</th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr key={s.strategyId}>
                  <th scope="row">
                    <Link to={`/strategies/${s.strategyId}`}>{s.title}</Link>
                    <div className="hint">
                      {s.coveredTeamIds ? `Applies to ${s.coveredTeamIds.map(teamName).join(', ')}` : 'Applies to the whole org'}
                    </div>
                  </th>
                  <td>{teamName(s.ownerTeamId)}</td>
                  <td>{formatDay(s.reviewBy)}</td>
                  <td className="num">{s.daysOverdue}</td>
                  <td className="num">
                    <IncidentCount tally={s.sinceReview} />
                  </td>
                  <td className="num">{s.sinceReview.weightedHarm}</td>
                  <td className="num">{s.autonomyWins}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Section>
  )
}

function Holder({ holder }: { holder: ConflictHolder }) {
  const teamName = useTeamName()
  const to = holder.kind === 'strategy' ? `/strategies/${holder.id}` : `/decisions/${holder.id}`
  return (
    <li>
      <Badge>{holder.kind === 'strategy' ? 'Strategy' : 'Decision'}</Badge> <Link to={to}>{holder.title}</Link>{' '}
      <span className="hint">
        by {teamName(holder.teamId)}
        {holder.forGoal && <> · goal: {holder.forGoal}</>}
      </span>
      {holder.incidents && holder.conflictingPriorities && (
        <div>
          <IncidentCount tally={holder.incidents} noun /> (weighted harm {holder.incidents.weightedHarm}), of which{' '}
          <IncidentCount tally={holder.conflictingPriorities} /> traced to conflicting priorities
        </div>
      )}
    </li>
  )
}

/** The heaviest three first: each conflict names every holder on both sides, so ten fill a page. */
export function Conflicts({ items }: { items: Conflict[] }) {
  const rows = useRowLimit(items, 'conflicts', 3)
  return (
    <Section
      id="conflicts"
      title="Conflicting priorities"
      intro="Stated priorities that contradict each other. Teams following each side in good faith hurt each other: candidates for a decision one level up."
    >
      {items.length === 0 ? (
        <Empty>No stated priorities contradict each other.</Empty>
      ) : (
        <ul className="conflict-list">
          {rows.shown.map((c) => (
            <li key={c.key} className="conflict">
              <h3>
                {c.sideA.prefer} over {c.sideA.over} <span className="conflict-versus">against</span> {c.sideB.prefer} over{' '}
                {c.sideB.over}
              </h3>
              <p className="hint">
                {c.kind === 'opposite'
                  ? 'Opposite priorities: one side prefers what the other gives up, and the other way round.'
                  : 'Competing goals: one side gives up what the other prefers, for teams both apply to.'}{' '}
                {countOf(c.incidents, 'incident')} in the window, weighted harm {c.weightedHarm}.
              </p>
              {c.isSuggested && (
                <p className="hint">
                  Found through priorities the tracker suggested from the tradeoffs’ words, not yet confirmed:{' '}
                  <Link to="/priorities">confirm them on Priorities</Link>.
                </p>
              )}
              <div className="conflict-sides">
                {[c.sideA, c.sideB].map((side) => (
                  <div key={`${side.prefer}|${side.over}`}>
                    <h4>
                      Prefers {side.prefer} over {side.over}
                    </h4>
                    <ul>
                      {side.holders.map((h) => (
                        <Holder key={h.id} holder={h} />
                      ))}
                    </ul>
                  </div>
                ))}
              </div>
            </li>
          ))}
        </ul>
      )}
      {rows.control}
    </Section>
  )
}

export function BeforeAfterTable({ items }: { items: BeforeAfter[] }) {
  return (
    <Section
      id="before-after"
      title="Before and after recently published strategies"
      intro="Incidents counting towards the gaps each strategy addresses, in equal weeks before and after it was published."
    >
      {items.length === 0 ? (
        <Empty>No strategy was published in this window at least a week ago.</Empty>
      ) : (
        <TableScroll label="Incidents before and after publication">
          <table>
            <caption className="visually-hidden">Incidents before and after publication</caption>
            <thead>
              <tr>
                <th scope="col">Strategy</th>
                <th scope="col">Published</th>
                <th scope="col">Weeks each side</th>
                <th scope="col">Incidents before</th>
                <th scope="col">Weighted harm before</th>
                <th scope="col">Incidents after</th>
                <th scope="col">Weighted harm after</th>
                <th scope="col">Autonomy wins</th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr key={s.strategyId}>
                  <th scope="row">
                    <Link to={`/strategies/${s.strategyId}`}>{s.title}</Link>
                  </th>
                  <td>{formatDay(s.publishedAt)}</td>
                  <td className="num">{s.weeks}</td>
                  <td className="num">
                    <IncidentCount tally={s.before} />
                  </td>
                  <td className="num">{s.before.weightedHarm}</td>
                  <td className="num">
                    <IncidentCount tally={s.after} />
                  </td>
                  <td className="num">{s.after.weightedHarm}</td>
                  <td className="num">{s.autonomyWins}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Section>
  )
}

export function ActionsAndGoodNews({ review }: { review: LeadershipReview }) {
  const { actions } = review
  const share = actions.antiMisalignmentShare
  return (
    <Section id="actions-good-news" title="Follow-up actions and good news">
      <dl className="facts">
        <dt>Alignment actions (sharing context)</dt>
        <dd>{actions.alignment}</dd>
        <dt>
          <Term id="anti-misalignment">Anti-misalignment</Term> actions (adding control)
        </dt>
        <dd>{actions.antiMisalignment}</dd>
        <dt>Share of anti-misalignment</dt>
        <dd>{share === null ? 'No action recorded in this window' : `${Math.round(share * 100)}%`}</dd>
        <dt>
          <Term id="autonomy-win">Autonomy wins</Term>
        </dt>
        <dd>{review.autonomyWins}</dd>
        <dt>Near misses</dt>
        <dd>
          {review.nearMisses} <span className="hint">(surprises without harm: counted apart, never as incidents)</span>
        </dd>
      </dl>
      {actions.antiMisalignment > 0 && (
        <p className="hint">
          <Link to="/actions">See the actions</Link>: control (meetings, gates, freezes) can make incidents drop because teams
          stop deciding, not because they understand each other.
        </p>
      )}
    </Section>
  )
}
