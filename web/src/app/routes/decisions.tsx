import { can } from '@misalign/shared'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { PageHeader, usePageTitle } from '../../components/page'
import { Term } from '../../components/term'
import { DecisionForm } from '../../features/decisions/components/decision-form'
import { DecisionList } from '../../features/decisions/components/decision-list'
import { activeTeams, useTeams } from '../../lib/reference-data'
import { useUser } from '../../lib/session'

export default function DecisionsRoute() {
  usePageTitle('Decisions')
  const [isCreating, setCreating] = useState(false)
  const teams = useTeams()
  const navigate = useNavigate()
  const user = useUser()
  // Importing ADRs rewrites a team's records: for those who may update a team's decisions.
  const mayImport = can({ userId: user.id, role: user.role, teamIds: user.teamIds }, 'decision.update', { teamIds: user.teamIds })
  return (
    <>
      <PageHeader
        title="Decisions"
        intro={
          <>
            Upstream decisions that incidents point at. A decision with its tradeoff is <Term id="strategy-bearing" />; without
            one it is an <Term id="agreement" />.
          </>
        }
        actions={
          !isCreating && (
            <>
              <button type="button" className="button-primary" onClick={() => setCreating(true)}>
                Record a decision
              </button>
              {mayImport && (
                <Link className="button-secondary" to="/decisions/import">
                  Import ADRs
                </Link>
              )}
            </>
          )
        }
      />
      {isCreating && (
        <DecisionForm
          teams={activeTeams(teams.data)}
          onCancel={() => setCreating(false)}
          onSaved={(d) => navigate(`/decisions/${d.id}`)}
        />
      )}
      <DecisionList />
    </>
  )
}
