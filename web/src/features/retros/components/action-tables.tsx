import {
  type ActionStatus,
  actionClassLabels,
  actionKindLabels,
  actionStatuses,
  actionStatusLabels,
  antiMisalignmentNotes,
  type CarriedOverAction,
  type CarryOverLink,
  isAntiMisalignment,
  type RetroAction,
} from '@misalign/shared'
import { Link } from 'react-router'
import { EmptyState, ProblemMessage } from '../../../components/feedback'
import { Badge } from '../../../components/page'
import { TableScroll } from '../../../components/table-scroll'
import { formatDay } from '../../../lib/labels'
import { IssueLinkList } from '../../issue-links/components/issue-link-list'
import { useUpdateAction } from '../api/retros'

export function ClassBadge({ action }: { action: Pick<RetroAction, 'kind' | 'actionClass'> }) {
  return action.actionClass === 'alignment' ? (
    <Badge tone="good">{actionClassLabels.alignment}</Badge>
  ) : (
    <Badge tone="warn" title={isAntiMisalignment(action.kind) ? `Cost: ${antiMisalignmentNotes[action.kind].cost}` : undefined}>
      {actionClassLabels.anti_misalignment}
    </Badge>
  )
}

/** The status as a select for those who may change it (the API checks the team), as text for the others. */
function StatusCell({ action, mayWrite }: { action: RetroAction; mayWrite: boolean }) {
  const update = useUpdateAction()
  if (!mayWrite) return <>{actionStatusLabels[action.status]}</>
  return (
    <>
      <select
        aria-label={`Status of “${action.description}”`}
        value={action.status}
        disabled={update.isPending}
        onChange={(e) =>
          update.mutate({ id: action.id, changes: { status: e.target.value as ActionStatus }, version: action.version })
        }
      >
        {actionStatuses.map((status) => (
          <option key={status} value={status}>
            {actionStatusLabels[status]}
          </option>
        ))}
      </select>
      <ProblemMessage error={update.error} />
    </>
  )
}

export function ActionTable({
  actions,
  teamName,
  mayWrite,
  showRetro = false,
  label,
}: {
  actions: RetroAction[]
  teamName: (id: string) => string
  mayWrite: boolean
  showRetro?: boolean
  label: string
}) {
  if (actions.length === 0) {
    return (
      <EmptyState>
        <p>No actions yet.</p>
      </EmptyState>
    )
  }
  return (
    <TableScroll label={label}>
      <table>
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Kind</th>
            <th scope="col">Owner</th>
            <th scope="col">Due</th>
            <th scope="col">Status</th>
            {showRetro && <th scope="col">Retro</th>}
          </tr>
        </thead>
        <tbody>
          {actions.map((action) => (
            <tr key={action.id}>
              <td>
                {action.description}
                {action.reason && <div className="meta">Reason: {action.reason}</div>}
                <IssueLinkList subject={{ type: 'action', id: action.id }} mayEdit={mayWrite} label={`“${action.description}”`} />
              </td>
              <td>
                {actionKindLabels[action.kind]} <ClassBadge action={action} />
              </td>
              <td>{teamName(action.ownerTeamId)}</td>
              <td>{formatDay(action.dueAt)}</td>
              <td>
                <StatusCell action={action} mayWrite={mayWrite} />
              </td>
              {showRetro && (
                <td>
                  <Link to={`/retros/${action.retroId}`}>{action.retroTitle}</Link>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  )
}

function linkText(link: CarryOverLink, teamName: (id: string) => string): string {
  switch (link.kind) {
    case 'cluster':
      return 'Same cluster'
    case 'decision':
      return `Same decision: ${link.title}`
    case 'gap':
      return `Same strategy gap: ${link.title}`
    case 'team_pair':
      return `Same team pair: ${teamName(link.decisionOwnerTeamId)} → ${teamName(link.harmedTeamId)}`
  }
}

/** Open actions of earlier retros about the same thing, with the link that brought each one here. */
export function CarriedOverTable({ items, teamName }: { items: CarriedOverAction[]; teamName: (id: string) => string }) {
  if (items.length === 0) {
    return (
      <p className="meta">No open action of an earlier retro shares a decision, a strategy gap or a team pair with this one.</p>
    )
  }
  return (
    <TableScroll label="Open actions carried over">
      <table>
        <caption className="visually-hidden">Open actions carried over from earlier retros</caption>
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Kind</th>
            <th scope="col">Owner</th>
            <th scope="col">Due</th>
            <th scope="col">From</th>
            <th scope="col">Carried over because</th>
          </tr>
        </thead>
        <tbody>
          {items.map(({ action, links }) => (
            <tr key={action.id}>
              <td>{action.description}</td>
              <td>
                {actionKindLabels[action.kind]} <ClassBadge action={action} />
              </td>
              <td>{teamName(action.ownerTeamId)}</td>
              <td>{formatDay(action.dueAt)}</td>
              <td>
                <Link to={`/retros/${action.retroId}`}>{action.retroTitle}</Link>
              </td>
              <td>
                <ul className="plain-list">
                  {links.map((link) => (
                    <li key={JSON.stringify(link)}>{linkText(link, teamName)}</li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  )
}
