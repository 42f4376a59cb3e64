import { type Decision, isCompleteTradeoff, normalizeTradeoff, type Team } from '@misalign/shared'
import { type FormEvent, useState } from 'react'
import { ProblemMessage } from '../../../components/feedback'
import { Field } from '../../../components/field'
import { LanguageHints } from '../../../components/language-hints'
import { TeamSelect } from '../../../components/team-select'
import { TradeoffFields, type TradeoffFieldsValue } from '../../../components/tradeoff-fields'
import { ApiError } from '../../../lib/api'
import { localDay } from '../../../lib/labels'
import { useSaveDecision } from '../api/decisions'

/** Records a decision, or changes one (sending the version it was loaded at). */
export function DecisionForm({
  decision,
  teams,
  onSaved,
  onCancel,
}: {
  decision?: Decision
  teams: Team[]
  onSaved: (decision: Decision) => void
  onCancel: () => void
}) {
  const save = useSaveDecision(decision?.id ?? null)
  const [title, setTitle] = useState(decision?.title ?? '')
  const [summary, setSummary] = useState(decision?.summary ?? '')
  const [owningTeamId, setOwningTeamId] = useState(decision?.owningTeamId ?? '')
  const [decidedAt, setDecidedAt] = useState(decision?.decidedAt ?? localDay())
  const [link, setLink] = useState(decision?.link ?? '')
  // Only a confirmed pick is sent back as picked; a suggestion stays a suggestion until a lead confirms it.
  const confirmed = decision?.tradeoff?.prioritiesConfirmed === true
  const [tradeoff, setTradeoff] = useState<TradeoffFieldsValue>({
    prefer: decision?.tradeoff?.prefer ?? '',
    over: decision?.tradeoff?.over ?? '',
    forGoal: decision?.tradeoff?.forGoal ?? '',
    preferPriorityId: confirmed ? (decision?.tradeoff?.preferPriorityId ?? null) : null,
    overPriorityId: confirmed ? (decision?.tradeoff?.overPriorityId ?? null) : null,
  })
  const { preferPriorityId, overPriorityId } = tradeoff
  const [error, setError] = useState<string | null>(null)
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors : {}

  function submit(event: FormEvent) {
    event.preventDefault()
    const t = normalizeTradeoff(tradeoff)
    if (!title.trim() || !owningTeamId) return setError('A decision needs a title and the team that owns it.')
    if (t && !isCompleteTradeoff(t)) return setError('Fill in all three parts of the tradeoff, or leave them all empty.')
    setError(null)
    const body = {
      title: title.trim(),
      summary: summary.trim(),
      owningTeamId,
      decidedAt,
      link: link.trim() || null,
      tradeoff: t && {
        ...t,
        ...(preferPriorityId ? { preferPriorityId } : {}),
        ...(overPriorityId ? { overPriorityId } : {}),
      },
    }
    save.mutate(decision ? { body, version: decision.version } : { body }, { onSuccess: onSaved })
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="decision-form-heading" noValidate>
      <h2 id="decision-form-heading">{decision ? 'Edit the decision' : 'Record a decision'}</h2>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <ProblemMessage error={save.error} title="Not saved." />
      <Field id="decision-title" label="What was decided?" error={fieldErrors.title}>
        {(c) => <input {...c} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <Field
        id="decision-summary"
        label="Summary"
        optional
        after={<LanguageHints text={summary} id="decision-summary-language" onRewrite={setSummary} />}
      >
        {(c) => <textarea {...c} rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} />}
      </Field>
      <div className="row">
        <Field id="decision-team" label="Owning team" error={fieldErrors.owningTeamId}>
          {(c) => <TeamSelect {...c} teams={teams} value={owningTeamId} onChange={setOwningTeamId} />}
        </Field>
        <Field id="decision-date" label="Decided on">
          {(c) => <input {...c} type="date" value={decidedAt} onChange={(e) => setDecidedAt(e.target.value)} />}
        </Field>
      </div>
      <Field id="decision-link" label="Link to where it is written down" optional error={fieldErrors.link}>
        {(c) => <input {...c} type="url" value={link} onChange={(e) => setLink(e.target.value)} />}
      </Field>
      <fieldset>
        <legend>Tradeoff (optional)</legend>
        <p className="hint">
          “We prefer X over Y, for goal Z.” With it the decision is strategy-bearing: partner teams can predict the next one.
          Without it, it is an agreement that settles only itself.
        </p>
        <TradeoffFields
          idPrefix="decision"
          value={tradeoff}
          onChange={(change) => setTradeoff({ ...tradeoff, ...change })}
          withPriorities
        />
      </fieldset>
      <div className="actions">
        <button type="submit" className="button-primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : decision ? 'Save changes' : 'Record decision'}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
