import { type RetroStatus, retroStatuses, retroStatusLabels } from '@misalign/shared'
import { useState } from 'react'
import { Link } from 'react-router'
import { Field } from '../../../components/field'
import { Badge } from '../../../components/page'
import { PagedList } from '../../../components/paged-list'
import { TableScroll } from '../../../components/table-scroll'
import { formatDay } from '../../../lib/labels'
import { useRetroList } from '../api/retros'

const statusTone: Record<RetroStatus, string> = { planned: 'accent', held: 'warn', closed: 'good' }

export function RetroList() {
  const [status, setStatus] = useState<RetroStatus | ''>('')
  const list = useRetroList(status ? { status } : {})
  return (
    <>
      <div className="card filters">
        <Field id="retro-status-filter" label="Status">
          {(c) => (
            <select {...c} value={status} onChange={(e) => setStatus(e.target.value as RetroStatus | '')}>
              <option value="">Any</option>
              {retroStatuses.map((s) => (
                <option key={s} value={s}>
                  {retroStatusLabels[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <PagedList
        query={list}
        noun="retros"
        resetKey={status}
        empty={
          <p>
            No retro yet. Open one from a <Link to="/clusters">cluster</Link>.
          </p>
        }
      >
        {(items) => (
          <TableScroll label="Retros">
            <table>
              <caption className="visually-hidden">Retros, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Retro</th>
                  <th scope="col">Cluster</th>
                  <th scope="col">Date</th>
                  <th scope="col">Status</th>
                  <th scope="col">Open actions</th>
                </tr>
              </thead>
              <tbody>
                {items.map((retro) => (
                  <tr key={retro.id}>
                    <td>
                      <Link to={`/retros/${retro.id}`}>{retro.title}</Link>
                    </td>
                    <td>{retro.clusterTitle}</td>
                    <td>{formatDay(retro.heldAt)}</td>
                    <td>
                      <Badge tone={statusTone[retro.status]}>{retroStatusLabels[retro.status]}</Badge>
                    </td>
                    <td className="numeric">
                      {retro.openActionCount} of {retro.actionCount}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </PagedList>
    </>
  )
}
