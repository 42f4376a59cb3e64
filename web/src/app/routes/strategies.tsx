import { mayAttempt } from '@misalign/shared'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import { Field } from '../../components/field'
import { PageHeader, usePageTitle } from '../../components/page'
import type { StrategyFilters } from '../../features/strategies/api/strategies'
import { StrategyForm } from '../../features/strategies/components/strategy-form'
import { StrategyList } from '../../features/strategies/components/strategy-views'
import { activeTeams, useTeams } from '../../lib/reference-data'
import { useUser } from '../../lib/session'

const views: Record<string, StrategyFilters> = {
  all: {},
  published: { status: 'published' },
  stale: { stale: true },
  draft: { status: 'draft' },
  retired: { status: 'retired' },
}

export default function StrategiesRoute() {
  usePageTitle('Strategies')
  const user = useUser()
  const teams = useTeams()
  const navigate = useNavigate()
  const [view, setView] = useState('all')
  const [isCreating, setCreating] = useState(false)
  const mayWrite = mayAttempt(user, 'strategy.write')
  return (
    <>
      <PageHeader
        title="Strategies"
        intro="Published statements of priorities, as tradeoffs. A published strategy past its review date is stale: priorities may have moved without anyone re-sharing them."
        actions={
          mayWrite &&
          !isCreating && (
            <button type="button" className="button-primary" onClick={() => setCreating(true)}>
              Draft a strategy
            </button>
          )
        }
      />
      {!mayWrite && <p className="hint">Read-only for you: leads, leaders and admins write strategies.</p>}
      {isCreating && (
        <StrategyForm
          teams={activeTeams(teams.data)}
          onCancel={() => setCreating(false)}
          onSaved={(s) => navigate(`/strategies/${s.id}`)}
        />
      )}
      <div className="filters card">
        <Field id="strategy-view" label="Show">
          {(c) => (
            <select {...c} value={view} onChange={(e) => setView(e.target.value)}>
              <option value="all">All strategies</option>
              <option value="published">Published</option>
              <option value="stale">Stale (past review date)</option>
              <option value="draft">Drafts</option>
              <option value="retired">Retired</option>
            </select>
          )}
        </Field>
      </div>
      <StrategyList filters={views[view] ?? {}} />
    </>
  )
}
