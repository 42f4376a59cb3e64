import {
  defaultVerificationWeeks,
  type GapContext,
  type GapTransitionBody,
  type StrategyGap,
  utcDay,
  type VerificationOutlook,
  verificationOutlook,
} from '@misalign/shared'
import { type FormEvent, useState } from 'react'
import { Link } from 'react-router'
import { Notice, ProblemMessage } from '../../../components/feedback'
import { Field } from '../../../components/field'
import { LanguageHints } from '../../../components/language-hints'
import { countOf, formatDay, nounFor } from '../../../lib/labels'
import { useCreateGap, usePublishedStrategies, useTransitionGap, useUpdateGap } from '../api/strategy-gaps'

/** What a suggestion fills in: its title, the missing context quoted, and its incidents. */
export interface GapPrefill {
  title: string
  description: string
  incidentIds: string[]
  /** Decisions to put behind the new gap, so their later incidents count towards it too. */
  decisionIds: string[]
}

/**
 * Opens a gap, or changes its title and description (sending the version it was loaded at). Opened
 * from a suggestion, it offers to attach the suggestion's incidents so the gap starts with its evidence.
 */
export function GapForm({
  gap,
  prefill,
  onSaved,
  onCancel,
}: {
  gap?: StrategyGap
  prefill?: GapPrefill
  onSaved: (gap: StrategyGap) => void
  onCancel: () => void
}) {
  const create = useCreateGap()
  const update = useUpdateGap(gap?.id ?? '')
  const save = gap ? update : create
  const [title, setTitle] = useState(gap?.title ?? prefill?.title ?? '')
  const [description, setDescription] = useState(gap?.description ?? prefill?.description ?? '')
  const [isAttaching, setAttaching] = useState(true)
  const [error, setError] = useState<string | null>(null)
  const attachable = prefill?.incidentIds ?? []
  const decisionIds = prefill?.decisionIds ?? []

  function submit(event: FormEvent) {
    event.preventDefault()
    if (!title.trim()) return setError('Give the gap a title.')
    setError(null)
    const body = { title: title.trim(), description: description.trim() }
    if (gap) update.mutate({ changes: body, version: gap.version }, { onSuccess: onSaved })
    else
      create.mutate(isAttaching && attachable.length ? { ...body, incidentIds: attachable, decisionIds } : body, {
        onSuccess: onSaved,
      })
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
        after={<LanguageHints text={description} id="gap-description-language" onRewrite={setDescription} />}
      >
        {(c) => <textarea {...c} rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />}
      </Field>
      {!gap && attachable.length > 0 && (
        <label className="check">
          <input type="checkbox" checked={isAttaching} onChange={(e) => setAttaching(e.target.checked)} />
          Attach its {countOf(attachable.length, 'incident')} to the new gap
          {decisionIds.length > 0 && ` and put its ${nounFor(decisionIds.length, 'decision')} behind it`}
        </label>
      )}
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

/** Where verification stands at the chosen weeks, when the context says enough to tell; the API decides the same way. */
function outlookOf(context: GapContext | undefined, weeks: number): VerificationOutlook | null {
  const publishedAt = context?.strategy?.publishedAt
  if (!publishedAt || !context?.verification) return null
  return verificationOutlook({
    publishedAt,
    lastIncidentAt: context.verification.lastIncidentAt,
    weeks,
    today: utcDay(new Date()),
  })
}

/** What the screen says before anyone clicks Verify; the API refuses with the same day (422). */
function VerificationOutlookNote({
  context,
  weeks,
  outlook,
}: {
  context: GapContext | undefined
  weeks: number
  outlook: VerificationOutlook | null
}) {
  const publishedAt = context?.strategy?.publishedAt
  if (!publishedAt || !outlook) return null
  if (outlook.state === 'ready')
    return (
      <Notice tone="success">
        No incident in this gap since its strategy was published on {formatDay(publishedAt)}: {weeks} quiet weeks have passed, so
        it can be verified.
      </Notice>
    )
  if (outlook.state === 'waiting')
    return (
      <Notice tone="info">
        Too early to verify: it needs {weeks} quiet weeks after {formatDay(publishedAt)}. Possible from{' '}
        <strong>{formatDay(outlook.earliestAt)}</strong>, if no incident arrives before then.
      </Notice>
    )
  return (
    <Notice tone="warning">
      An incident was discovered on {formatDay(outlook.lastIncidentAt)}, after the strategy was published on{' '}
      {formatDay(publishedAt)}: the strategy has not closed this gap yet. To address it with another strategy, close it as won’t
      fix and reopen it.
    </Notice>
  )
}

/** Why Verify cannot be pressed yet, in a few words beside it (the note above says it in full). */
const notYet = (outlook: VerificationOutlook) =>
  outlook.state === 'waiting'
    ? `Too early: possible from ${formatDay(outlook.earliestAt)}.`
    : 'Not possible: an incident came after the strategy was published.'

/**
 * The next lifecycle step: open → acknowledged → published → verified, or won't fix with a reason.
 * An acknowledged gap needs a published strategy; `onDraftStrategy` offers to draft one now
 * instead (the route shows the strategy form), and a linked draft is shown until it is published.
 */
export function GapLifecycle({
  gap,
  userId,
  context,
  onDraftStrategy,
}: {
  gap: StrategyGap
  userId: string
  context?: GapContext
  onDraftStrategy?: () => void
}) {
  const transition = useTransitionGap(gap.id)
  const strategies = usePublishedStrategies()
  const [picked, setStrategyId] = useState('')
  const [reason, setReason] = useState('')
  const [weeks, setWeeks] = useState(defaultVerificationWeeks)
  const move = (body: GapTransitionBody) => transition.mutate({ body, version: gap.version })
  // The strategy drafted for this gap ("Draft the strategy now"), once linked.
  const linked = gap.addressedByStrategyId && context?.strategy?.id === gap.addressedByStrategyId ? context.strategy : null
  const strategyId = picked || (linked?.status === 'published' ? linked.id : '')
  const outlook = gap.status === 'published' ? outlookOf(context, weeks) : null
  const isTooEarly = outlook !== null && outlook.state !== 'ready'

  return (
    <section className="card" aria-labelledby="lifecycle-heading">
      <h2 id="lifecycle-heading">Next step</h2>
      <ProblemMessage error={transition.error} title="The gap did not move." />
      {gap.status === 'open' && (
        <button type="button" className="button-primary" onClick={() => move({ to: 'acknowledged', ownerId: userId })}>
          Acknowledge and own it
        </button>
      )}
      {gap.status === 'acknowledged' && linked?.status === 'draft' && (
        <Notice tone="info">
          Strategy drafted for this gap: <Link to={`/strategies/${linked.id}`}>{linked.title}</Link>. Publish it, then mark the
          gap as addressed with it here.
        </Notice>
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
      {gap.status === 'acknowledged' && onDraftStrategy && (!linked || linked.status === 'retired') && (
        <p className="draft-strategy">
          No published strategy closes it yet?{' '}
          <button type="button" className="button-secondary" onClick={onDraftStrategy}>
            Draft the strategy now
          </button>
        </p>
      )}
      {gap.status === 'published' && (
        <>
          <VerificationOutlookNote context={context} weeks={weeks} outlook={outlook} />
          <div className="row">
            <Field id="gap-weeks" label="Quiet weeks needed after publication">
              {(c) => (
                <input
                  {...c}
                  type="number"
                  min={1}
                  max={104}
                  value={weeks}
                  onChange={(e) => setWeeks(Math.max(1, Math.min(104, Number(e.target.value) || 1)))}
                />
              )}
            </Field>
            <div className="field">
              {/* Disabled, not refused after a click: the note above already says why, and when. */}
              <button
                type="button"
                className="button-primary"
                disabled={isTooEarly}
                aria-describedby={isTooEarly ? 'gap-verify-why' : undefined}
                onClick={() => move({ to: 'verified', weeks })}
              >
                Verify: no new incident since publication
              </button>
              {outlook && isTooEarly && (
                <p className="hint" id="gap-verify-why">
                  {notYet(outlook)}
                </p>
              )}
            </div>
          </div>
        </>
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
