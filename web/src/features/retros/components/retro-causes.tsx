import { describeTradeoff, groupMissingContext, type RetroWorkspace } from '@misalign/shared'
import { useState } from 'react'
import { Link } from 'react-router'
import { Badge } from '../../../components/page'
import { TableScroll } from '../../../components/table-scroll'
import { countOf } from '../../../lib/labels'

type Workspace = Pick<RetroWorkspace, 'incidents' | 'decisions' | 'teamNames'>

/** Missing-context groups shown before "Show n more". */
const SHOWN_CONTEXTS = 8

/** Each decision once, with its tradeoff (or that it was an agreement) and how many incidents it caused. */
export function DecisionsOnce({ workspace }: { workspace: Workspace }) {
  const undecided = workspace.incidents.filter((i) => i.decisionId === null)
  const suspected = [
    ...new Set(undecided.flatMap((i) => (i.decisionOwnerTeamId ? [workspace.teamNames[i.decisionOwnerTeamId] ?? 'a team'] : []))),
  ]
  if (workspace.incidents.length === 0) return <p className="meta">No incident of this cluster is visible to you.</p>
  return (
    <TableScroll label="Decisions behind the incidents">
      <table className="retro-decisions">
        <caption className="visually-hidden">Decisions behind the incidents, each once, with their tradeoffs</caption>
        <thead>
          <tr>
            <th scope="col">Decision</th>
            <th scope="col">Tradeoff</th>
            <th scope="col" className="numeric">
              Incidents
            </th>
          </tr>
        </thead>
        <tbody>
          {workspace.decisions.map((decision) => (
            <tr key={decision.id}>
              <th scope="row">
                <Link to={`/decisions/${decision.id}`}>{decision.title}</Link>
                <span className="meta">{workspace.teamNames[decision.owningTeamId] ?? 'a team'}</span>
              </th>
              <td>
                {decision.tradeoff ? (
                  <span className="tradeoff-quote">{describeTradeoff(decision.tradeoff)}</span>
                ) : (
                  <Badge title="No stated tradeoff: it settles this decision only">agreement — no tradeoff</Badge>
                )}
              </td>
              <td className="numeric">{decision.incidentIds.length}</td>
            </tr>
          ))}
          {undecided.length > 0 && (
            <tr>
              <th scope="row">
                No recorded decision
                {suspected.length > 0 && <span className="meta">Suspected owner: {suspected.join(', ')}</span>}
              </th>
              <td>
                <span className="meta">—</span>
              </td>
              <td className="numeric">{undecided.length}</td>
            </tr>
          )}
        </tbody>
      </table>
    </TableScroll>
  )
}

/** What would have made these decisions predictable, grouped: one line per thing, with how often it was named. */
export function MissingContextGroups({ workspace }: { workspace: Workspace }) {
  const [isAllShown, setAllShown] = useState(false)
  const { groups, notNamed } = groupMissingContext(workspace.incidents)
  const shown = isAllShown ? groups : groups.slice(0, SHOWN_CONTEXTS)
  return (
    <>
      {groups.length === 0 ? (
        <p className="meta">No report names the missing context.</p>
      ) : (
        <ol className="plain-list context-groups" aria-label="Missing context, most often named first">
          {shown.map((group) => (
            <li key={group.text} className="context-group">
              <span className="context-count">{countOf(group.keys.length, 'incident')}</span>
              <span className="context-text">
                {group.text}
                <span className="meta">
                  {group.keys.slice(0, 6).join(', ')}
                  {group.keys.length > 6 && ` and ${group.keys.length - 6} more`}
                </span>
              </span>
            </li>
          ))}
        </ol>
      )}
      {groups.length > SHOWN_CONTEXTS && (
        <button type="button" className="button-link" aria-expanded={isAllShown} onClick={() => setAllShown(!isAllShown)}>
          {isAllShown ? 'Show fewer' : `Show ${groups.length - SHOWN_CONTEXTS} more`}
          <span className="visually-hidden"> kinds of missing context</span>
        </button>
      )}
      {notNamed > 0 && <p className="meta">{countOf(notNamed, 'incident')} name no missing context.</p>}
    </>
  )
}

/** The teams most involved first: a cluster can touch twenty teams, and two of them matter most. */
const byInvolvement = (teams: RetroWorkspace['teams']) =>
  [...teams].sort(
    (a, b) => b.harmedIncidents + b.causedIncidents - (a.harmedIncidents + a.causedIncidents) || a.name.localeCompare(b.name),
  )

/** Who reported and whose decisions caused the incidents, with the cluster's weighted harm. */
export function RetroTeams({ workspace }: { workspace: Pick<RetroWorkspace, 'incidents' | 'teams' | 'weightedHarm'> }) {
  return (
    <>
      <p>
        <strong className="retro-harm-total">Weighted harm {workspace.weightedHarm.total}</strong> over{' '}
        {countOf(workspace.incidents.length, 'incident')}. <span className="meta">{workspace.weightedHarm.explanation}.</span>
      </p>
      <TableScroll label="Teams involved">
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
            {byInvolvement(workspace.teams).map((team) => (
              <tr key={team.id}>
                <th scope="row">{team.name}</th>
                <td className="numeric">{team.harmedIncidents}</td>
                <td className="numeric">{team.causedIncidents}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  )
}
