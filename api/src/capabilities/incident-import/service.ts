import {
  IMPORT_BATCH_SIZE,
  type ImportedIncident,
  importedIncidentView,
  incidentImportRepository,
  insertImportedIncidents,
  updateImportedIncidents,
} from '@misalign/db'
import {
  fail,
  INCIDENT_IMPORT_PROBLEM_CAP,
  type IncidentImportFormat,
  type IncidentImportProblem,
  type IncidentImportResult,
  latestCalendarDay,
} from '@misalign/shared'
import { authorize, type Caller } from '../../services/caller'
import type { ServiceDeps } from '../../services/deps'
import { writeTransaction } from '../../services/unit-of-work'
import { incidentEvent } from '../incidents/service'
import { type PlannedRow, planImport } from './plan'
import { readIncidentFile } from './read-file'

export interface IncidentImportInput {
  bytes: Buffer
  format: IncidentImportFormat
  dryRun: boolean
}

/** How far a large file has come, for the CLI's progress lines. */
export interface ImportProgress {
  phase: 'read' | 'checked' | 'written'
  rows: number
  of?: number
}

function counts(rows: PlannedRow[]): IncidentImportResult['counts'] {
  const tally = { create: 0, update: 0, unchanged: 0, error: 0 }
  for (const row of rows) tally[row.action] += 1
  return tally
}

function problemsOf(rows: PlannedRow[]): { listed: IncidentImportProblem[]; total: number } {
  const listed: IncidentImportProblem[] = []
  let total = 0
  for (const row of rows) {
    for (const problem of row.problems) {
      total += 1
      if (listed.length < INCIDENT_IMPORT_PROBLEM_CAP) listed.push({ line: row.line, externalId: row.externalId, ...problem })
    }
  }
  return { listed, total }
}

/**
 * Incidents from another system's CSV, JSON or NDJSON file (docs/decisions/041). A dry run
 * answers what each row would become; a real run writes the whole file in one transaction, with
 * each incident's audit entry and `incident.filed` / `incident.updated`, or nothing at all.
 */
export function incidentImportService(deps: ServiceDeps) {
  return {
    async importIncidents(
      caller: Caller,
      input: IncidentImportInput,
      onProgress: (progress: ImportProgress) => void = () => {},
    ): Promise<IncidentImportResult> {
      authorize(caller, 'incident.import')
      const file = await readIncidentFile(input.bytes, input.format, (rows) => onProgress({ phase: 'read', rows }))
      onProgress({ phase: 'read', rows: file.rows.length, of: file.rows.length })
      if (file.rows.length === 0) throw fail.malformed('The file has no rows to import: add one incident per row.')
      const today = latestCalendarDay(deps.now())
      const planned = await planImport(file.rows, incidentImportRepository(deps.db), today, file.locator)
      onProgress({ phase: 'checked', rows: planned.length, of: planned.length })

      const { listed, total } = problemsOf(planned)
      const result: IncidentImportResult = {
        dryRun: input.dryRun,
        format: input.format,
        locator: file.locator,
        rows: planned.length,
        counts: counts(planned),
        problems: listed,
        problemTotal: total,
      }
      if (input.dryRun) return result
      if (total > 0) {
        const bad = result.counts.error
        throw fail.invalid(
          `${bad} of ${planned.length} rows cannot be imported, so nothing was imported. Fix ${bad === 1 ? 'it' : 'them'} (or leave ${bad === 1 ? 'it' : 'them'} out) and import the file again.${total > listed.length ? ` The first ${listed.length} of ${total} problems are listed.` : ''}`,
          listed.map((problem) => ({ field: `${file.locator} ${problem.line}#${problem.field}`, message: problem.message })),
        )
      }
      await writeAll(deps, caller, planned, onProgress)
      // After the commit, like every other change: similar incidents and clusters see the rows at once.
      deps.repos.insight.changed()
      return result
    },
  }
}

async function writeAll(
  deps: ServiceDeps,
  caller: Caller,
  planned: PlannedRow[],
  onProgress: (progress: ImportProgress) => void,
): Promise<void> {
  const creates = planned.flatMap((row) => (row.action === 'create' && row.values ? [row.values] : []))
  const updates = planned.flatMap((row) =>
    row.action === 'update' && row.values && row.before ? [{ before: row.before, values: row.values }] : [],
  )
  const of = creates.length + updates.length
  if (of === 0) return
  await writeTransaction(deps, async (tx, events) => {
    const eventsOf = (type: 'incident.filed' | 'incident.updated', written: ImportedIncident[]) =>
      written.map((found) => incidentEvent(type, importedIncidentView(found)))
    const created = await insertImportedIncidents(tx, creates, caller.actor)
    onProgress({ phase: 'written', rows: created.length, of })
    const updated = await updateImportedIncidents(tx, updates, caller.actor)
    onProgress({ phase: 'written', rows: created.length + updated.length, of })
    const all = [...eventsOf('incident.filed', created), ...eventsOf('incident.updated', updated)]
    // Batched like the rows: one statement's parameters stay under Postgres's limit.
    for (let start = 0; start < all.length; start += IMPORT_BATCH_SIZE) {
      await events.recordAll(all.slice(start, start + IMPORT_BATCH_SIZE))
    }
  })
}

export type IncidentImportService = ReturnType<typeof incidentImportService>
