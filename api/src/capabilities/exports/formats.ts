import { type ExportFormat, exportContentTypes } from '@misalign/shared'
import { stringify } from 'csv-stringify/sync'

/**
 * Turns batches of items into the text of one download. `start` and `end` frame it (a CSV
 * header, a JSON array's brackets); `batch` writes one batch, knowing whether an item came before.
 * Each call returns text for that part only, so nothing but the current batch is held in memory.
 */
export interface ExportWriter {
  contentType: string
  extension: string
  start(): string
  batch(items: readonly Record<string, unknown>[], isFirst: boolean): string
  end(): string
}

const isScalar = (value: unknown) => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'

/**
 * One CSV cell. Spreadsheets read a list best as one cell, so arrays of plain values are joined
 * with ";"; anything nested (a tradeoff, the audit log's changes) stays JSON, which loses nothing.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value) && value.every(isScalar)) return value.join(';')
  return JSON.stringify(value)
}

function csvWriter(columns: readonly string[]): ExportWriter {
  // escape_formulas: a cell starting with = + - @ tab or CR gets a leading ' so a spreadsheet
  // shows it as text instead of running it (CSV injection; ADR 038). CRLF rows, as RFC 4180 and
  // the dashboard's CSV downloads have them.
  const options = { escape_formulas: true, record_delimiter: 'windows' as const }
  return {
    contentType: exportContentTypes.csv,
    extension: 'csv',
    start: () => stringify([[...columns]], options),
    batch: (items) =>
      items.length === 0
        ? ''
        : stringify(
            items.map((item) => columns.map((column) => csvCell(item[column]))),
            options,
          ),
    end: () => '',
  }
}

const ndjsonWriter: ExportWriter = {
  contentType: exportContentTypes.ndjson,
  extension: 'ndjson',
  start: () => '',
  batch: (items) => items.map((item) => `${JSON.stringify(item)}\n`).join(''),
  end: () => '',
}

const jsonWriter: ExportWriter = {
  contentType: exportContentTypes.json,
  extension: 'json',
  start: () => '[',
  batch: (items, isFirst) =>
    items.length === 0 ? '' : `${isFirst ? '\n' : ',\n'}${items.map((item) => JSON.stringify(item)).join(',\n')}`,
  end: () => '\n]\n',
}

/** `columns` are the item schema's field names, in its order: the CSV header, and all any format writes. */
export function writerFor(format: ExportFormat, columns: readonly string[]): ExportWriter {
  if (format === 'csv') return csvWriter(columns)
  return format === 'ndjson' ? ndjsonWriter : jsonWriter
}
