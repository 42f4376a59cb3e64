import { describeTradeoff, type RetroWorkspace } from '@misalign/shared'
import { Link } from 'react-router'
import { EmptyState } from '../../../components/feedback'
import { Badge } from '../../../components/page'
import { countOf, discoveryChannelLabels, formatDay } from '../../../lib/labels'

type Workspace = Pick<RetroWorkspace, 'incidents' | 'decisions' | 'teams' | 'weightedHarm' | 'teamNames'>

const teamOf = (w: Workspace, id: string | null) => (id ? (w.teamNames[id] ?? 'a team') : 'Not known')

/** What happened, in the order teams found out: read before anyone discusses causes. */
export function RetroTimeline({ workspace }: { workspace: Workspace }) {
  if (workspace.incidents.length === 0) {
    return (
      <EmptyState>
        <p>No incident of this cluster is visible to you.</p>
      </EmptyState>
    )
  }
  return (
    <div className="table-scroll">
      <table className="retro-timeline">
        <caption className="visually-hidden">Incidents in the order they were discovered</caption>
        <thead>
          <tr>
            <th scope="col">Discovered</th>
            <th scope="col">Incident</th>
            <th scope="col">Reporting team</th>
            <th scope="col">How it was found</th>
            <th scope="col">Weighted harm</th>
          </tr>
        </thead>
        <tbody>
          {workspace.incidents.map((incident) => (
            <tr key={incident.id}>
              <td>{formatDay(incident.discoveredAt)}</td>
              <td>
                <Link to={`/incidents/${incident.key}`}>
                  <span className="incident-key">{incident.key}</span> {incident.title}
                </Link>
                {incident.restricted && (
                  <>
                    {' '}
                    <Badge tone="warn">Restricted</Badge>
                  </>
                )}
              </td>
              <td>{teamOf(workspace, incident.reportingTeamId)}</td>
              <td>
                {discoveryChannelLabels[incident.discoveryChannel]}
                {incident.discoveryLagDays !== null && (
                  <span className="meta"> · {countOf(incident.discoveryLagDays, 'day')} after the decision</span>
                )}
              </td>
              <td className="numeric">
                {incident.weightedHarm}{' '}
                <span className="meta">
                  ({incident.harm} × {incident.surprise})
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** Per incident: the decision behind it, its tradeoff (or that it was an agreement), and what was missing. */
export function RetroSideBySide({ workspace }: { workspace: Workspace }) {
  const decisions = new Map(workspace.decisions.map((d) => [d.id, d]))
  if (workspace.incidents.length === 0) return null
  return (
    <div className="table-scroll">
      <table className="retro-side-by-side">
        <caption className="visually-hidden">Decisions, tradeoffs and missing context, side by side</caption>
        <thead>
          <tr>
            <th scope="col">Incident</th>
            <th scope="col">Decision</th>
            <th scope="col">Tradeoff</th>
            <th scope="col">Missing context</th>
          </tr>
        </thead>
        <tbody>
          {workspace.incidents.map((incident) => {
            const decision = incident.decisionId ? decisions.get(incident.decisionId) : undefined
            return (
              <tr key={incident.id}>
                <th scope="row">
                  <span className="incident-key">{incident.key}</span>
                </th>
                <td>
                  {decision ? (
                    <>
                      <Link to={`/decisions/${decision.id}`}>{decision.title}</Link>
                      <div className="meta">{teamOf(workspace, decision.owningTeamId)}</div>
                    </>
                  ) : (
                    <span className="meta">
                      Not recorded
                      {incident.decisionOwnerTeamId && ` (owned by ${teamOf(workspace, incident.decisionOwnerTeamId)})`}
                    </span>
                  )}
                </td>
                <td>
                  {decision?.tradeoff ? (
                    <span className="tradeoff-quote">{describeTradeoff(decision.tradeoff)}</span>
                  ) : decision ? (
                    <Badge title="No stated tradeoff: it settles this decision only">agreement — no tradeoff</Badge>
                  ) : (
                    <span className="meta">—</span>
                  )}
                </td>
                <td>{incident.missingContext.trim() || <span className="meta">Not named</span>}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

export function RetroTeams({ workspace }: { workspace: Workspace }) {
  return (
    <>
      <p>
        <strong className="retro-harm-total">Weighted harm {workspace.weightedHarm.total}</strong> over{' '}
        {countOf(workspace.incidents.length, 'incident')}. <span className="meta">{workspace.weightedHarm.explanation}.</span>
      </p>
      <table>
        <caption className="visually-hidden">Teams involved</caption>
        <thead>
          <tr>
            <th scope="col">Team</th>
            <th scope="col">Incidents reported</th>
            <th scope="col">Incidents its decisions caused</th>
          </tr>
        </thead>
        <tbody>
          {workspace.teams.map((team) => (
            <tr key={team.id}>
              <th scope="row">{team.name}</th>
              <td className="numeric">{team.harmedIncidents}</td>
              <td className="numeric">{team.causedIncidents}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
