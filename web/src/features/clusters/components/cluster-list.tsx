import { type ClusterStatus, type ClusterSummary, WEIGHTED_HARM_EXPLANATION } from '@misalign/shared'
import { useState } from 'react'
import { Link } from 'react-router'
import { Notice, ProblemMessage } from '../../../components/feedback'
import { PagedList } from '../../../components/paged-list'
import { TableScroll } from '../../../components/table-scroll'
import { countOf, formatDay } from '../../../lib/labels'
import { useClusterPages, useSetClusterStatuses } from '../api/clusters'
import { clusterStatusLabels, signalLabels } from './labels'

/**
 * Clusters of one status, most weighted harm first, a page at a time; sizes count only incidents
 * you may see. Editors select suggestions and confirm or dismiss them together.
 */
export function ClusterList({
  status,
  mayEdit,
  compact = false,
  pageSize,
}: {
  status: ClusterStatus
  mayEdit: boolean
  compact?: boolean
  /** Clusters a page; 25 unless said. */
  pageSize?: number
}) {
  const pages = useClusterPages(status, pageSize)
  const bulk = useSetClusterStatuses()
  const [selected, setSelected] = useState<Map<string, number>>(new Map())
  const [done, setDone] = useState<string | null>(null)
  const canBulk = mayEdit && status === 'suggested'
  const toggle = (cluster: ClusterSummary) =>
    setSelected((current) => {
      const next = new Map(current)
      if (next.has(cluster.id)) next.delete(cluster.id)
      else next.set(cluster.id, cluster.version)
      return next
    })
  function apply(to: 'confirmed' | 'dismissed') {
    const clusters = [...selected].map(([id, version]) => ({ id, version }))
    bulk.mutate(
      { status: to, clusters },
      {
        onSuccess: (result) => {
          setSelected(new Map())
          setDone(`${countOf(result.items.length, 'suggestion')} ${to === 'confirmed' ? 'confirmed' : 'dismissed'}.`)
        },
      },
    )
  }
  const toolbar = canBulk && (
    <fieldset className="bulk-actions">
      <legend className="visually-hidden">With the selected suggestions</legend>
      <span>{selected.size} selected</span>
      <button
        type="button"
        className="button-primary"
        disabled={selected.size === 0 || bulk.isPending}
        onClick={() => apply('confirmed')}
      >
        Confirm
      </button>
      <button
        type="button"
        className="button-secondary"
        disabled={selected.size === 0 || bulk.isPending}
        onClick={() => apply('dismissed')}
      >
        Dismiss
      </button>
    </fieldset>
  )
  return (
    <>
      {done && <Notice tone="success">{done}</Notice>}
      {bulk.error && <ProblemMessage error={bulk.error} title="Nothing was changed." />}
      <PagedList
        query={pages}
        noun={`${clusterStatusLabels[status].toLowerCase()} clusters`}
        resetKey={status}
        toolbar={toolbar}
        empty={<p>No {clusterStatusLabels[status].toLowerCase()} clusters.</p>}
      >
        {(items) => (
          <TableScroll label="Clusters">
            <table className="data-table cluster-table">
              <caption className="visually-hidden">{clusterStatusLabels[status]} clusters</caption>
              <thead>
                <tr>
                  {canBulk && (
                    <th scope="col">
                      <span className="visually-hidden">Select</span>
                    </th>
                  )}
                  <th scope="col">Cluster</th>
                  <th scope="col">Incidents</th>
                  <th scope="col">
                    <abbr title={WEIGHTED_HARM_EXPLANATION}>Weighted harm</abbr>
                  </th>
                  {!compact && (
                    <th scope="col" className="wide-only">
                      Teams hurt
                    </th>
                  )}
                  {!compact && (
                    <th scope="col" className="wide-only">
                      Discovered
                    </th>
                  )}
                  <th scope="col" className="wide-only">
                    Joined by
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((c) => (
                  <tr key={c.id}>
                    {canBulk && (
                      <td>
                        <input
                          type="checkbox"
                          aria-label={`Select ${c.title}`}
                          checked={selected.has(c.id)}
                          onChange={() => toggle(c)}
                        />
                      </td>
                    )}
                    <th scope="row">
                      <Link to={`/clusters/${c.id}`}>{c.title}</Link>
                    </th>
                    <td>{c.size}</td>
                    <td>{c.weightedHarm}</td>
                    {!compact && <td className="wide-only">{c.teamsAffected}</td>}
                    {!compact && (
                      <td className="wide-only">
                        {formatDay(c.firstDiscoveredAt)} – {formatDay(c.lastDiscoveredAt)}
                      </td>
                    )}
                    <td className="wide-only">
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
          </TableScroll>
        )}
      </PagedList>
    </>
  )
}
