import { type DecisionGroup, groupByDecision, type RetroWorkspace, type TimelineIncident, weeklyCounts } from '@misalign/shared'
import { useState } from 'react'
import { Link } from 'react-router'
import { EmptyState } from '../../../components/feedback'
import { Badge } from '../../../components/page'
import { countOf, formatDay } from '../../../lib/labels'

type Workspace = Pick<RetroWorkspace, 'incidents' | 'decisions' | 'teamNames'>

/** Incidents shown per decision before "Show n more": enough to see the pattern, not 94 rows. */
const SHOWN_PER_DECISION = 3
/** Decisions shown before the rest are one click away. */
const SHOWN_DECISIONS = 6

/** How many incidents teams discovered each week: the cluster's rhythm at a glance, then as a table. */
export function WeeklyChart({ workspace }: { workspace: Workspace }) {
  const weeks = weeklyCounts(workspace.incidents)
  if (weeks.length === 0) return null
  const peak = Math.max(...weeks.map((w) => w.count))
  const busiest = weeks.find((w) => w.count === peak)
  const summary = `${countOf(workspace.incidents.length, 'incident')} over ${countOf(weeks.length, 'week')}, at most ${peak} in a week${
    busiest ? ` (week of ${formatDay(busiest.weekStart)})` : ''
  }`
  return (
    <figure className="week-chart">
      <figcaption className="meta">Incidents discovered each week · {summary}</figcaption>
      <div className="week-bars" role="img" aria-label={`Incidents discovered each week: ${summary}`}>
        {weeks.map((week) => (
          <span
            key={week.weekStart}
            className="week-bar"
            title={`Week of ${formatDay(week.weekStart)}: ${week.count}`}
            style={{ height: `${Math.max(week.count === 0 ? 0 : 4, (week.count / peak) * 100)}%` }}
          />
        ))}
      </div>
      <div className="week-axis meta" aria-hidden="true">
        <span>{formatDay(weeks[0]?.weekStart)}</span>
        <span>{formatDay(weeks.at(-1)?.weekStart)}</span>
      </div>
      <table className="visually-hidden">
        <caption>Incidents discovered each week</caption>
        <thead>
          <tr>
            <th scope="col">Week of</th>
            <th scope="col">Incidents</th>
          </tr>
        </thead>
        <tbody>
          {weeks
            .filter((w) => w.count > 0)
            .map((week) => (
              <tr key={week.weekStart}>
                <td>{formatDay(week.weekStart)}</td>
                <td>{week.count}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </figure>
  )
}

function TimelineEntry({ incident, teamName }: { incident: TimelineIncident; teamName: string }) {
  return (
    <li className="timeline-entry">
      <span className="timeline-day">{formatDay(incident.discoveredAt)}</span>
      <span className="timeline-what">
        <Link to={`/incidents/${incident.key}`}>
          <span className="incident-key">{incident.key}</span> {incident.title}
        </Link>
        {incident.restricted && (
          <>
            {' '}
            <Badge tone="warn">Restricted</Badge>
          </>
        )}
        <span className="meta">
          {teamName}
          {incident.discoveryLagDays !== null && ` · found ${countOf(incident.discoveryLagDays, 'day')} after the decision`} ·
          weighted harm {incident.weightedHarm} ({incident.harm} × {incident.surprise})
        </span>
      </span>
    </li>
  )
}

/** One decision's incidents in discovery order: the first few, the rest behind "Show n more". */
function DecisionTimeline({ workspace, decisionId, incidents }: { workspace: Workspace } & DecisionGroup<TimelineIncident>) {
  const [isOpen, setOpen] = useState(false)
  const decision = decisionId ? workspace.decisions.find((d) => d.id === decisionId) : undefined
  const shown = isOpen ? incidents : incidents.slice(0, SHOWN_PER_DECISION)
  const hidden = incidents.length - shown.length
  const title = decision?.title ?? 'No recorded decision'
  const first = incidents[0]?.discoveredAt
  const last = incidents.at(-1)?.discoveredAt
  return (
    <li className="timeline-group">
      <h3 className="timeline-decision">
        {decision ? <Link to={`/decisions/${decision.id}`}>{decision.title}</Link> : title}{' '}
        <Badge tone="accent">{countOf(incidents.length, 'incident')}</Badge>
      </h3>
      <p className="meta">
        {decision &&
          `Decided by ${workspace.teamNames[decision.owningTeamId] ?? 'a team'} on ${formatDay(decision.decidedAt)} · `}
        discovered {first === last ? formatDay(first) : `${formatDay(first)} to ${formatDay(last)}`}
      </p>
      <ol className="plain-list timeline-entries">
        {shown.map((incident) => (
          <TimelineEntry
            key={incident.id}
            incident={incident}
            teamName={workspace.teamNames[incident.reportingTeamId] ?? 'a team'}
          />
        ))}
      </ol>
      {(hidden > 0 || isOpen) && incidents.length > SHOWN_PER_DECISION && (
        <button type="button" className="button-link" aria-expanded={isOpen} onClick={() => setOpen(!isOpen)}>
          {isOpen ? 'Show fewer' : `Show ${hidden} more`}
          <span className="visually-hidden"> incidents of “{title}”</span>
        </button>
      )}
    </li>
  )
}

/** What happened, grouped by the decision behind it, each group in discovery order and collapsed. */
export function GroupedTimeline({ workspace }: { workspace: Workspace }) {
  const [isAllShown, setAllShown] = useState(false)
  if (workspace.incidents.length === 0) {
    return (
      <EmptyState>
        <p>No incident of this cluster is visible to you.</p>
      </EmptyState>
    )
  }
  const groups = groupByDecision(workspace.incidents)
  const shown = isAllShown ? groups : groups.slice(0, SHOWN_DECISIONS)
  return (
    <>
      <ol className="plain-list timeline-groups" aria-label="Incidents by decision, in the order they were discovered">
        {shown.map((group) => (
          <DecisionTimeline key={group.decisionId ?? 'none'} workspace={workspace} {...group} />
        ))}
      </ol>
      {groups.length > SHOWN_DECISIONS && (
        <button type="button" className="button-secondary" aria-expanded={isAllShown} onClick={() => setAllShown(!isAllShown)}>
          {isAllShown ? 'Show fewer decisions' : `Show ${groups.length - SHOWN_DECISIONS} more decisions`}
        </button>
      )}
    </>
  )
}
