import { gapStatuses, mayAttempt } from '@misalign/shared'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import { Field } from '../../components/field'
import { PageHeader, usePageTitle } from '../../components/page'
import type { GapFilters } from '../../features/strategy-gaps/api/strategy-gaps'
import { GapForm } from '../../features/strategy-gaps/components/gap-forms'
import { GapList } from '../../features/strategy-gaps/components/gap-views'
import { gapStatusLabels } from '../../lib/labels'
import { useUser } from '../../lib/session'

export default function StrategyGapsRoute() {
  usePageTitle('Strategy gaps')
  const user = useUser()
  const navigate = useNavigate()
  const [status, setStatus] = useState('')
  const [isCreating, setCreating] = useState(false)
  const mayCreate = mayAttempt(user, 'gap.create')
  return (
    <>
      <PageHeader
        title="Strategy gaps"
        intro="Missing or stale pieces of strategy that incidents point at, most harmful first."
        actions={
          mayCreate &&
          !isCreating && (
            <button type="button" className="button-primary" onClick={() => setCreating(true)}>
              Open a gap
            </button>
          )
        }
      />
      {!mayCreate && <p className="hint">Read-only for you: leads, leaders and admins open strategy gaps.</p>}
      {isCreating && <GapForm onCancel={() => setCreating(false)} onSaved={(g) => navigate(`/strategy-gaps/${g.id}`)} />}
      <div className="filters card">
        <Field id="gap-status" label="Status">
          {(c) => (
            <select {...c} value={status} onChange={(e) => setStatus(e.target.value)}>
              <option value="">Any</option>
              {gapStatuses.map((s) => (
                <option key={s} value={s}>
                  {gapStatusLabels[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <GapList filters={(status ? { status } : {}) as GapFilters} />
    </>
  )
}
