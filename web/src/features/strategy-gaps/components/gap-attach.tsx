import type { GapAttachBody, GapAttachResult } from '@misalign/shared'
import { type FormEvent, useState } from 'react'
import { Link } from 'react-router'
import { Notice, ProblemMessage } from '../../../components/feedback'
import { Field } from '../../../components/field'
import { countOf } from '../../../lib/labels'
import { findIncident, useAttachToGap, useDecisionSearch, useDetachFromGap } from '../api/strategy-gaps'

/** What an attach did, in words, with the incidents it left alone and why. */
function AttachedNotice({ result, onUndo, isUndoing }: { result: GapAttachResult; onUndo: () => void; isUndoing: boolean }) {
  const moved = [
    result.incidentIds.length ? countOf(result.incidentIds.length, 'incident') : null,
    result.decisionIds.length ? countOf(result.decisionIds.length, 'decision') : null,
  ].filter(Boolean)
  return (
    <Notice tone={moved.length ? 'success' : 'info'}>
      <p>{moved.length ? `Attached ${moved.join(' and ')}.` : 'Nothing new to attach.'}</p>
      {result.skipped.length > 0 && (
        <ul aria-label="Left as they were">
          {result.skipped.map((s) => (
            <li key={s.incidentId}>
              <Link to={`/incidents/${s.incidentId}`}>An incident</Link> stayed: {s.reason}
            </li>
          ))}
        </ul>
      )}
      {result.countingElsewhere.length > 0 && (
        <p>
          {countOf(result.countingElsewhere.length, 'decision')} also sit behind{' '}
          {result.countingElsewhere.map((c, k) => (
            <span key={c.decisionId}>
              {k > 0 && ', '}
              <Link to={`/strategy-gaps/${c.gapId}`}>a gap that named it first</Link>
            </span>
          ))}
          : their incidents keep counting there until taken off that gap.
        </p>
      )}
      {moved.length > 0 && (
        <button type="button" className="button-secondary" onClick={onUndo} disabled={isUndoing}>
          {isUndoing ? 'Undoing…' : 'Undo'}
        </button>
      )}
    </Notice>
  )
}

/**
 * "Attach decisions / incidents": decisions found by their words join the gap's decisions (their
 * incidents then count towards it); incidents typed by MIS number point at the gap. One action,
 * one audited transaction; Undo detaches exactly what was attached.
 */
export function GapAttach({ gapId, decisionIds }: { gapId: string; decisionIds: readonly string[] }) {
  const attach = useAttachToGap(gapId)
  const detach = useDetachFromGap(gapId)
  const [words, setWords] = useState('')
  const [keys, setKeys] = useState('')
  const [keyError, setKeyError] = useState<string | null>(null)
  const [result, setResult] = useState<GapAttachResult | null>(null)
  const found = useDecisionSearch(words)

  const send = (body: GapAttachBody) => attach.mutate(body, { onSuccess: setResult })

  async function attachIncidents(event: FormEvent) {
    event.preventDefault()
    const typed = keys
      .split(/[\s,]+/)
      .map((k) => k.trim())
      .filter(Boolean)
    if (typed.length === 0) return setKeyError('Type one or more incident numbers, such as MIS-12.')
    const ids: string[] = []
    for (const key of typed) {
      try {
        ids.push((await findIncident(key)).id)
      } catch {
        return setKeyError(`No incident ${key} that you can see. Check the number.`)
      }
    }
    setKeyError(null)
    send({ incidentIds: [...new Set(ids)] })
    setKeys('')
  }

  function undo() {
    if (!result) return
    detach.mutate({ incidentIds: result.incidentIds, decisionIds: result.decisionIds }, { onSuccess: () => setResult(null) })
  }

  const candidates = (found.data?.items ?? []).filter((d) => !decisionIds.includes(d.id))
  return (
    <section className="card gap-attach" aria-labelledby="gap-attach-heading">
      <h2 id="gap-attach-heading">Attach decisions / incidents</h2>
      <p className="hint">A decision behind the gap brings its incidents with it, unless an incident names another gap itself.</p>
      <ProblemMessage error={attach.error ?? detach.error} title="Nothing was attached." />
      {result && <AttachedNotice result={result} onUndo={undo} isUndoing={detach.isPending} />}
      <Field id="gap-attach-decision" label="Find a decision" hint="Words from its title or summary">
        {(c) => <input {...c} type="search" value={words} maxLength={200} onChange={(e) => setWords(e.target.value)} />}
      </Field>
      {words.trim().length >= 2 && found.isSuccess && (
        <ul className="attach-candidates" aria-label="Matching decisions">
          {candidates.length === 0 && <li>No other decision matches.</li>}
          {candidates.map((d) => (
            <li key={d.id}>
              <span>{d.title}</span>{' '}
              <button
                type="button"
                className="button-secondary"
                disabled={attach.isPending}
                onClick={() => send({ decisionIds: [d.id] })}
              >
                Put behind this gap<span className="visually-hidden">: {d.title}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={attachIncidents} noValidate>
        <Field id="gap-attach-incidents" label="Incidents" hint="MIS numbers, separated by commas" error={keyError ?? undefined}>
          {(c) => <input {...c} value={keys} maxLength={2000} onChange={(e) => setKeys(e.target.value)} />}
        </Field>
        <div className="actions">
          <button type="submit" className="button-primary" disabled={attach.isPending}>
            Attach incidents
          </button>
        </div>
      </form>
    </section>
  )
}

/** Takes one decision off the gap: its incidents stop counting towards it at once. */
export function DetachDecisionButton({ gapId, decisionId, title }: { gapId: string; decisionId: string; title: string }) {
  const detach = useDetachFromGap(gapId)
  return (
    <>
      <button
        type="button"
        className="button-link"
        disabled={detach.isPending}
        onClick={() => detach.mutate({ decisionIds: [decisionId] })}
      >
        Take off this gap<span className="visually-hidden">: {title}</span>
      </button>
      <ProblemMessage error={detach.error} title="The decision is still behind the gap." />
    </>
  )
}
