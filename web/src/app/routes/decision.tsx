import { can } from '@misalign/shared'
import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { Loading, ProblemMessage } from '../../components/feedback'
import { PageHeader, usePageTitle } from '../../components/page'
import { useDecision } from '../../features/decisions/api/decisions'
import { DecisionFacts, DecisionIncidents, DraftStrategyOffer } from '../../features/decisions/components/decision-detail'
import { DecisionForm } from '../../features/decisions/components/decision-form'
import { ClassMark } from '../../features/decisions/components/decision-list'
import { activeTeams, useTeams } from '../../lib/reference-data'
import { useUser } from '../../lib/session'

export default function DecisionRoute() {
  const { id = '' } = useParams()
  const decision = useDecision(id)
  const user = useUser()
  const teams = useTeams()
  const [isEditing, setEditing] = useState(false)
  usePageTitle(decision.data?.title ?? 'Decision')

  if (decision.isPending) return <Loading label="Loading the decision" />
  if (decision.error) return <ProblemMessage error={decision.error} title="This decision could not be shown." />
  const d = decision.data
  const viewer = { userId: user.id, role: user.role, teamIds: user.teamIds }
  const mayEdit = can(viewer, 'decision.update', { teamIds: [d.owningTeamId] })
  const mayDraft = can(viewer, 'strategy.write', { teamIds: [d.owningTeamId] })
  return (
    <>
      <p>
        <Link to="/decisions">← All decisions</Link>
      </p>
      <PageHeader
        title={d.title}
        intro={<ClassMark decision={d} />}
        actions={
          mayEdit && !isEditing ? (
            <button type="button" className="button-primary" onClick={() => setEditing(true)}>
              Edit
            </button>
          ) : undefined
        }
      />
      {!mayEdit && <p className="hint">Read-only for you: leads of the owning team, leaders and admins can change it.</p>}
      {isEditing && (
        <DecisionForm
          key={d.version}
          decision={d}
          teams={activeTeams(teams.data)}
          onCancel={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      )}
      <div className="detail-grid">
        <DecisionFacts decision={d} />
        <DecisionIncidents decisionId={d.id} />
        {mayDraft && <DraftStrategyOffer decision={d} />}
      </div>
    </>
  )
}
