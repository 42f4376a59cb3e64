import {
  type ActionKind,
  actionKindLabels,
  alignmentActionKinds,
  antiMisalignmentActionKinds,
  antiMisalignmentNotes,
  isAntiMisalignment,
  type Team,
} from '@misalign/shared'
import { type FormEvent, type ReactNode, useState } from 'react'
import { Notice, ProblemMessage } from '../../../components/feedback'
import { Field } from '../../../components/field'
import { Term } from '../../../components/term'
import { useAddAction } from '../api/retros'

/** Radio buttons, one group per class, so the choice between clarity and control is visible as such. */
function KindGroup({
  legend,
  hint,
  kinds,
  value,
  onChange,
}: {
  legend: string
  hint: ReactNode
  kinds: readonly ActionKind[]
  value: ActionKind
  onChange: (kind: ActionKind) => void
}) {
  return (
    <fieldset className="kind-group">
      <legend>{legend}</legend>
      <p className="hint">{hint}</p>
      {kinds.map((kind) => (
        <label key={kind} className="check">
          <input type="radio" name="action-kind" value={kind} checked={value === kind} onChange={() => onChange(kind)} />
          {actionKindLabels[kind]}
        </label>
      ))}
    </fieldset>
  )
}

/**
 * Records an action. Choosing an anti-misalignment kind shows what it costs and the alignment
 * action that removes the cause, and asks why; it never stops anyone from recording it.
 */
export function ActionForm({
  retroId,
  teams,
  defaultOwnerTeamId,
}: {
  retroId: string
  teams: Team[]
  defaultOwnerTeamId: string
}) {
  const add = useAddAction(retroId)
  const [description, setDescription] = useState('')
  const [ownerTeamId, setOwnerTeamId] = useState(defaultOwnerTeamId)
  const [dueAt, setDueAt] = useState('')
  const [kind, setKind] = useState<ActionKind>('share_strategy')
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const note = isAntiMisalignment(kind) ? antiMisalignmentNotes[kind] : null

  function submit(event: FormEvent) {
    event.preventDefault()
    if (!description.trim()) return setError('Describe the action in a few words.')
    if (!ownerTeamId) return setError('Pick the team that owns the action.')
    setError(null)
    add.mutate(
      {
        description: description.trim(),
        ownerTeamId,
        kind,
        dueAt: dueAt || null,
        ...(note ? { reason: reason.trim() || null } : {}),
      },
      {
        onSuccess: (action) => {
          setSaved(`Recorded: ${action.description}`)
          setDescription('')
          setReason('')
          setDueAt('')
          // Back to an alignment kind: the next action starts from clarity, not control.
          setKind('share_strategy')
        },
      },
    )
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="action-form-heading" noValidate>
      <h3 id="action-form-heading">Record an action</h3>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {saved && (
        <p className="hint" role="status">
          {saved}
        </p>
      )}
      <ProblemMessage error={add.error} title="The action was not recorded." />
      <Field id="action-description" label="What will be done?">
        {(c) => <input {...c} value={description} maxLength={2000} onChange={(e) => setDescription(e.target.value)} />}
      </Field>
      <div className="row">
        <Field id="action-owner" label="Owner team">
          {(c) => (
            <select {...c} value={ownerTeamId} onChange={(e) => setOwnerTeamId(e.target.value)}>
              <option value="">Pick a team</option>
              {teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="action-due" label="Due" optional>
          {(c) => <input {...c} type="date" value={dueAt} onChange={(e) => setDueAt(e.target.value)} />}
        </Field>
      </div>
      <div className="kind-picker">
        <KindGroup
          legend="Alignment"
          hint="Adds clarity: teams can predict decisions and decide on their own."
          kinds={alignmentActionKinds}
          value={kind}
          onChange={setKind}
        />
        <KindGroup
          legend="Anti-misalignment"
          hint={
            <>
              Adds control: fewer surprises, paid for by every team.{' '}
              <Term id="anti-misalignment">What is anti-misalignment?</Term>
            </>
          }
          kinds={antiMisalignmentActionKinds}
          value={kind}
          onChange={setKind}
        />
      </div>
      {note && (
        <div className="anti-note" aria-live="polite">
          <Notice tone="warning">
            <p>
              <strong>{actionKindLabels[kind]}</strong> has a cost: {note.cost}.
            </p>
            <p>
              Alignment alternative — <strong>{actionKindLabels[note.alternative]}</strong>: {note.alternativeText}
            </p>
            <button type="button" className="button-secondary" onClick={() => setKind(note.alternative)}>
              Use “{actionKindLabels[note.alternative]}” instead
            </button>
          </Notice>
          <Field
            id="action-reason"
            label="Why this control anyway?"
            hint="It is your call. A reason helps whoever reviews this action later."
            optional
          >
            {(c) => <textarea {...c} rows={2} value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} />}
          </Field>
        </div>
      )}
      <div className="actions">
        <button type="submit" className="button-primary" disabled={add.isPending}>
          {add.isPending ? 'Recording…' : 'Record action'}
        </button>
      </div>
    </form>
  )
}
