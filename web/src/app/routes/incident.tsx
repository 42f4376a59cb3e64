import { can } from '@misalign/shared'
import { useState } from 'react'
import { Link, useLocation, useParams } from 'react-router'
import { Loading, Notice, ProblemMessage } from '../../components/feedback'
import { Badge, PageHeader, usePageTitle } from '../../components/page'
import { useIncident } from '../../features/incidents/api/incidents'
import { ActivityFeed } from '../../features/incidents/components/activity-feed'
import { HurtUsToo, type ImpactDraft } from '../../features/incidents/components/hurt-us-too'
import { IncidentDetail } from '../../features/incidents/components/incident-detail'
import { IncidentEditor } from '../../features/incidents/components/incident-editor'
import { IncidentInsight } from '../../features/incidents/components/incident-insight'
import { IncidentSidebar } from '../../features/incidents/components/incident-sidebar'
import { IssueLinkList } from '../../features/issue-links/components/issue-link-list'
import { incidentStatusLabels } from '../../lib/labels'
import { useUser } from '../../lib/session'

export default function IncidentRoute() {
  const { key = '' } = useParams()
  usePageTitle(key)
  const user = useUser()
  const incident = useIncident(key)
  // The report form's "This hurt us too" arrives with the draft's surprise, harm and cost.
  const impactDraft = (useLocation().state as { impactDraft?: ImpactDraft } | null)?.impactDraft
  const [isEditing, setEditing] = useState(false)
  const [justSaved, setJustSaved] = useState(false)

  if (incident.isPending) return <Loading label={`Loading ${key}`} />
  if (incident.error) {
    return (
      <>
        <PageHeader title={key} />
        <ProblemMessage error={incident.error} title="This incident could not be shown." />
        <Link to="/incidents">Back to all incidents</Link>
      </>
    )
  }
  const data = incident.data
  // The API decides; this only spares people a form they cannot save.
  const mayEdit = can({ userId: user.id, role: user.role, teamIds: user.teamIds }, 'incident.update', {
    teamIds: [data.reportingTeamId],
    isOwnedByViewer: data.isMine,
  })

  return (
    <>
      <p>
        <Link to="/incidents">← All incidents</Link>
      </p>
      <PageHeader
        title={
          <>
            <span className="incident-key">{data.key}</span> {data.title}
          </>
        }
        intro={
          <>
            <Badge tone="accent">{incidentStatusLabels[data.status]}</Badge> {data.anonymous && <Badge>Anonymous</Badge>}{' '}
            {data.restricted && <Badge tone="warn">Team only</Badge>}
          </>
        }
        actions={
          mayEdit && !isEditing ? (
            <button
              type="button"
              className="button-primary"
              onClick={() => {
                setJustSaved(false)
                setEditing(true)
              }}
            >
              Edit and triage
            </button>
          ) : undefined
        }
      />
      {!mayEdit && (
        <p className="hint">Read-only for you: its reporter, leads of the reporting team, leaders and admins can change it.</p>
      )}
      <div role="status">{justSaved && <Notice tone="success">Changes saved.</Notice>}</div>
      {isEditing && (
        <IncidentEditor
          key={data.id}
          incident={data}
          onDone={(saved) => {
            setEditing(false)
            setJustSaved(saved)
          }}
        />
      )}
      {/* Arriving from the report form's "This is the same thing": joining comes first, above
          everything that loads after it and would push it out of view. */}
      {impactDraft && <HurtUsToo key={`impacts-${data.id}`} incident={data} draft={impactDraft} />}
      <div className="incident-layout">
        <IncidentDetail incident={data} />
        {/* While the full editor is open it is the one place to change fields: the sidebar reads only. */}
        <IncidentSidebar incident={data} mayEdit={mayEdit && !isEditing} />
        <div className="incident-rest">
          {!impactDraft && <HurtUsToo key={`impacts-${data.id}`} incident={data} />}
          <section className="card" aria-labelledby="d-issue-links">
            <h2 id="d-issue-links">Tracker issues</h2>
            <IssueLinkList
              key={`links-${data.id}`}
              subject={{ type: 'incident', id: data.key }}
              mayEdit={mayEdit}
              label={data.key}
            />
          </section>
          <IncidentInsight key={`insight-${data.id}`} incident={data} mayEdit={mayEdit} />
          <ActivityFeed key={`activity-${data.id}`} incidentId={data.id} version={data.version} />
        </div>
      </div>
    </>
  )
}
