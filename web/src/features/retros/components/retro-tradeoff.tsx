import {
  describeTradeoff,
  type RetroStatus,
  type RetroWorkspace,
  type Role,
  retroStatuses,
  retroStatusLabels,
  scopeOf,
  type Team,
} from '@misalign/shared'
import { type FormEvent, useState } from 'react'
import { Link } from 'react-router'
import { Notice, ProblemMessage } from '../../../components/feedback'
import { Field } from '../../../components/field'
import { LanguageHints } from '../../../components/language-hints'
import { TradeoffFields } from '../../../components/tradeoff-fields'
import { useOpenStrategyGap, usePublishStrategyDraft, useUpdateRetro } from '../api/retros'

/** The retro's conclusions: its summary, its status and the tradeoff it states (prefer X over Y, for goal Z). */
export function RetroSummaryForm({ workspace }: { workspace: RetroWorkspace }) {
  const { retro } = workspace
  const update = useUpdateRetro(retro.id)
  const [summary, setSummary] = useState(retro.summary)
  const [status, setStatus] = useState<RetroStatus>(retro.status)
  const [stated, setStated] = useState({
    prefer: retro.tradeoff?.prefer ?? '',
    over: retro.tradeoff?.over ?? '',
    forGoal: retro.tradeoff?.forGoal ?? '',
  })
  const [error, setError] = useState<string | null>(null)

  function submit(event: FormEvent) {
    event.preventDefault()
    const parts = [stated.prefer, stated.over, stated.forGoal].map((part) => part.trim())
    const filled = parts.filter(Boolean).length
    if (filled > 0 && filled < 3)
      return setError('A tradeoff needs all three parts: what you prefer, over what, and for which goal.')
    setError(null)
    const tradeoff = filled === 3 ? { prefer: parts[0] ?? '', over: parts[1] ?? '', forGoal: parts[2] ?? '' } : null
    update.mutate({ changes: { summary, status, tradeoff }, version: retro.version })
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="retro-summary-heading" noValidate>
      <h2 id="retro-summary-heading">Summary and stated tradeoff</h2>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <ProblemMessage error={update.error} title="Not saved." />
      {update.isSuccess && !update.isPending && (
        <p className="hint" role="status">
          Saved.
        </p>
      )}
      <Field
        id="retro-summary"
        label="What did the retro find?"
        optional
        after={<LanguageHints text={summary} id="retro-summary-language" onRewrite={setSummary} />}
      >
        {(c) => <textarea {...c} rows={4} value={summary} onChange={(e) => setSummary(e.target.value)} />}
      </Field>
      <Field id="retro-status" label="Status">
        {(c) => (
          <select {...c} value={status} onChange={(e) => setStatus(e.target.value as RetroStatus)}>
            {retroStatuses.map((s) => (
              <option key={s} value={s}>
                {retroStatusLabels[s]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="subform">
        <legend>The tradeoff this retro states</legend>
        <p className="hint">
          “We prefer X over Y, for goal Z”: the context that would have made these decisions predictable. Leave it empty if the
          retro found none.
        </p>
        <TradeoffFields
          idPrefix="retro"
          value={stated}
          onChange={(change) => setStated({ ...stated, ...change })}
          isGrid={false}
          maxLength={300}
        />
      </fieldset>
      <div className="actions">
        <button type="submit" className="button-primary" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save summary and tradeoff'}
        </button>
      </div>
    </form>
  )
}

/**
 * The team that owns the draft: the one whose decisions caused most incidents, when the viewer
 * may write strategies for it; otherwise their own team (a lead writes only their team's).
 */
function defaultOwnerTeam(workspace: RetroWorkspace, user: Viewer): string {
  const causing = [...workspace.teams].sort((a, b) => b.causedIncidents - a.causedIncidents)[0]
  if (causing && causing.causedIncidents > 0) {
    if (scopeOf(user, 'strategy.write') === 'org' || user.teamIds.includes(causing.id)) return causing.id
  }
  return user.teamIds[0] ?? causing?.id ?? ''
}

interface Viewer {
  role: Role
  teamIds: string[]
}

/** Advocating autonomy: a stated tradeoff becomes a strategy draft; a cluster with no gap gets one. */
export function RetroPublishPanel({
  workspace,
  mayWrite,
  teams,
  user,
}: {
  workspace: RetroWorkspace
  mayWrite: boolean
  teams: Team[]
  user: Viewer
}) {
  const { retro } = workspace
  const publish = usePublishStrategyDraft(retro.id)
  const openGap = useOpenStrategyGap(retro.id)
  const [ownerTeamId, setOwnerTeamId] = useState(() => defaultOwnerTeam(workspace, user))
  const hasNoGap = workspace.gaps.length === 0 && !retro.gapId
  return (
    <section className="card" aria-labelledby="retro-publish-heading">
      <h2 id="retro-publish-heading">Share the tradeoff</h2>
      {retro.tradeoff ? (
        <p className="tradeoff-quote">{describeTradeoff(retro.tradeoff)}</p>
      ) : (
        <p className="meta">State a tradeoff above to publish it as a strategy draft partner teams can use.</p>
      )}
      <ProblemMessage error={publish.error} title="The strategy draft was not created." />
      <ProblemMessage error={openGap.error} title="The strategy gap was not opened." />
      {retro.strategyId ? (
        <Notice tone="success">
          <p>
            Published as a <Link to={`/strategies/${retro.strategyId}`}>strategy draft</Link>. Review it, then publish it for
            partner teams.
          </p>
        </Notice>
      ) : (
        mayWrite && (
          <>
            <Field
              id="draft-owner"
              label="Team that owns the strategy"
              hint="Prefilled with the team whose decisions caused most incidents, when you may write for it."
            >
              {(c) => (
                <select {...c} value={ownerTeamId} onChange={(e) => setOwnerTeamId(e.target.value)}>
                  {teams.map((team) => (
                    <option key={team.id} value={team.id}>
                      {team.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <button
              type="button"
              className="button-primary"
              disabled={!retro.tradeoff || !ownerTeamId || publish.isPending}
              onClick={() => publish.mutate({ ownerTeamId })}
            >
              {publish.isPending ? 'Publishing…' : 'Publish tradeoff as strategy draft'}
            </button>
          </>
        )
      )}
      <h3>Strategy gap</h3>
      {workspace.gaps.length > 0 && (
        <ul className="plain-list">
          {workspace.gaps.map((gap) => (
            <li key={gap.id}>
              The incidents point at <Link to={`/strategy-gaps/${gap.id}`}>{gap.title}</Link>
            </li>
          ))}
        </ul>
      )}
      {retro.gapId && workspace.gaps.length === 0 && (
        <p>
          This retro opened <Link to={`/strategy-gaps/${retro.gapId}`}>a strategy gap</Link>.
        </p>
      )}
      {hasNoGap && (
        <>
          <p className="meta">These incidents point at no strategy gap yet.</p>
          {mayWrite && (
            <button type="button" className="button-secondary" disabled={openGap.isPending} onClick={() => openGap.mutate()}>
              {openGap.isPending ? 'Opening…' : 'Open a strategy gap'}
            </button>
          )}
        </>
      )}
    </section>
  )
}
