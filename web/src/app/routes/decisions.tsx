import { useState } from 'react'
import { useNavigate } from 'react-router'
import { PageHeader, usePageTitle } from '../../components/page'
import { Term } from '../../components/term'
import { DecisionForm } from '../../features/decisions/components/decision-form'
import { DecisionList } from '../../features/decisions/components/decision-list'
import { activeTeams, useTeams } from '../../lib/reference-data'

export default function DecisionsRoute() {
  usePageTitle('Decisions')
  const [isCreating, setCreating] = useState(false)
  const teams = useTeams()
  const navigate = useNavigate()
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
            <button type="button" className="button-primary" onClick={() => setCreating(true)}>
              Record a decision
            </button>
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
