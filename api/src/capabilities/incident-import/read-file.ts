import { isUtf8 } from 'node:buffer'
import {
  fail,
  type IncidentImportFormat,
  IncidentImportRow,
  incidentImportColumnAliases,
  incidentImportDerivedColumns,
  incidentImportRequiredColumns,
} from '@misalign/shared'
import { CsvError, parse } from 'csv-parse'

/** One row of the file before any check: where it was, and its fields by import column name. */
export interface RawRow {
  /** The line of a CSV or NDJSON file (where the row ends), or the item of a JSON array; 1-based. */
  line: number
  fields: Record<string, unknown>
  /** Found while reading it (a cell count that differs from the header, a line that is not JSON). */
  problems: { field: string; message: string }[]
}

export interface ReadFile {
  locator: 'line' | 'item'
  rows: RawRow[]
}

const knownColumns = new Set(Object.keys(IncidentImportRow.properties))
const derivedColumns = new Set<string>(incidentImportDerivedColumns)

/** The first line that is not UTF-8, for a message a person can act on. Only runs on a bad file. */
function firstLineNotUtf8(bytes: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  let line = 1
  let start = 0
  for (let index = 0; index <= bytes.length; index++) {
    if (index < bytes.length && bytes[index] !== 0x0a) continue
    try {
      decoder.decode(bytes.subarray(start, index))
    } catch {
      return line
    }
    line += 1
    start = index + 1
  }
  return line
}

function requireUtf8(bytes: Buffer): void {
  if (isUtf8(bytes)) return
  const line = firstLineNotUtf8(bytes)
  throw fail.malformed(
    `Line ${line} is not UTF-8 text. Save the file as UTF-8 (in a spreadsheet: "CSV UTF-8") and import it again.`,
    [{ field: `line ${line}`, message: 'is not valid UTF-8' }],
  )
}

/** An export's `id` is the id the row had there: the external id, unless the file has its own column. */
function canonicalFields(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(fields)) {
    const column = incidentImportColumnAliases[name] ?? name
    if (derivedColumns.has(column)) continue
    out[column] = value
  }
  if (out.externalId === undefined && fields.id !== undefined && fields.id !== null) out.externalId = String(fields.id)
  return out
}

const integerColumns = new Set(['surprise', 'harm', 'delayDays'])
const nullableColumns = new Set(['engineerDaysLost', 'delayDays', 'decisionId', 'decisionOwnerTeamId', 'gapId', 'reporterEmail'])

/**
 * A CSV cell as the field's type. The export's formula guard (a leading ' before = + - @, tab or
 * CR; ADR 038) is undone, lists are read back from "a;b", and an empty cell means "not given".
 */
function csvValue(column: string, cell: string): unknown {
  const text = /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell
  if (text === '') return nullableColumns.has(column) ? null : undefined
  if (integerColumns.has(column)) return /^\s*-?\d+\s*$/.test(text) ? Number(text) : text
  if (column === 'engineerDaysLost') return /^\s*-?\d+(\.\d+)?\s*$/.test(text) ? Number(text) : text
  if (column === 'anonymous' || column === 'restricted') {
    const lowered = text.trim().toLowerCase()
    if (lowered === 'true' || lowered === '1') return true
    if (lowered === 'false' || lowered === '0') return false
    return text
  }
  if (column === 'harmKinds')
    return text
      .split(/[;,]/)
      .map((kind) => kind.trim())
      .filter(Boolean)
  return text
}

/** The header row: 400 naming what is missing or unknown, before a single row is read. */
function checkHeader(header: string[]): string[] {
  const columns = header.map((name) => incidentImportColumnAliases[name.trim()] ?? name.trim())
  const present = new Set(columns)
  if (present.has('id')) present.add('externalId')
  const missing = incidentImportRequiredColumns.filter((column) => !present.has(column))
  const unknown = columns.filter((column) => column !== '' && !knownColumns.has(column) && !derivedColumns.has(column))
  const repeated = columns.filter((column, index) => column !== '' && columns.indexOf(column) !== index)
  const problems = [
    ...missing.map((column) => ({ field: column, message: 'is a required column and is missing from the header row' })),
    ...unknown.map((column) => ({ field: column, message: 'is not a column an incident import knows' })),
    ...repeated.map((column) => ({ field: column, message: 'appears more than once in the header row' })),
  ]
  if (problems.length > 0) {
    const parts = [
      missing.length > 0 ? `it lacks the required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` : '',
      unknown.length > 0 ? `it has column${unknown.length > 1 ? 's' : ''} no incident has: ${unknown.join(', ')}` : '',
      repeated.length > 0 ? `it repeats ${repeated.join(', ')}` : '',
    ].filter(Boolean)
    throw fail.malformed(
      `The header row cannot be read as incidents: ${parts.join('; ')}. The first row must name the columns (an incident export's header works as it is).`,
      problems,
    )
  }
  return header.map((name) => name.trim())
}

async function readCsv(bytes: Buffer, onRow: (count: number) => void): Promise<RawRow[]> {
  const parser = parse(bytes, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true })
  const rows: RawRow[] = []
  let header: string[] | undefined
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!header) {
        header = checkHeader(record)
        continue
      }
      const problems =
        record.length === header.length
          ? []
          : [{ field: 'row', message: `has ${record.length} cells where the header row names ${header.length} columns` }]
      const fields: Record<string, unknown> = {}
      header.forEach((column, index) => {
        const cell = record[index]
        if (column === '' || cell === undefined) return
        const name = incidentImportColumnAliases[column] ?? column
        fields[name] = name === 'id' ? cell : csvValue(name, cell)
      })
      rows.push({ line: info.lines, fields: canonicalFields(fields), problems })
      if (rows.length % 10_000 === 0) onRow(rows.length)
    }
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines
      throw fail.malformed(`The file is not valid CSV near line ${line ?? '?'}: ${error.message}`, [
        { field: `line ${line ?? '?'}`, message: error.message },
      ])
    }
    throw error
  }
  if (!header) throw fail.malformed('The file is empty: it needs a header row naming the columns, then one row per incident.')
  return rows
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function jsonRow(line: number, value: unknown): RawRow {
  if (!isObject(value)) return { line, fields: {}, problems: [{ field: 'row', message: 'is not a JSON object' }] }
  return { line, fields: canonicalFields(value), problems: [] }
}

function readJsonArray(text: string): RawRow[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw fail.malformed(`The file is not valid JSON: ${(error as Error).message}`)
  }
  if (!Array.isArray(parsed)) {
    throw fail.malformed(
      'A JSON import is an array of incidents ([{…}, {…}]); for one object per line send application/x-ndjson.',
    )
  }
  return parsed.map((item, index) => jsonRow(index + 1, item))
}

function readNdjson(text: string, onRow: (count: number) => void): RawRow[] {
  const rows: RawRow[] = []
  const lines = text.split('\n')
  lines.forEach((content, index) => {
    if (content.trim() === '') return
    let value: unknown
    try {
      value = JSON.parse(content)
    } catch (error) {
      rows.push({
        line: index + 1,
        fields: {},
        problems: [{ field: 'row', message: `is not JSON: ${(error as Error).message}` }],
      })
      return
    }
    rows.push(jsonRow(index + 1, value))
    if (rows.length % 10_000 === 0) onRow(rows.length)
  })
  return rows
}

/** Reads every row of an import file; a file that cannot be read at all is a 400 (`malformed`). */
export async function readIncidentFile(
  bytes: Buffer,
  format: IncidentImportFormat,
  onRow: (count: number) => void = () => {},
): Promise<ReadFile> {
  requireUtf8(bytes)
  if (format === 'csv') return { locator: 'line', rows: await readCsv(bytes, onRow) }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '')
  if (format === 'json') return { locator: 'item', rows: readJsonArray(text) }
  return { locator: 'line', rows: readNdjson(text, onRow) }
}
