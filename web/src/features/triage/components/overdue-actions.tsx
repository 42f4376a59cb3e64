import { actionKindLabels } from '@misalign/shared'
import { Link } from 'react-router'
import { Badge } from '../../../components/page'
import { PagedList } from '../../../components/paged-list'
import { countOf, formatDay, localDay } from '../../../lib/labels'
import { useTeamName } from '../../../lib/reference-data'
import { useOverdueActions } from '../api/overdue-actions'

/** Whole days from a due date to today (both calendar days, so no clock or time zone enters). */
const daysSince = (day: string, today: string) => Math.round((Date.parse(today) - Date.parse(day)) / 86_400_000)

/**
 * Actions retros agreed on that are past their due date and still open, most overdue first:
 * a lead's teams' (all teams' for leaders and admins), each linking to its retro's actions.
 */
export function OverdueActions({ teamId }: { teamId: string }) {
  const query = useOverdueActions(teamId)
  const teamName = useTeamName()
  const today = localDay()
  return (
    <PagedList query={query} noun="overdue actions" resetKey={teamId} empty={<p>No open action is past its due date.</p>}>
      {(actions) => (
        <ul className="item-list" aria-label="Overdue actions">
          {actions.map((action) => (
            <li key={action.id}>
              <div className="item-row">
                <Link className="item-title" to={`/retros/${action.retroId}?phase=actions`}>
                  {action.description}
                </Link>
                <Badge tone={action.actionClass === 'alignment' ? 'good' : 'warn'}>{actionKindLabels[action.kind]}</Badge>
              </div>
              <span className="meta">
                {teamName(action.ownerTeamId)} · due {formatDay(action.dueAt)}
                {action.dueAt && ` (${countOf(daysSince(action.dueAt, today), 'day')} overdue)`} · from {action.retroTitle}
              </span>
            </li>
          ))}
        </ul>
      )}
    </PagedList>
  )
}
