import { addDays, isCompleteTradeoff, type NewStrategy, type Strategy, type Team, type TradeoffInput } from '@misalign/shared'
import type { UseMutationResult } from '@tanstack/react-query'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { ProblemMessage } from '../../../components/feedback'
import { Field } from '../../../components/field'
import { LanguageHints } from '../../../components/language-hints'
import { TeamSelect } from '../../../components/team-select'
import { TradeoffFields } from '../../../components/tradeoff-fields'
import { localDay } from '../../../lib/labels'
import { useCreateStrategy, useUpdateStrategy } from '../api/strategies'

type TradeoffDraft = {
  prefer: string
  over: string
  forGoal: string
  preferPriorityId: string | null
  overPriorityId: string | null
}
const blank: TradeoffDraft = { prefer: '', over: '', forGoal: '', preferPriorityId: null, overPriorityId: null }

/** Confirmed picks come back as picks; a suggestion stays a suggestion until a lead confirms it. */
const draftOf = (t: Strategy['tradeoffs'][number]): TradeoffDraft => ({
  prefer: t.prefer,
  over: t.over,
  forGoal: t.forGoal,
  preferPriorityId: t.prioritiesConfirmed ? t.preferPriorityId : null,
  overPriorityId: t.prioritiesConfirmed ? t.overPriorityId : null,
})

const inputOf = (t: TradeoffDraft): TradeoffInput => ({
  prefer: t.prefer,
  over: t.over,
  forGoal: t.forGoal,
  ...(t.preferPriorityId ? { preferPriorityId: t.preferPriorityId } : {}),
  ...(t.overPriorityId ? { overPriorityId: t.overPriorityId } : {}),
})

/** What a new draft starts from when it is made from something else (a strategy gap). */
export interface StrategyPrefill {
  title: string
  context: string
  /** Says where the draft comes from, under the heading. */
  intro?: string
}

/**
 * Drafts a strategy, or changes a draft: published ones are revised, never edited in place.
 * `create` replaces the plain POST /strategies, for a draft made and linked elsewhere in one step
 * (a gap's "Draft the strategy now"); `prefill` starts a new draft with words from there.
 */
export function StrategyForm({
  strategy,
  teams,
  onSaved,
  onCancel,
  prefill,
  create: createInstead,
}: {
  strategy?: Strategy
  teams: Team[]
  onSaved: (s: Strategy) => void
  onCancel: () => void
  prefill?: StrategyPrefill
  create?: UseMutationResult<Strategy, Error, NewStrategy>
}) {
  const createPlain = useCreateStrategy()
  const create = createInstead ?? createPlain
  const update = useUpdateStrategy(strategy?.id ?? '')
  const save = strategy ? update : create
  const [title, setTitle] = useState(strategy?.title ?? prefill?.title ?? '')
  const [context, setContext] = useState(strategy?.context ?? prefill?.context ?? '')
  // Opened from elsewhere on a long page: bring the form into view and put the reader on it.
  const heading = useRef<HTMLHeadingElement>(null)
  const isPrefilled = prefill !== undefined
  useEffect(() => {
    if (!isPrefilled) return
    heading.current?.scrollIntoView({ block: 'start' })
    heading.current?.focus({ preventScroll: true })
  }, [isPrefilled])
  const [ownerTeamId, setOwnerTeamId] = useState(strategy?.ownerTeamId ?? '')
  const [reviewBy, setReviewBy] = useState(strategy?.reviewBy ?? addDays(localDay(), 182))
  const [tradeoffs, setTradeoffs] = useState<TradeoffDraft[]>(
    strategy?.tradeoffs.length ? strategy.tradeoffs.map(draftOf) : [blank],
  )
  const [error, setError] = useState<string | null>(null)

  const setTradeoff = (i: number, change: Partial<TradeoffDraft>) =>
    setTradeoffs(tradeoffs.map((t, j) => (j === i ? { ...t, ...change } : t)))

  function submit(event: FormEvent) {
    event.preventDefault()
    const complete = tradeoffs.filter((t) => t.prefer || t.over || t.forGoal)
    if (!title.trim() || !ownerTeamId) return setError('A strategy needs a title and an owner team.')
    if (complete.length === 0 || !complete.every(isCompleteTradeoff))
      return setError('State at least one tradeoff, with all three parts: we prefer X over Y, for goal Z.')
    setError(null)
    const body = { title: title.trim(), context: context.trim(), ownerTeamId, reviewBy, tradeoffs: complete.map(inputOf) }
    if (strategy) update.mutate({ changes: body, version: strategy.version }, { onSuccess: onSaved })
    else create.mutate(body, { onSuccess: onSaved })
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="strategy-form-heading" noValidate>
      <h2 id="strategy-form-heading" ref={heading} tabIndex={-1}>
        {strategy ? 'Edit the draft' : 'Draft a strategy'}
      </h2>
      {prefill?.intro && <p className="hint">{prefill.intro}</p>}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <ProblemMessage error={save.error} title="Not saved." />
      <Field id="strategy-title" label="Title">
        {(c) => <input {...c} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <Field
        id="strategy-context"
        label="Context: why these priorities"
        optional
        after={<LanguageHints text={context} id="strategy-context-language" onRewrite={setContext} />}
      >
        {(c) => <textarea {...c} rows={3} value={context} onChange={(e) => setContext(e.target.value)} />}
      </Field>
      <div className="row">
        <Field id="strategy-owner" label="Owner team">
          {(c) => <TeamSelect {...c} teams={teams} value={ownerTeamId} onChange={setOwnerTeamId} />}
        </Field>
        <Field id="strategy-review" label="Review by" hint="After this day a published strategy counts as stale.">
          {(c) => <input {...c} type="date" value={reviewBy} onChange={(e) => setReviewBy(e.target.value)} />}
        </Field>
      </div>
      {tradeoffs.map((t, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: tradeoffs have no id; the position is their identity here
        <fieldset key={i} className="tradeoff">
          <legend>Tradeoff {i + 1}</legend>
          <TradeoffFields idPrefix={`tradeoff-${i}`} value={t} onChange={(change) => setTradeoff(i, change)} withPriorities />
          {tradeoffs.length > 1 && (
            <button type="button" className="button-link" onClick={() => setTradeoffs(tradeoffs.filter((_, j) => j !== i))}>
              Remove tradeoff {i + 1}
            </button>
          )}
        </fieldset>
      ))}
      <button type="button" className="button-secondary" onClick={() => setTradeoffs([...tradeoffs, blank])}>
        Add a tradeoff
      </button>
      <div className="actions">
        <button type="submit" className="button-primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : strategy ? 'Save draft' : 'Save as draft'}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
