import { type RetroStatus, retroStatuses, retroStatusLabels } from '@misalign/shared'
import { useState } from 'react'
import { Link } from 'react-router'
import { EmptyState, Loading, ProblemMessage } from '../../../components/feedback'
import { Field } from '../../../components/field'
import { Badge } from '../../../components/page'
import { ShowMore } from '../../../components/show-more'
import { formatDay } from '../../../lib/labels'
import { useRetroList } from '../api/retros'

const statusTone: Record<RetroStatus, string> = { planned: 'accent', held: 'warn', closed: 'good' }

export function RetroList() {
  const [status, setStatus] = useState<RetroStatus | ''>('')
  const list = useRetroList(status ? { status } : {})
  const items = list.data?.pages.flatMap((page) => page.items) ?? []
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
      {list.isPending && <Loading label="Loading retros" />}
      {list.error && <ProblemMessage error={list.error} title="The retros could not be loaded." />}
      {list.data && items.length === 0 && (
        <EmptyState>
          <p>
            No retro yet. Open one from a <Link to="/clusters">cluster</Link>.
          </p>
        </EmptyState>
      )}
      {items.length > 0 && (
        <div className="table-scroll">
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
        </div>
      )}
      <ShowMore list={list} label="Show more retros" />
    </>
  )
}
