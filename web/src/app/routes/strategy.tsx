import { can } from '@misalign/shared'
import { useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { Loading, ProblemMessage } from '../../components/feedback'
import { PageHeader, usePageTitle } from '../../components/page'
import { useStrategy, useStrategyStep } from '../../features/strategies/api/strategies'
import { StrategyForm } from '../../features/strategies/components/strategy-form'
import { FreshnessMark, Revisions, StrategyFacts } from '../../features/strategies/components/strategy-views'
import { activeTeams, useTeams } from '../../lib/reference-data'
import { useUser } from '../../lib/session'

export default function StrategyRoute() {
  const { id = '' } = useParams()
  const strategy = useStrategy(id)
  const step = useStrategyStep(id)
  const user = useUser()
  const teams = useTeams()
  const navigate = useNavigate()
  const [isEditing, setEditing] = useState(false)
  usePageTitle(strategy.data?.title ?? 'Strategy')

  if (strategy.isPending) return <Loading label="Loading the strategy" />
  if (strategy.error) return <ProblemMessage error={strategy.error} title="This strategy could not be shown." />
  const s = strategy.data
  const mayWrite = can({ userId: user.id, role: user.role, teamIds: user.teamIds }, 'strategy.write', {
    teamIds: [s.ownerTeamId],
  })
  const act = (which: 'publish' | 'retire' | 'revisions') =>
    step.mutate({ step: which, version: s.version }, { onSuccess: (r) => r.id !== s.id && navigate(`/strategies/${r.id}`) })

  return (
    <>
      <p>
        <Link to="/strategies">← All strategies</Link>
      </p>
      <PageHeader
        title={s.title}
        intro={
          <>
            <FreshnessMark strategy={s} /> <span className="hint">revision {s.revision}</span>
          </>
        }
        actions={
          mayWrite && (
            <>
              {s.status === 'draft' && !isEditing && (
                <button type="button" className="button-secondary" onClick={() => setEditing(true)}>
                  Edit draft
                </button>
              )}
              {s.status === 'draft' && (
                <button type="button" className="button-primary" disabled={step.isPending} onClick={() => act('publish')}>
                  Publish
                </button>
              )}
              {s.status === 'published' && (
                <>
                  <button type="button" className="button-primary" disabled={step.isPending} onClick={() => act('revisions')}>
                    Start a revision
                  </button>
                  <button type="button" className="button-secondary" disabled={step.isPending} onClick={() => act('retire')}>
                    Retire
                  </button>
                </>
              )}
            </>
          )
        }
      />
      {!mayWrite && <p className="hint">Read-only for you: leads of the owner team, leaders and admins change strategies.</p>}
      <ProblemMessage error={step.error} title="That did not work." />
      {isEditing && (
        <StrategyForm
          key={s.version}
          strategy={s}
          teams={activeTeams(teams.data)}
          onCancel={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      )}
      <div className="detail-grid">
        <StrategyFacts strategy={s} />
        <Revisions strategy={s} />
      </div>
    </>
  )
}
