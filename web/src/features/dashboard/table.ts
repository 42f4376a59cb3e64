/**
 * One description of a chart's numbers feeds both its table view and its CSV, so what a person
 * reads, copies and downloads is always the same data.
 */

/** A cell hidden by small-group suppression: shown as words, never as 0. */
export const FEWER_THAN_5 = { suppressed: true } as const
export const fewerThan5Text = 'fewer than 5'

export type CellValue = string | number | null | typeof FEWER_THAN_5

export interface Column<R> {
  header: string
  value: (row: R) => CellValue
  isNumeric?: boolean
  /** The incident list behind this cell, when the list can express it. */
  href?: (row: R) => string | undefined
}

export interface TableSpec<R> {
  caption: string
  columns: Column<R>[]
  rows: R[]
  rowKey: (row: R) => string
}

/** A measure that may have been suppressed (null with `suppressed: true` from the API). */
export const measure = (value: number | null, isSuppressed: boolean): CellValue =>
  isSuppressed || value === null ? FEWER_THAN_5 : value

export function cellText(value: CellValue): string {
  if (value === null) return '—'
  if (typeof value === 'object') return fewerThan5Text
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/\.?0+$/, '')
  return value
}

function csvField(value: CellValue): string {
  const text = value === null ? '' : cellText(value)
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export function toCsv<R>(table: TableSpec<R>): string {
  const lines = [table.columns.map((c) => csvField(c.header)).join(',')]
  for (const row of table.rows) lines.push(table.columns.map((c) => csvField(c.value(row))).join(','))
  return `${lines.join('\r\n')}\r\n`
}

/** A client-side download: the numbers on screen, not a second request that could differ. */
export function downloadCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 1_000)
}
