/**
 * Postgres COPY text format (the default: tab-separated, `\N` for null). Backslash, newline,
 * carriage return and tab are the only bytes that need escaping; arrays are written as array
 * literals ({a,"b c"}) and then escaped like any other text.
 * https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.2
 */

export type CopyValue = string | number | boolean | Date | null | undefined | readonly string[]

const needsEscape = /[\\\n\r\t]/

export function escapeCopyText(text: string): string {
  if (!needsEscape.test(text)) return text
  return text.replace(/[\\\n\r\t]/g, (c) => (c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t'))
}

/** An array literal; elements are quoted unless they are plain words, as Postgres itself prints them. */
export function arrayLiteral(items: readonly string[]): string {
  const element = (item: string) =>
    /^[A-Za-z0-9_.:-]+$/.test(item) && item.toUpperCase() !== 'NULL' ? item : `"${item.replace(/["\\]/g, (c) => `\\${c}`)}"`
  return `{${items.map(element).join(',')}}`
}

export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N'
  if (typeof value === 'boolean') return value ? 't' : 'f'
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`cannot COPY the number ${value}`)
    return String(value)
  }
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'string') return escapeCopyText(value)
  return escapeCopyText(arrayLiteral(value))
}

export function copyRow(values: readonly CopyValue[]): string {
  return `${values.map(copyField).join('\t')}\n`
}
