import { Field } from './field'

/** [value, text] pairs, in the order the select lists them. */
export type FilterOptions = readonly (readonly [string, string])[]

const SEVERAL = '__several'

/**
 * One filter of a list or chart, kept in the URL, which may hold several values of it (a drill
 * from a chart or a shared link can say `rootCause=a&rootCause=b`). The select shows one value,
 * or "Several (n)" when the URL holds more; picking a value replaces them, "Any" clears them.
 */
export function FilterSelect({
  id,
  label,
  values,
  options,
  onChange,
}: {
  id: string
  label: string
  values: readonly string[]
  options: FilterOptions
  onChange: (value: string) => void
}) {
  return (
    <Field id={id} label={label}>
      {(c) => (
        <select {...c} value={values.length > 1 ? SEVERAL : (values[0] ?? '')} onChange={(e) => onChange(e.target.value)}>
          <option value="">Any</option>
          {values.length > 1 && (
            <option value={SEVERAL} disabled>
              Several ({values.length})
            </option>
          )}
          {options.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}
