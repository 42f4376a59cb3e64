import type { Priority } from '@misalign/shared'
import { type FormEvent, useState } from 'react'
import { EmptyState, ProblemMessage } from '../../../components/feedback'
import { Field } from '../../../components/field'
import { TableScroll } from '../../../components/table-scroll'
import { ApiError } from '../../../lib/api'
import { useCreatePriority } from '../../../lib/priorities'
import { useUpdatePriority } from '../api/priorities'

/** Aliases are typed one per line or separated by commas: people paste them from documents. */
const aliasesOf = (text: string) =>
  text
    .split(/[\n,]/)
    .map((a) => a.trim())
    .filter(Boolean)

export function PriorityTable({
  priorities,
  mayWrite,
  onEdit,
}: {
  priorities: Priority[]
  mayWrite: boolean
  onEdit: (p: Priority) => void
}) {
  if (priorities.length === 0)
    return (
      <EmptyState>
        <p>No priorities match.</p>
      </EmptyState>
    )
  return (
    <TableScroll label="Priorities">
      <table>
        <caption className="visually-hidden">Priorities</caption>
        <thead>
          <tr>
            <th scope="col">Priority</th>
            <th scope="col">Also called</th>
            <th scope="col">What it means</th>
            {mayWrite && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {priorities.map((p) => (
            <tr key={p.id}>
              <td>{p.name}</td>
              <td>{p.aliases.length ? p.aliases.join(', ') : '—'}</td>
              <td>{p.description || '—'}</td>
              {mayWrite && (
                <td>
                  <button type="button" className="button-link" onClick={() => onEdit(p)}>
                    Edit {p.name}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  )
}

/** Adds a priority (priority null) or changes one, sending the version it was loaded at. */
export function PriorityForm({ priority, onDone }: { priority: Priority | null; onDone: () => void }) {
  const create = useCreatePriority()
  const update = useUpdatePriority(priority ?? ({ id: '', version: 0 } as Priority))
  const save = priority ? update : create
  const [name, setName] = useState(priority?.name ?? '')
  const [aliases, setAliases] = useState(priority?.aliases.join('\n') ?? '')
  const [description, setDescription] = useState(priority?.description ?? '')
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors : {}

  function submit(event: FormEvent) {
    event.preventDefault()
    const body = { name: name.trim(), aliases: aliasesOf(aliases), description: description.trim() }
    if (priority) update.mutate(body, { onSuccess: onDone })
    else create.mutate(body, { onSuccess: onDone })
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="priority-form-heading" noValidate>
      <h2 id="priority-form-heading">{priority ? `Edit ${priority.name}` : 'Add a priority'}</h2>
      <ProblemMessage error={save.error} title="Not saved." />
      <Field id="priority-name" label="Name" hint="As most people say it." error={fieldErrors.name}>
        {(c) => <input {...c} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field
        id="priority-aliases"
        label="Also called"
        optional
        hint="Other words people use for it, one per line: tradeoffs written with them pick this priority."
        error={fieldErrors.aliases}
      >
        {(c) => <textarea {...c} rows={3} value={aliases} onChange={(e) => setAliases(e.target.value)} />}
      </Field>
      <Field id="priority-description" label="What it means" optional error={fieldErrors.description}>
        {(c) => (
          <textarea {...c} rows={2} value={description} maxLength={2000} onChange={(e) => setDescription(e.target.value)} />
        )}
      </Field>
      <div className="actions">
        <button type="submit" className="button-primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save priority'}
        </button>
        <button type="button" className="button-secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  )
}
