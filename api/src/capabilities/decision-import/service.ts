import { decisionRepository } from '@misalign/db'
import {
  checkSupersession,
  type Decision,
  type DecisionChanges,
  type DecisionImportAction,
  type DecisionImportResult,
  type DecisionImportRow,
  type FieldProblem,
  fail,
} from '@misalign/shared'
import { authorize, type Caller } from '../../services/caller'
import type { ServiceDeps } from '../../services/deps'
import { writeTransaction } from '../../services/unit-of-work'
import { decisionEvent } from '../decisions/service'
import { type AdrFile, normalisePath, type PlannedRecord, planAdrImport, unsafePathReason } from './import-plan'
import { markdownFilesFromZip, type ZipLimits, zipLimits } from './zip-entries'

export interface DecisionImportInput {
  owningTeamId: string
  linkBase?: string
  dryRun: boolean
  files?: AdrFile[]
  /** A zip of the ADR folder; only its .md entries are read. */
  zip?: Uint8Array
  /** Paths (as sent, or relative to the ADR folder) whose suggested tradeoff a person confirmed. */
  acceptTradeoffs?: string[]
}

interface Row {
  record: PlannedRecord
  sourcePath: string
  existing: Decision | undefined
  tradeoffAccepted: boolean
  problems: FieldProblem[]
  action: DecisionImportAction
}

function checkLinkBase(linkBase: string | undefined): void {
  if (linkBase === undefined) return
  let url: URL | undefined
  try {
    url = new URL(linkBase)
  } catch {
    url = undefined
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw fail.malformed('linkBase must be an http(s) URL, e.g. https://github.com/org/repo/blob/main/docs/adr/', [
      { field: 'linkBase', message: 'must be an http(s) URL' },
    ])
  }
}

/** Files sent as text: refused (400) when their path escapes the folder or their text was not UTF-8. */
function checkSentFiles(files: AdrFile[]): void {
  for (const file of files) {
    const unsafe = unsafePathReason(file.path)
    if (unsafe)
      throw fail.malformed(`The file "${file.path}" ${unsafe}; paths must stay inside the ADR folder.`, [
        { field: file.path, message: unsafe },
      ])
    // A browser or client that read non-UTF-8 bytes as UTF-8 leaves U+FFFD where they were.
    if (file.content.includes('\uFFFD')) {
      throw fail.malformed(
        `${file.path} is not UTF-8 text (it contains "\uFFFD" where bytes could not be read). Save it as UTF-8 and import it again.`,
        [{ field: file.path, message: 'is not valid UTF-8' }],
      )
    }
  }
}

const sameTradeoff = (decision: Decision, suggested: PlannedRecord['parsed']['suggestedTradeoff']) =>
  Boolean(
    suggested &&
      decision.tradeoff &&
      decision.tradeoff.prefer === suggested.prefer &&
      decision.tradeoff.over === suggested.over &&
      decision.tradeoff.forGoal === suggested.forGoal,
  )

/** Fields the file decides, other than status and supersession (those need every row's id first). */
function contentChanges(row: Row): DecisionChanges {
  const { parsed, link } = row.record
  const wanted = { title: parsed.title, summary: parsed.summary, decidedAt: parsed.decidedAt ?? '', link }
  const current = row.existing
  const changes: DecisionChanges = {}
  for (const key of ['title', 'summary', 'decidedAt', 'link'] as const) {
    if (!current || current[key] !== wanted[key]) Object.assign(changes, { [key]: wanted[key] })
  }
  // Never stored unless a person confirmed it; a tradeoff stated in the tracker is never removed by an import.
  if (row.tradeoffAccepted && parsed.suggestedTradeoff && !(current && sameTradeoff(current, parsed.suggestedTradeoff))) {
    changes.tradeoff = parsed.suggestedTradeoff
  }
  return changes
}

function toRow(row: Row, decision: Decision | undefined, supersededByPath: string | null): DecisionImportRow {
  const { record } = row
  return {
    path: row.sourcePath,
    relativePath: record.path,
    externalRef: record.externalRef,
    action: row.action,
    decisionId: decision?.id ?? null,
    format: record.parsed.format,
    title: record.parsed.title,
    adrStatus: record.parsed.statusText,
    status: record.status,
    decidedAt: record.parsed.decidedAt,
    link: record.link,
    summary: record.parsed.summary,
    supersededBy: supersededByPath,
    suggestedTradeoff: record.parsed.suggestedTradeoff,
    tradeoffAccepted: row.tradeoffAccepted,
    skipReason: record.skipReason,
    problems: row.problems,
    notes: record.parsed.notes,
  }
}

function countsOf(rows: DecisionImportRow[]): DecisionImportResult['counts'] {
  const counts = { create: 0, update: 0, unchanged: 0, skip: 0, error: 0 }
  for (const row of rows) counts[row.action] += 1
  return counts
}

/**
 * Markdown ADRs into the decision register (docs/decisions/039). A dry run answers what each
 * file would become; a real run writes all of it in one transaction, or nothing at all.
 */
export function decisionImportService(deps: ServiceDeps, limits: ZipLimits = zipLimits) {
  return {
    async importAdrs(caller: Caller, input: DecisionImportInput): Promise<DecisionImportResult> {
      // An import creates and rewrites a team's records: the right to update them, not just to add one.
      authorize(caller, 'decision.create', { teamIds: [input.owningTeamId] })
      authorize(caller, 'decision.update', { teamIds: [input.owningTeamId] })
      if (!(await deps.repos.teams.findById(input.owningTeamId))) throw fail.notFound('team', input.owningTeamId)
      checkLinkBase(input.linkBase)
      const sent = input.files ?? []
      checkSentFiles(sent)
      const files = [...sent, ...(input.zip ? markdownFilesFromZip(input.zip, limits) : [])]
      if (files.length === 0) throw fail.malformed('No .md files to import: send files, or a zip with the ADR folder in it.')

      const records = planAdrImport(files, { owningTeamId: input.owningTeamId, linkBase: input.linkBase })
      const outsideRefs = records
        .filter((record) => record.supersededByPath && !record.supersededByInImport)
        .map((record) => `adr:${input.owningTeamId}:${record.supersededByPath}`)
      const found = await deps.repos.decisions.findByExternalRefs([...records.map((r) => r.externalRef), ...outsideRefs])
      const byRef = new Map(found.map((entry) => [entry.externalRef, entry.decision]))
      const accepted = new Set((input.acceptTradeoffs ?? []).map(normalisePath))

      const rows: Row[] = records.map((record, index) => {
        const sourcePath = files[index]?.path ?? record.path
        const problems = [...record.problems]
        if (
          record.supersededByPath &&
          !record.supersededByInImport &&
          !byRef.has(`adr:${input.owningTeamId}:${record.supersededByPath}`)
        ) {
          problems.push({
            field: 'status',
            message: `superseded by ${record.supersededByPath}, which is neither in this import nor imported before: import it too`,
          })
        }
        const existing = byRef.get(record.externalRef)
        const wantsTradeoff = accepted.has(normalisePath(sourcePath)) || accepted.has(record.path)
        const action: DecisionImportAction = record.skipReason
          ? 'skip'
          : problems.length > 0
            ? 'error'
            : existing
              ? 'update'
              : 'create'
        return {
          record,
          sourcePath,
          existing,
          tradeoffAccepted: wantsTradeoff && Boolean(record.parsed.suggestedTradeoff),
          problems,
          action,
        }
      })
      for (const row of rows) {
        if (row.action === 'update' && row.existing && Object.keys(contentChanges(row)).length === 0) {
          const target = row.record.supersededByPath
          const wantedSupersededBy = target ? (byRef.get(`adr:${input.owningTeamId}:${target}`)?.id ?? 'new') : null
          if (row.existing.status === row.record.status && row.existing.supersededById === wantedSupersededBy)
            row.action = 'unchanged'
        }
      }

      const failing = rows.filter((row) => row.action === 'error')
      if (input.dryRun || failing.length > 0) {
        if (!input.dryRun) {
          throw fail.invalid(
            `${failing.length} of ${rows.length} files cannot be imported, so nothing was imported. Fix them (or leave them out) and import again.`,
            failing.flatMap((row) => row.problems.map((p) => ({ field: `${row.sourcePath}#${p.field}`, message: p.message }))),
          )
        }
        const answer = rows.map((row) => toRow(row, row.existing, row.record.supersededByPath))
        return { dryRun: true, counts: countsOf(answer), files: answer }
      }
      return writeAll(deps, caller, rows, input.owningTeamId, byRef)
    },
  }
}

async function writeAll(
  deps: ServiceDeps,
  caller: Caller,
  rows: Row[],
  owningTeamId: string,
  byRef: Map<string, Decision>,
): Promise<DecisionImportResult> {
  return writeTransaction(deps, async (tx, events) => {
    const decisions = decisionRepository(tx)
    const written = new Map<string, Decision>()
    const touched = new Set<string>()
    for (const row of rows) {
      if (row.action !== 'create' && row.action !== 'update') continue
      const changes = contentChanges(row)
      const { record } = row
      if (row.action === 'create') {
        const created = await decisions.create(
          {
            title: record.parsed.title,
            summary: record.parsed.summary,
            owningTeamId,
            decidedAt: record.parsed.decidedAt ?? '',
            link: record.link,
            ...(changes.tradeoff ? { tradeoff: changes.tradeoff } : {}),
            externalRef: record.externalRef,
          },
          caller.actor,
        )
        written.set(record.externalRef, created)
      } else if (row.existing) {
        const updated =
          Object.keys(changes).length > 0
            ? await decisions.update(row.existing.id, row.existing.version, changes, caller.actor)
            : row.existing
        if (!updated) throw fail.notFound('decision', row.existing.id)
        if (updated !== row.existing) touched.add(record.externalRef)
        written.set(record.externalRef, updated)
      }
    }
    // Supersession last: the newer record may have been created a moment ago.
    const idOf = (path: string) => (written.get(`adr:${owningTeamId}:${path}`) ?? byRef.get(`adr:${owningTeamId}:${path}`))?.id
    for (const row of rows) {
      const current = written.get(row.record.externalRef)
      if (!current || !row.record.status) continue
      const supersededById = row.record.supersededByPath ? (idOf(row.record.supersededByPath) ?? null) : null
      if (current.status === row.record.status && current.supersededById === supersededById) continue
      const problem = checkSupersession(current.id, row.record.status, supersededById)
      if (problem) throw fail.invalidField(`${row.sourcePath}#${problem.field}`, problem.message)
      const updated = await decisions.update(
        current.id,
        current.version,
        { status: row.record.status, supersededById },
        caller.actor,
      )
      if (!updated) throw fail.notFound('decision', current.id)
      written.set(row.record.externalRef, updated)
      touched.add(row.record.externalRef)
    }
    const answer: DecisionImportRow[] = []
    for (const row of rows) {
      const decision = written.get(row.record.externalRef) ?? row.existing
      if (row.action === 'update' && !touched.has(row.record.externalRef)) row.action = 'unchanged'
      if (row.action === 'create' && decision) await events.record(decisionEvent('decision.created', decision))
      if (row.action === 'update' && decision) await events.record(decisionEvent('decision.updated', decision))
      answer.push(toRow(row, decision, row.record.supersededByPath))
    }
    return { dryRun: false, counts: countsOf(answer), files: answer }
  })
}

export type DecisionImportService = ReturnType<typeof decisionImportService>
