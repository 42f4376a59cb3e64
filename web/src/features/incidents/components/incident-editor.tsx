import { type Incident, incidentStatuses, rootCauses } from '@misalign/shared'
import { type FormEvent, useState } from 'react'
import { Combobox } from '../../../components/combobox'
import { ProblemMessage } from '../../../components/feedback'
import { Field } from '../../../components/field'
import { LanguageHints } from '../../../components/language-hints'
import { ScaleField } from '../../../components/scale-field'
import { useDebouncedValue } from '../../../components/use-debounced-value'
import { harmWords, incidentStatusLabels, rootCauseLabels, surpriseWords } from '../../../lib/labels'
import { useDecision, useDecisionSearch, useGapList } from '../api/trace'
import { type EditableField, useConflictSave } from './use-conflict-save'

const fieldNames: Record<EditableField, string> = {
  title: 'title',
  narrative: 'story',
  status: 'status',
  restricted: 'visibility',
  expected: 'what was expected',
  surprise: 'surprise',
  harmedGoal: 'goal hurt',
  harm: 'harm',
  missingContext: 'missing context',
  rootCause: 'root cause',
  gapId: 'strategy gap',
  decisionId: 'decision',
}
const list = (fields: EditableField[]) => fields.map((f) => fieldNames[f]).join(', ')

/** Edit and triage in one form; a 412 is explained field by field instead of losing anyone's work. */
export function IncidentEditor({ incident, onDone }: { incident: Incident; onDone: (saved: boolean) => void }) {
  const { values, set, changes, save, conflict, error, isPending } = useConflictSave(incident.key, incident)
  const gaps = useGapList()
  const hasChanges = Object.keys(changes).length > 0

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (await save()) onDone(true)
  }

  return (
    <form className="card editor" onSubmit={submit} aria-labelledby="editor-heading" noValidate>
      <h2 id="editor-heading">Edit and triage {incident.key}</h2>
      {conflict && (
        <div className="problem" role="alert">
          <p className="problem-title">Someone else changed this incident after you opened it.</p>
          <p>
            They changed: {list(conflict.theirs) || 'nothing you can edit here'}. Their changes are now in the form
            {conflict.both.length > 0 ? `, except ${list(conflict.both)}, where your version is kept` : ''}. Check it and save
            again.
          </p>
        </div>
      )}
      {error && !conflict && <ProblemMessage error={error} title="Not saved." />}

      <fieldset>
        <legend>Triage</legend>
        <div className="row">
          <Field id="edit-status" label="Status">
            {(c) => (
              <select {...c} value={values.status} onChange={(e) => set('status', e.target.value as Incident['status'])}>
                {incidentStatuses.map((s) => (
                  <option key={s} value={s}>
                    {incidentStatusLabels[s]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="edit-rootCause" label="Root cause" hint={rootCauseLabels[values.rootCause].meaning}>
            {(c) => (
              <select {...c} value={values.rootCause} onChange={(e) => set('rootCause', e.target.value as Incident['rootCause'])}>
                {rootCauses.map((r) => (
                  <option key={r} value={r}>
                    {rootCauseLabels[r].label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Field id="edit-gapId" label="Strategy gap">
          {(c) => (
            <select {...c} value={values.gapId ?? ''} onChange={(e) => set('gapId', e.target.value || null)}>
              <option value="">{gaps.isPending ? 'Loading strategy gaps…' : 'None'}</option>
              {(gaps.data?.items ?? []).map((g) => (
                <option key={g.id} value={g.id}>
                  {g.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <DecisionPicker decisionId={values.decisionId} onChange={(id) => set('decisionId', id)} />
      </fieldset>

      <fieldset>
        <legend>The report</legend>
        <Field
          id="edit-title"
          label="Title"
          after={<LanguageHints text={values.title} id="edit-title-language" onRewrite={(next) => set('title', next)} />}
        >
          {(c) => <input {...c} value={values.title} maxLength={200} onChange={(e) => set('title', e.target.value)} />}
        </Field>
        <Field
          id="edit-narrative"
          label="What happened"
          after={
            <LanguageHints text={values.narrative} id="edit-narrative-language" onRewrite={(next) => set('narrative', next)} />
          }
        >
          {(c) => <textarea {...c} rows={3} value={values.narrative} onChange={(e) => set('narrative', e.target.value)} />}
        </Field>
        <Field id="edit-expected" label="What was expected instead">
          {(c) => <textarea {...c} rows={2} value={values.expected} onChange={(e) => set('expected', e.target.value)} />}
        </Field>
        <ScaleField
          name="edit-surprise"
          legend="How surprising"
          words={surpriseWords}
          value={values.surprise}
          onChange={(v) => set('surprise', v)}
        />
        <Field id="edit-harmedGoal" label="Goal hurt">
          {(c) => <input {...c} value={values.harmedGoal} onChange={(e) => set('harmedGoal', e.target.value)} />}
        </Field>
        <ScaleField
          name="edit-harm"
          legend="How harmful"
          words={Object.fromEntries(Object.entries(harmWords).filter(([k]) => k !== '0'))}
          value={values.harm}
          onChange={(v) => set('harm', v)}
        />
        <Field id="edit-missingContext" label="What would have made this predictable">
          {(c) => (
            <textarea {...c} rows={2} value={values.missingContext} onChange={(e) => set('missingContext', e.target.value)} />
          )}
        </Field>
        <label className="check">
          <input type="checkbox" checked={values.restricted} onChange={(e) => set('restricted', e.target.checked)} />
          <span>Only the reporting team (and leaders and admins) can see it</span>
        </label>
      </fieldset>
      <div className="actions">
        <button type="submit" className="button-primary" disabled={isPending || !hasChanges}>
          {isPending ? 'Saving…' : 'Save changes'}
        </button>
        <button type="button" className="button-secondary" onClick={() => onDone(false)}>
          Close
        </button>
        {!hasChanges && <span className="hint">No changes to save.</span>}
      </div>
    </form>
  )
}

function DecisionPicker({ decisionId, onChange }: { decisionId: string | null; onChange: (id: string | null) => void }) {
  const current = useDecision(decisionId)
  const [text, setText] = useState('')
  const q = useDebouncedValue(text.trim())
  const search = useDecisionSearch(q)
  const options = (search.data?.items ?? []).map((d) => ({ id: d.id, label: d.title }))
  return (
    <div className="field">
      <p className="field-label">
        Upstream decision: <strong>{decisionId ? (current.data?.title ?? 'Loading…') : 'not known'}</strong>{' '}
        {decisionId && (
          <button type="button" className="button-link" onClick={() => onChange(null)}>
            Remove
          </button>
        )}
      </p>
      <Combobox
        id="edit-decision"
        label={decisionId ? 'Point at a different decision' : 'Find the decision'}
        text={text}
        onTextChange={setText}
        options={options}
        status={q.length >= 2 && options.length === 0 ? (search.isFetching ? 'Searching…' : 'No decision matches') : null}
        onSelect={(option) => {
          onChange(option.id)
          setText('')
        }}
      />
    </div>
  )
}
