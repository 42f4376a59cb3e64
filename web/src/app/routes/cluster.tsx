import { mayAttempt, WEIGHTED_HARM_EXPLANATION } from '@misalign/shared'
import { Link, useNavigate, useParams } from 'react-router'
import { Loading, ProblemMessage } from '../../components/feedback'
import { Badge, PageHeader, usePageTitle } from '../../components/page'
import { useCluster } from '../../features/clusters/api/clusters'
import { AttachToGap } from '../../features/clusters/components/attach-to-gap'
import { ClusterExplanation } from '../../features/clusters/components/cluster-explanation'
import { ClusterMembers } from '../../features/clusters/components/cluster-members'
import { ClusterEditLog, ClusterStatusTools } from '../../features/clusters/components/cluster-tools'
import { DecisionForTheRest } from '../../features/clusters/components/decision-for-the-rest'
import { clusterStatusLabels } from '../../features/clusters/components/labels'
import { IncidentsByDecision } from '../../features/incidents/components/incidents-by-decision'
import { countOf, formatDay } from '../../lib/labels'
import { useUser } from '../../lib/session'

export default function ClusterRoute() {
  const { id = '' } = useParams()
  const cluster = useCluster(id)
  const user = useUser()
  const navigate = useNavigate()
  usePageTitle(cluster.data?.title ?? 'Cluster')
  if (cluster.isPending) return <Loading label="Loading the cluster" />
  if (cluster.error) return <ProblemMessage error={cluster.error} title="This cluster could not be shown." />
  const c = cluster.data
  const mayEdit = mayAttempt(user, 'cluster.edit')
  const mayAttachToGap = mayAttempt(user, 'gap.update')
  return (
    <>
      <p>
        <Link to={`/clusters?status=${c.status}`}>← All clusters</Link>
      </p>
      <PageHeader
        title={c.title}
        intro={
          <>
            <Badge tone={c.status === 'confirmed' ? 'good' : c.status === 'dismissed' ? 'neutral' : 'accent'}>
              {clusterStatusLabels[c.status]}
            </Badge>{' '}
            {countOf(c.size, 'incident')} · {countOf(c.teamsAffected, 'team')} hurt ·{' '}
            <abbr title={WEIGHTED_HARM_EXPLANATION}>weighted harm</abbr> {c.weightedHarm} · discovered{' '}
            {formatDay(c.firstDiscoveredAt)} – {formatDay(c.lastDiscoveredAt)}
          </>
        }
        actions={
          <Link className="button-primary" to={`/retros/new?clusterId=${c.id}`}>
            Hold a retro
          </Link>
        }
      />
      {!mayEdit && <p className="hint">Read-only for you: leads, leaders and admins edit clusters.</p>}
      <div className="detail-grid">
        <ClusterExplanation cluster={c} />
        {mayEdit && <ClusterStatusTools key={c.version} cluster={c} />}
      </div>
      <DecisionForTheRest key={`rest-${c.id}`} cluster={c} mayLink={mayAttempt(user, 'incident.update')} />
      <IncidentsByDecision
        key={`${c.id}-${c.version}`}
        filters={{ clusterId: c.id }}
        heading="Incidents in this cluster, by decision"
        empty="None of its incidents is visible to you."
      />
      {mayEdit && (
        <details className="card edit-members">
          <summary>Edit its members: remove incidents, or split some off ({countOf(c.members.length, 'incident')})</summary>
          <ClusterMembers key={c.id} cluster={c} mayEdit={mayEdit} onSplit={(newId) => navigate(`/clusters/${newId}`)} />
        </details>
      )}
      {mayAttachToGap && <AttachToGap cluster={c} />}
      <ClusterEditLog cluster={c} mayEdit={mayEdit} />
    </>
  )
}
