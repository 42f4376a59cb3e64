import { mayAttempt, normalizePriority } from '@misalign/shared'
import { useCreatePriority, usePrioritySuggestions } from '../lib/priorities'
import { useUser } from '../lib/session'
import { Combobox, type ComboboxOption } from './combobox'
import { useDebouncedValue } from './use-debounced-value'

/** One side of a tradeoff: the words as written, and the priority of the register they name (if picked). */
export interface PriorityPick {
  text: string
  priorityId: string | null
}

const NEW = 'new-priority'

/**
 * X or Y of a tradeoff, picked from the priorities register: typed words are matched against
 * names and aliases (close spellings too) and the best matches are offered; a lead may add the
 * words as a new priority. Left unpicked, the server suggests a priority for a person to
 * confirm later (docs/decisions/015-priorities-register.md).
 */
export function PriorityField({
  id,
  label,
  value,
  onChange,
}: {
  id: string
  label: string
  value: PriorityPick
  onChange: (pick: PriorityPick) => void
}) {
  const user = useUser()
  const typed = useDebouncedValue(value.text.trim())
  const suggestions = usePrioritySuggestions(typed)
  const create = useCreatePriority()
  const items = typed ? (suggestions.data?.items ?? []) : []
  const picked = value.priorityId !== null
  const hasExact = items.some((m) => m.kind === 'exact')

  const options: ComboboxOption[] = picked
    ? []
    : [
        ...items.map((m) => ({
          id: m.priority.id,
          label: m.priority.name,
          description:
            m.matched === m.priority.name
              ? m.kind === 'exact'
                ? 'in the register'
                : 'close spelling'
              : `also called “${m.matched}”`,
        })),
        ...(typed && !hasExact && mayAttempt(user, 'priority.write') && normalizePriority(typed)
          ? [{ id: NEW, label: `Add “${typed}” as a new priority` }]
          : []),
      ]

  function select(option: ComboboxOption) {
    if (option.id !== NEW) return onChange({ text: option.label, priorityId: option.id })
    create.mutate({ name: typed }, { onSuccess: (p) => onChange({ text: p.name, priorityId: p.id }) })
  }

  const status =
    !typed || picked ? null : suggestions.isFetching ? 'Looking in the register…' : 'No priority of the register is close'
  return (
    <div className="priority-field">
      <Combobox
        id={id}
        label={label}
        text={value.text}
        onTextChange={(text) => onChange({ text, priorityId: null })}
        options={options}
        onSelect={select}
        status={status}
      />
      <p className="hint" id={`${id}-priority`} aria-live="polite">
        {picked
          ? `Priority: ${value.text}`
          : value.text.trim()
            ? 'Not picked yet: choose a priority, or the tracker will suggest one for a lead to confirm.'
            : null}
      </p>
      {create.error && (
        <p className="field-error" role="alert">
          {create.error.message}
        </p>
      )}
    </div>
  )
}
