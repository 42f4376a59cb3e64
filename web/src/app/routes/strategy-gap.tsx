import { mayAttempt, type StrategyGap } from '@misalign/shared'
import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { Loading, ProblemMessage } from '../../components/feedback'
import { PageHeader, usePageTitle } from '../../components/page'
import { IncidentsByDecision } from '../../features/incidents/components/incidents-by-decision'
import { StrategyForm } from '../../features/strategies/components/strategy-form'
import { useDraftGapStrategy, useGap, useGapContext } from '../../features/strategy-gaps/api/strategy-gaps'
import { GapAttach } from '../../features/strategy-gaps/components/gap-attach'
import { GapForm, GapLifecycle } from '../../features/strategy-gaps/components/gap-forms'
import { GapImpactSection } from '../../features/strategy-gaps/components/gap-impact-chart'
import { GapDecisions, GapStatusMark, GapSteps } from '../../features/strategy-gaps/components/gap-views'
import { activeTeams, useTeams } from '../../lib/reference-data'
import { useUser } from '../../lib/session'

/** "Draft the strategy now": the strategy form, prefilled from the gap, saving through the gap so it is linked at once. */
function GapStrategyDraftForm({ gap, onDone }: { gap: StrategyGap; onDone: () => void }) {
  const teams = useTeams()
  const draft = useDraftGapStrategy(gap)
  return (
    <StrategyForm
      teams={activeTeams(teams.data)}
      create={draft}
      prefill={{
        title: gap.title,
        context: gap.description,
        intro: `From the gap “${gap.title}”: say the tradeoff that would have made its decisions predictable. It is saved as a draft linked to the gap; publish it when it is ready, then mark the gap as addressed.`,
      }}
      onSaved={onDone}
      onCancel={onDone}
    />
  )
}

export default function StrategyGapRoute() {
  const { id = '' } = useParams()
  const gap = useGap(id)
  const context = useGapContext(id)
  const user = useUser()
  const [isEditing, setEditing] = useState(false)
  const [isDrafting, setDrafting] = useState(false)
  usePageTitle(gap.data?.title ?? 'Strategy gap')

  if (gap.isPending) return <Loading label="Loading the strategy gap" />
  if (gap.error) return <ProblemMessage error={gap.error} title="This strategy gap could not be shown." />
  const g = gap.data
  const mayUpdate = mayAttempt(user, 'gap.update')
  return (
    <>
      <p>
        <Link to="/strategy-gaps">← All strategy gaps</Link>
      </p>
      <PageHeader
        title={g.title}
        intro={<GapStatusMark gap={g} />}
        actions={
          mayUpdate && !isEditing ? (
            <button type="button" className="button-secondary" onClick={() => setEditing(true)}>
              Edit
            </button>
          ) : undefined
        }
      />
      {!mayUpdate && <p className="hint">Read-only for you: leaders and admins move strategy gaps through their lifecycle.</p>}
      {isEditing && <GapForm key={g.version} gap={g} onCancel={() => setEditing(false)} onSaved={() => setEditing(false)} />}
      {context.error && <ProblemMessage error={context.error} title="Who took each step could not be loaded." />}
      <div className="detail-grid">
        <section className="card" aria-labelledby="gap-facts">
          <h2 id="gap-facts">The gap</h2>
          <p className="gap-description">{g.description || 'No description yet.'}</p>
          <GapSteps gap={g} context={context.data} />
        </section>
        {mayUpdate && (
          <GapLifecycle
            gap={g}
            userId={user.id}
            context={context.data}
            onDraftStrategy={mayAttempt(user, 'strategy.write') ? () => setDrafting(true) : undefined}
          />
        )}
      </div>
      {isDrafting && g.status === 'acknowledged' && (
        <div className="gap-strategy-draft">
          <GapStrategyDraftForm gap={g} onDone={() => setDrafting(false)} />
        </div>
      )}
      <GapImpactSection gapId={g.id} />
      <div className="detail-grid">
        <IncidentsByDecision
          filters={{ gapId: g.id }}
          heading="Incidents in this gap, by decision"
          empty="No incident counts towards this gap yet: attach incidents, or put the decisions behind it on the gap."
          showMissingContext
        />
        <GapDecisions gapId={g.id} context={context.data} mayUpdate={mayUpdate} />
      </div>
      {mayUpdate && <GapAttach gapId={g.id} decisionIds={g.decisionIds} />}
    </>
  )
}
