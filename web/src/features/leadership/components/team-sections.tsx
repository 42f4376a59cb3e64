import { type AgreementOnlyDecision, mayAttempt } from '@misalign/shared'
import { Link } from 'react-router'
import { EmptyState, Loading, ProblemMessage } from '../../../components/feedback'
import { Badge } from '../../../components/page'
import { useRowLimit } from '../../../components/row-limit'
import { TableScroll } from '../../../components/table-scroll'
import { formatDay } from '../../../lib/labels'
import { useTeamName } from '../../../lib/reference-data'
import { useUser } from '../../../lib/session'
import {
  type ReviewWindowInput,
  useAgreementOnly,
  useCoverage,
  useDecisionVisibility,
  useRequestTradeoff,
  useSignalsSummary,
} from '../api/leadership'
import { IncidentCount, Section } from './review-sections'

function RequestTradeoff({ decision }: { decision: AgreementOnlyDecision }) {
  const user = useUser()
  const request = useRequestTradeoff()
  const open = decision.openRequest
  if (open) {
    return (
      <span>
        Requested by {open.requestedByName ?? 'someone no longer here'} on {formatDay(open.requestedAt)}
      </span>
    )
  }
  if (!mayAttempt(user, 'tradeoff_request.create')) return <span className="hint">Not asked yet</span>
  return (
    <>
      <button
        type="button"
        className="button-secondary"
        disabled={request.isPending}
        aria-label={`Ask the owning team to state its tradeoff for “${decision.title}”`}
        onClick={() => request.mutate(decision.decisionId)}
      >
        {request.isPending ? 'Asking…' : 'Ask the owning team to state its tradeoff'}
      </button>
      <ProblemMessage error={request.error} title="The request was not recorded." />
    </>
  )
}

export function AgreementOnly({ window }: { window: ReviewWindowInput }) {
  const list = useAgreementOnly(window)
  const teamName = useTeamName()
  const rows = useRowLimit(list.data?.items ?? [], 'decisions')
  return (
    <Section
      id="agreement-only"
      title="Agreement-only decisions that caused harm"
      intro="Decisions without a stated tradeoff: partner teams cannot predict the next one. Ask the owning team to state why."
    >
      {list.isPending && <Loading label="Loading agreement-only decisions" />}
      <ProblemMessage error={list.error} />
      {list.data &&
        (list.data.items.length === 0 ? (
          <EmptyState>
            <p>Every decision that caused harm in this window states its tradeoff.</p>
          </EmptyState>
        ) : (
          <>
            <TableScroll label="Agreement-only decisions by weighted harm">
              <table>
                <caption className="visually-hidden">Agreement-only decisions by weighted harm</caption>
                <thead>
                  <tr>
                    <th scope="col">Decision</th>
                    <th scope="col">Owning team</th>
                    <th scope="col">Incidents</th>
                    <th scope="col">Weighted harm</th>
                    <th scope="col">Tradeoff request</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.shown.map((d) => (
                    <tr key={d.decisionId}>
                      <th scope="row">
                        <Link to={`/decisions/${d.decisionId}`}>{d.title}</Link>
                      </th>
                      <td>{teamName(d.owningTeamId)}</td>
                      <td className="num">
                        <IncidentCount tally={d.harm} />
                      </td>
                      <td className="num">{d.harm.weightedHarm}</td>
                      <td>
                        <RequestTradeoff decision={d} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            {rows.control}
          </>
        ))}
    </Section>
  )
}

const coverageTone = { fresh: 'good', stale: 'warn', none: 'danger' } as const
const coverageWords = { fresh: 'Fresh', stale: 'Only stale', none: 'None' } as const

export function CoverageMap({ window }: { window: ReviewWindowInput }) {
  const coverage = useCoverage(window)
  const teamName = useTeamName()
  return (
    <Section
      id="coverage"
      title="Coverage map"
      intro="For each team, the published strategies written for it (or a group it is in) and the incidents that harmed it. Org-wide strategies apply to every team and are counted apart. Counts under 5 are hidden so nobody can be singled out."
    >
      {coverage.isPending && <Loading label="Loading the coverage map" />}
      <ProblemMessage error={coverage.error} />
      {coverage.data && (
        <TableScroll label="Strategy coverage and harm by team">
          <table>
            <caption className="visually-hidden">Strategy coverage and harm by team</caption>
            <thead>
              <tr>
                <th scope="col">Team</th>
                <th scope="col">Team strategy</th>
                <th scope="col">Fresh</th>
                <th scope="col">Stale</th>
                <th scope="col">Org-wide strategies</th>
                <th scope="col">Incidents</th>
                <th scope="col">Weighted harm</th>
              </tr>
            </thead>
            <tbody>
              {[...coverage.data.teams]
                .sort((a, b) => teamName(a.teamId).localeCompare(teamName(b.teamId)))
                .map((t) => (
                  <tr key={t.teamId}>
                    <th scope="row">{teamName(t.teamId)}</th>
                    <td>
                      <Badge tone={coverageTone[t.coverage]}>{coverageWords[t.coverage]}</Badge>
                    </td>
                    <td className="num">{t.freshStrategyIds.length}</td>
                    <td className="num">{t.staleStrategyIds.length}</td>
                    <td className="num">{t.orgWideStrategies}</td>
                    <td className="num">
                      {t.suppressed || t.incidents === null ? (
                        <span className="hint">fewer than 5</span>
                      ) : (
                        <IncidentCount tally={{ incidents: t.incidents, weightedHarm: t.weightedHarm ?? 0, query: t.query }} />
                      )}
                    </td>
                    <td className="num">{t.suppressed ? <span className="hint">hidden</span> : t.weightedHarm}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Section>
  )
}

export function DecisionVisibilityTable({ window }: { window: ReviewWindowInput }) {
  const visibility = useDecisionVisibility(window)
  const teamName = useTeamName()
  const names = (ids: string[]) => (ids.length ? ids.map(teamName).join(', ') : 'none')
  const rows = useRowLimit(visibility.data?.items ?? [], 'decisions')
  return (
    <Section
      id="decision-visibility"
      title="Decision visibility"
      intro="For each harmful decision: the teams it was shared with against the teams it hurt. Teams hurt but never told come first."
    >
      {visibility.isPending && <Loading label="Loading decision visibility" />}
      <ProblemMessage error={visibility.error} />
      {visibility.data && (
        <>
          <TableScroll label="Teams told and teams hurt, by decision">
            <table>
              <caption className="visually-hidden">Teams told and teams hurt, by decision</caption>
              <thead>
                <tr>
                  <th scope="col">Decision</th>
                  <th scope="col">Shared with</th>
                  <th scope="col">Hurt</th>
                  <th scope="col">Hurt but not told</th>
                  <th scope="col">Incidents</th>
                </tr>
              </thead>
              <tbody>
                {rows.shown.map((d) => (
                  <tr key={d.decisionId}>
                    <th scope="row">
                      <Link to={`/decisions/${d.decisionId}`}>{d.title}</Link>
                      <div className="hint">by {teamName(d.owningTeamId)}</div>
                    </th>
                    <td>{names(d.sharedWithTeamIds)}</td>
                    <td>{names(d.hurtTeamIds)}</td>
                    <td className={d.hurtNotToldTeamIds.length ? 'not-told' : undefined}>
                      {d.hurtNotToldTeamIds.length ? <strong>{names(d.hurtNotToldTeamIds)}</strong> : 'none'}
                    </td>
                    <td className="num">
                      <IncidentCount tally={d.harm} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {rows.control}
        </>
      )}
    </Section>
  )
}

export function StrategySignals({ window }: { window: ReviewWindowInput }) {
  const summary = useSignalsSummary(window)
  return (
    <Section
      id="strategy-signals"
      title="Which strategies work"
      intro="Autonomy wins (teams deciding on their own thanks to a strategy) beside the incidents counting towards the gaps each strategy addresses."
    >
      {summary.isPending && <Loading label="Loading autonomy wins" />}
      <ProblemMessage error={summary.error} />
      {summary.data && (
        <>
          <p>
            {summary.data.autonomyWins} autonomy wins and {summary.data.nearMisses} near misses in this window. Near misses are
            surprises without harm: counted here, never as incidents.
          </p>
          <TableScroll label="Autonomy wins and incidents by strategy">
            <table>
              <caption className="visually-hidden">Autonomy wins and incidents by strategy</caption>
              <thead>
                <tr>
                  <th scope="col">Strategy</th>
                  <th scope="col">Autonomy wins</th>
                  <th scope="col">Incidents in its gaps</th>
                  <th scope="col">Weighted harm</th>
                  <th scope="col">Latest win</th>
                </tr>
              </thead>
              <tbody>
                {summary.data.byStrategy.map((s) => (
                  <tr key={s.strategyId}>
                    <th scope="row">
                      <Link to={`/strategies/${s.strategyId}`}>{s.title}</Link> {s.isStale && <Badge tone="warn">Stale</Badge>}
                    </th>
                    <td className="num">{s.autonomyWins}</td>
                    <td className="num">
                      <IncidentCount tally={s.incidentsInScope} />
                    </td>
                    <td className="num">{s.incidentsInScope.weightedHarm}</td>
                    <td>{s.recentWins[0] ? `“${s.recentWins[0].note}” (${formatDay(s.recentWins[0].occurredAt)})` : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </Section>
  )
}
