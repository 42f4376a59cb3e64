import { type KeyboardEvent, type ReactNode, useState } from 'react'

export interface ComboboxOption {
  id: string
  label: string
  description?: ReactNode
}

interface ComboboxProps {
  id: string
  label: string
  hint?: string
  text: string
  onTextChange: (text: string) => void
  options: readonly ComboboxOption[]
  onSelect: (option: ComboboxOption) => void
  /**
   * What to say while there is nothing to offer (loading, no match, type more). Said in the page's
   * flow under the input, never in the popup: a popup would cover what comes next, such as the
   * button that records what was not found.
   */
  status: string | null
}

/**
 * A type-ahead over a remote list (ARIA 1.2 combobox with a listbox popup). The caller owns the
 * search, so this stays generic: arrows move, Enter picks, Escape closes.
 */
export function Combobox({ id, label, hint, text, onTextChange, options, onSelect, status }: ComboboxProps) {
  const [isOpen, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const listId = `${id}-list`
  const hintId = hint ? `${id}-hint` : undefined
  const expanded = isOpen && options.length > 0
  const statusId = `${id}-status`
  const showsStatus = options.length === 0 && status !== null

  function pick(option: ComboboxOption | undefined) {
    if (!option) return
    onSelect(option)
    setOpen(false)
    setActive(-1)
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault()
      setOpen(true)
      setActive((i) => Math.min(i + 1, options.length - 1))
    } else if (event.key === 'ArrowUp') {
      event.preventDefault()
      setActive((i) => Math.max(i - 1, 0))
    } else if (event.key === 'Enter' && expanded && active >= 0) {
      event.preventDefault()
      pick(options[active])
    } else if (event.key === 'Escape') {
      setOpen(false)
    }
  }

  return (
    <div className="field combobox">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-describedby={[hintId, showsStatus ? statusId : undefined].filter(Boolean).join(' ') || undefined}
        aria-activedescendant={expanded && active >= 0 ? `${id}-option-${active}` : undefined}
        value={text}
        onChange={(event) => {
          onTextChange(event.target.value)
          setOpen(true)
          setActive(-1)
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <div id={listId} role="listbox" aria-label={`${label}: suggestions`} className="combobox-list" hidden={!expanded}>
        {options.map((option, i) => (
          // Options take no focus of their own: the input keeps it and points at them (aria-activedescendant).
          <div
            key={option.id}
            tabIndex={-1}
            id={`${id}-option-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'is-active' : undefined}
            // mousedown, not click: it fires before the input's blur closes the list.
            onMouseDown={(event) => {
              event.preventDefault()
              pick(option)
            }}
          >
            <span className="option-label">{option.label}</span>
            {option.description && <span className="option-description">{option.description}</span>}
          </div>
        ))}
      </div>
      <p id={statusId} className="hint combobox-status" role="status">
        {showsStatus ? status : null}
      </p>
    </div>
  )
}
