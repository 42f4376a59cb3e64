interface ScaleFieldProps {
  name: string
  legend: string
  hint?: string
  /** Step → words; its keys are the choices offered (0 included when present). */
  words: Record<number, string>
  value: number | null
  onChange: (value: number) => void
  error?: string | undefined
}

/** A 1–5 rating as radio buttons with words for each step: arrow keys move, the words say what a number means. */
export function ScaleField({ name, legend, hint, words, value, onChange, error }: ScaleFieldProps) {
  const steps = Object.keys(words)
    .map(Number)
    .sort((a, b) => a - b)
  const hintId = hint ? `${name}-hint` : undefined
  const errorId = error ? `${name}-error` : undefined
  return (
    <fieldset
      className={`scale${error ? ' field-invalid' : ''}`}
      aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
    >
      <legend>{legend}</legend>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
      <div className="scale-options">
        {steps.map((step) => (
          <label key={step} className={`scale-option${value === step ? ' is-checked' : ''}`}>
            <input
              id={`${name}-${step}`}
              type="radio"
              name={name}
              value={step}
              checked={value === step}
              onChange={() => onChange(step)}
            />
            <span className="scale-number" aria-hidden="true">
              {step}
            </span>
            <span className="scale-words">{words[step]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}
