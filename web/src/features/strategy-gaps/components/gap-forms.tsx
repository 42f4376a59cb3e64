import type { GapTransitionBody, StrategyGap } from '@misalign/shared'
import { type FormEvent, useState } from 'react'
import { ProblemMessage } from '../../../components/feedback'
import { Field } from '../../../components/field'
import { LanguageHints } from '../../../components/language-hints'
import { useCreateGap, usePublishedStrategies, useTransitionGap, useUpdateGap } from '../api/strategy-gaps'

/** Opens a gap, or changes its title and description (sending the version it was loaded at). */
export function GapForm({
  gap,
  onSaved,
  onCancel,
}: {
  gap?: StrategyGap
  onSaved: (gap: StrategyGap) => void
  onCancel: () => void
}) {
  const create = useCreateGap()
  const update = useUpdateGap(gap?.id ?? '')
  const save = gap ? update : create
  const [title, setTitle] = useState(gap?.title ?? '')
  const [description, setDescription] = useState(gap?.description ?? '')
  const [error, setError] = useState<string | null>(null)

  function submit(event: FormEvent) {
    event.preventDefault()
    if (!title.trim()) return setError('Give the gap a title.')
    setError(null)
    const body = { title: title.trim(), description: description.trim() }
    if (gap) update.mutate({ changes: body, version: gap.version }, { onSuccess: onSaved })
    else create.mutate(body, { onSuccess: onSaved })
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="gap-form-heading" noValidate>
      <h2 id="gap-form-heading">{gap ? 'Edit the gap' : 'Open a strategy gap'}</h2>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <ProblemMessage error={save.error} title="Not saved." />
      <Field id="gap-title" label="Title">
        {(c) => <input {...c} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <Field
        id="gap-description"
        label="What context was missing?"
        optional
        after={<LanguageHints text={description} id="gap-description-language" />}
      >
        {(c) => <textarea {...c} rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />}
      </Field>
      <div className="actions">
        <button type="submit" className="button-primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : gap ? 'Save changes' : 'Open gap'}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}

/** The next lifecycle step: open → acknowledged → published → verified, or won't fix with a reason. */
export function GapLifecycle({ gap, userId }: { gap: StrategyGap; userId: string }) {
  const transition = useTransitionGap(gap.id)
  const strategies = usePublishedStrategies()
  const [strategyId, setStrategyId] = useState('')
  const [reason, setReason] = useState('')
  const move = (body: GapTransitionBody) => transition.mutate({ body, version: gap.version })

  return (
    <section className="card" aria-labelledby="lifecycle-heading">
      <h2 id="lifecycle-heading">Next step</h2>
      <ProblemMessage error={transition.error} title="The gap did not move." />
      {gap.status === 'open' && (
        <button type="button" className="button-primary" onClick={() => move({ to: 'acknowledged', ownerId: userId })}>
          Acknowledge and own it
        </button>
      )}
      {gap.status === 'acknowledged' && (
        <div className="row">
          <Field id="gap-strategy" label="Published strategy that closes it">
            {(c) => (
              <select {...c} value={strategyId} onChange={(e) => setStrategyId(e.target.value)}>
                <option value="">{strategies.isPending ? 'Loading strategies…' : 'Choose a strategy'}</option>
                {(strategies.data?.items ?? []).map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="field">
            <button
              type="button"
              className="button-primary"
              disabled={!strategyId}
              onClick={() => move({ to: 'published', strategyId })}
            >
              Mark as addressed
            </button>
          </div>
        </div>
      )}
      {gap.status === 'published' && (
        <button type="button" className="button-primary" onClick={() => move({ to: 'verified' })}>
          Verify: no new incidents since
        </button>
      )}
      {(gap.status === 'verified' || gap.status === 'wont_fix') && (
        <button type="button" className="button-secondary" onClick={() => move({ to: 'open' })}>
          Reopen
        </button>
      )}
      {gap.status !== 'verified' && gap.status !== 'wont_fix' && (
        <div className="wont-fix">
          <Field id="gap-reason" label="Or close it as won’t fix, because…">
            {(c) => <input {...c} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <button
            type="button"
            className="button-secondary"
            disabled={!reason.trim()}
            onClick={() => move({ to: 'wont_fix', reason: reason.trim() })}
          >
            Won’t fix
          </button>
        </div>
      )}
    </section>
  )
}
