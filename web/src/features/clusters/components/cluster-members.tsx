import type { ClusterDetail } from '@misalign/shared'
import { useState } from 'react'
import { Link } from 'react-router'
import { ProblemMessage } from '../../../components/feedback'
import { TableScroll } from '../../../components/table-scroll'
import { formatDay, incidentStatusLabels } from '../../../lib/labels'
import { useTeamName } from '../../../lib/reference-data'
import { useRemoveMember, useSplitCluster } from '../api/clusters'

/** The members in discovery order: a timeline before any discussion. Editors can remove or split them off. */
export function ClusterMembers({
  cluster,
  mayEdit,
  onSplit,
}: {
  cluster: ClusterDetail
  mayEdit: boolean
  onSplit: (newClusterId: string) => void
}) {
  const teamName = useTeamName()
  const remove = useRemoveMember(cluster.id)
  const split = useSplitCluster(cluster.id)
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })
  return (
    <section aria-labelledby="cluster-members">
      <h2 id="cluster-members">Incidents, in the order they were discovered</h2>
      {remove.error && <ProblemMessage error={remove.error} title="The incident could not be removed." />}
      {split.error && <ProblemMessage error={split.error} title="The cluster could not be split." />}
      <TableScroll label="Cluster members">
        <table className="data-table">
          <thead>
            <tr>
              {mayEdit && (
                <th scope="col">
                  <span className="visually-hidden">Select</span>
                </th>
              )}
              <th scope="col">Discovered</th>
              <th scope="col">Incident</th>
              <th scope="col">Reported by</th>
              <th scope="col">Status</th>
              <th scope="col" className="numeric">
                Weighted harm
              </th>
              <th scope="col">Added</th>
              {mayEdit && (
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {cluster.members.map((m) => (
              <tr key={m.incidentId}>
                {mayEdit && (
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Select ${m.key}`}
                      checked={selected.has(m.incidentId)}
                      onChange={() => toggle(m.incidentId)}
                    />
                  </td>
                )}
                <td>{formatDay(m.discoveredAt)}</td>
                <th scope="row">
                  <Link to={`/incidents/${m.key}`}>{m.key}</Link> {m.title}
                </th>
                <td>{teamName(m.reportingTeamId)}</td>
                <td>{incidentStatusLabels[m.status]}</td>
                <td className="numeric">{m.weightedHarm}</td>
                <td>{m.source === 'manual' ? 'by hand' : 'by the engine'}</td>
                {mayEdit && (
                  <td>
                    <button
                      type="button"
                      className="button-secondary"
                      disabled={remove.isPending}
                      aria-label={`Remove ${m.key} from the cluster`}
                      onClick={() => remove.mutate(m.incidentId)}
                    >
                      Remove
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {mayEdit && (
        <p>
          <button
            type="button"
            className="button-secondary"
            disabled={selected.size === 0 || selected.size >= cluster.members.length || split.isPending}
            onClick={() => split.mutate({ incidentIds: [...selected] }, { onSuccess: (created) => onSplit(created.id) })}
          >
            Split {selected.size || ''} selected into a new cluster
          </button>
        </p>
      )}
    </section>
  )
}
