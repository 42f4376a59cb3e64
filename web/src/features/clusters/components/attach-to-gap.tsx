import type { ClusterDetail, GapAttachResult } from '@misalign/shared'
import { type FormEvent, useState } from 'react'
import { Link } from 'react-router'
import { Notice, ProblemMessage } from '../../../components/feedback'
import { Field } from '../../../components/field'
import { countOf } from '../../../lib/labels'
import { useGapAttachment, useGapChoices } from '../api/attach-to-gap'

/**
 * "Attach to a gap…": the cluster's incidents point at an existing strategy gap in one action.
 * When most of them name one decision, that decision is offered (not added unasked), so the
 * cluster's later incidents count towards the gap too. Undo detaches exactly what was attached.
 */
export function AttachToGap({ cluster }: { cluster: Pick<ClusterDetail, 'id' | 'title'> }) {
  const gaps = useGapChoices()
  const attach = useGapAttachment('attach')
  const detach = useGapAttachment('detach')
  const [gapId, setGapId] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<{ gapId: string; result: GapAttachResult } | null>(null)

  function submit(event: FormEvent) {
    event.preventDefault()
    if (!gapId) return setError('Choose the gap these incidents belong to.')
    setError(null)
    attach.mutate({ gapId, body: { clusterId: cluster.id } }, { onSuccess: (result) => setDone({ gapId, result }) })
  }

  function addOffered() {
    const offered = done?.result.offeredDecision
    if (!done || !offered) return
    attach.mutate(
      { gapId: done.gapId, body: { decisionIds: [offered.id] } },
      {
        onSuccess: (result) =>
          setDone({
            gapId: done.gapId,
            result: { ...done.result, decisionIds: result.decisionIds, offeredDecision: null, gap: result.gap },
          }),
      },
    )
  }

  function undo() {
    if (!done) return
    const { incidentIds, decisionIds } = done.result
    detach.mutate({ gapId: done.gapId, body: { incidentIds, decisionIds } }, { onSuccess: () => setDone(null) })
  }

  const gapTitle = gaps.data?.items.find((g) => g.id === done?.gapId)?.title ?? 'the gap'
  return (
    <section className="card" aria-labelledby="attach-to-gap-heading">
      <h2 id="attach-to-gap-heading">Attach to a gap…</h2>
      <p className="hint">Its incidents count towards the gap; an incident that names another gap keeps it.</p>
      <ProblemMessage error={gaps.error ?? attach.error ?? detach.error} title="Nothing was attached." />
      {done && (
        <Notice tone="success">
          <p>
            Attached {countOf(done.result.incidentIds.length, 'incident')}
            {done.result.decisionIds.length > 0 && ` and ${countOf(done.result.decisionIds.length, 'decision')}`} to{' '}
            <Link to={`/strategy-gaps/${done.gapId}`}>{gapTitle}</Link>.
            {done.result.skipped.length > 0 && ` ${countOf(done.result.skipped.length, 'incident')} already named another gap.`}
          </p>
          {done.result.offeredDecision && (
            <p>
              Most of them name the decision “{done.result.offeredDecision.title}”.{' '}
              <button type="button" className="button-secondary" onClick={addOffered} disabled={attach.isPending}>
                Put it behind the gap too
              </button>
            </p>
          )}
          <button type="button" className="button-secondary" onClick={undo} disabled={detach.isPending}>
            {detach.isPending ? 'Undoing…' : 'Undo'}
          </button>
        </Notice>
      )}
      <form onSubmit={submit} noValidate>
        <Field id="attach-gap" label="Strategy gap" error={error ?? undefined}>
          {(c) => (
            <select {...c} value={gapId} onChange={(e) => setGapId(e.target.value)}>
              <option value="">Choose a gap</option>
              {(gaps.data?.items ?? []).map((g) => (
                <option key={g.id} value={g.id}>
                  {g.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="button-primary" disabled={attach.isPending}>
            Attach its incidents<span className="visually-hidden"> of {cluster.title}</span>
          </button>
        </div>
      </form>
    </section>
  )
}
