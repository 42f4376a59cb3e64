import { type ClusterStatus, WEIGHTED_HARM_EXPLANATION } from '@misalign/shared'
import { Link } from 'react-router'
import { EmptyState, Loading, ProblemMessage } from '../../../components/feedback'
import { formatDay } from '../../../lib/labels'
import { useClusters } from '../api/clusters'
import { clusterStatusLabels, signalLabels } from './labels'

/** Clusters of one status, most weighted harm first; sizes count only incidents you may see. */
export function ClusterList({ status }: { status: ClusterStatus }) {
  const clusters = useClusters(status)
  if (clusters.isPending) return <Loading label="Loading clusters" />
  if (clusters.error) return <ProblemMessage error={clusters.error} title="Clusters could not be loaded." />
  const items = clusters.data.items
  if (items.length === 0) return <EmptyState>No {clusterStatusLabels[status].toLowerCase()} clusters.</EmptyState>
  return (
    <div className="table-scroll">
      <table className="data-table cluster-table">
        <caption className="visually-hidden">{clusterStatusLabels[status]} clusters</caption>
        <thead>
          <tr>
            <th scope="col">Cluster</th>
            <th scope="col">Incidents</th>
            <th scope="col">
              <abbr title={WEIGHTED_HARM_EXPLANATION}>Weighted harm</abbr>
            </th>
            <th scope="col">Teams hurt</th>
            <th scope="col">Discovered</th>
            <th scope="col">Joined by</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <Link to={`/clusters/${c.id}`}>{c.title}</Link>
              </th>
              <td>{c.size}</td>
              <td>{c.weightedHarm}</td>
              <td>{c.teamsAffected}</td>
              <td>
                {formatDay(c.firstDiscoveredAt)} – {formatDay(c.lastDiscoveredAt)}
              </td>
              <td>
                <ul className="signal-list">
                  {c.signals.map((s) => (
                    <li key={s}>{signalLabels[s]}</li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
