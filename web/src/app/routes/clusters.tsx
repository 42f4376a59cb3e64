import { type ClusterStatus, clusterStatuses, mayAttempt } from '@misalign/shared'
import { useSearchParams } from 'react-router'
import { Notice, ProblemMessage } from '../../components/feedback'
import { PageHeader, usePageTitle } from '../../components/page'
import { useRecompute } from '../../features/clusters/api/clusters'
import { ClusterList } from '../../features/clusters/components/cluster-list'
import { clusterStatusLabels } from '../../features/clusters/components/labels'
import { countOf } from '../../lib/labels'
import { useUser } from '../../lib/session'

export default function ClustersRoute() {
  usePageTitle('Clusters')
  const user = useUser()
  const [search, setSearch] = useSearchParams()
  const requested = search.get('status')
  const status: ClusterStatus = clusterStatuses.includes(requested as ClusterStatus) ? (requested as ClusterStatus) : 'suggested'
  const recompute = useRecompute()
  const mayEdit = mayAttempt(user, 'cluster.edit')
  return (
    <>
      <PageHeader
        title="Clusters"
        intro="Groups of related incidents: the same decision, the same strategy gap, the same team pair close in time, or similar words. One incident is an anecdote; a cluster is a finding worth a retro."
        actions={
          mayEdit && (
            <button type="button" className="button-secondary" disabled={recompute.isPending} onClick={() => recompute.mutate()}>
              {recompute.isPending ? 'Recomputing…' : 'Recompute suggestions'}
            </button>
          )
        }
      />
      {recompute.error && <ProblemMessage error={recompute.error} title="Suggestions were not recomputed." />}
      {recompute.data && (
        <Notice tone="success">
          {countOf(recompute.data.suggested, 'suggestion')} from {countOf(recompute.data.incidents, 'incident')} (
          {recompute.data.created} new). Confirmed and dismissed clusters and every manual edit were kept.
        </Notice>
      )}
      <nav aria-label="Cluster status" className="status-tabs">
        {clusterStatuses.map((s) => (
          <button
            key={s}
            type="button"
            className={s === status ? 'button-primary' : 'button-secondary'}
            aria-pressed={s === status}
            onClick={() => setSearch({ status: s }, { replace: true })}
          >
            {clusterStatusLabels[s]}
          </button>
        ))}
      </nav>
      <ClusterList key={status} status={status} mayEdit={mayEdit} />
    </>
  )
}
