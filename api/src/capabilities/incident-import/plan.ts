import type { ImportedIncident, ImportedIncidentValues, incidentImportRepository } from '@misalign/db'
import type { FieldProblem, IncidentImportRow } from '@misalign/shared'
import { checkImportRow } from './check-row'
import type { RawRow } from './read-file'

export type PlannedAction = 'create' | 'update' | 'unchanged' | 'error'

export interface PlannedRow {
  line: number
  externalId: string | null
  action: PlannedAction
  values?: ImportedIncidentValues
  before?: ImportedIncident
  problems: FieldProblem[]
}

type Lookups = ReturnType<typeof incidentImportRepository>

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const text = (value: unknown) => (typeof value === 'string' ? value : undefined)
const idsOf = (values: unknown[]) => values.filter((value): value is string => typeof value === 'string' && UUID.test(value))

/** Everything the rows point at, read in a few batched queries before any row is checked. */
async function lookUp(rows: RawRow[], repo: Lookups) {
  const fields = rows.map((row) => row.fields)
  const [teams, users, userIds, decisions, gaps, existing] = await Promise.all([
    repo.teamsByIdOrSlug(),
    repo.usersByEmail(fields.map((f) => text(f.reporterEmail)).filter((email): email is string => Boolean(email))),
    repo.existingUserIds(idsOf(fields.map((f) => f.reporterId))),
    repo.decisionsByIds(idsOf(fields.map((f) => f.decisionId))),
    repo.existingGapIds(idsOf(fields.map((f) => f.gapId))),
    repo.findByExternalIds(fields.map((f) => text(f.externalId)).filter((id): id is string => Boolean(id))),
  ])
  return { teams, users, userIds, decisions, gaps, existing }
}

type References = Awaited<ReturnType<typeof lookUp>>

/** The rules filing enforces through the database (the repository's resolveDecision), here for a whole file at once. */
function resolve(row: IncidentImportRow, refs: References): { values?: ImportedIncidentValues; problems: FieldProblem[] } {
  const problems: FieldProblem[] = []
  const team = refs.teams.get(row.reportingTeamId)
  if (!team) problems.push({ field: 'reportingTeamId', message: `no team has the id or slug "${row.reportingTeamId}"` })
  let ownerTeamId: string | null = null
  if (row.decisionOwnerTeamId) {
    const owner = refs.teams.get(row.decisionOwnerTeamId)
    if (owner) ownerTeamId = owner.id
    else problems.push({ field: 'decisionOwnerTeamId', message: `no team has the id or slug "${row.decisionOwnerTeamId}"` })
  }
  if (row.decisionId) {
    const decision = refs.decisions.get(row.decisionId)
    if (!decision) problems.push({ field: 'decisionId', message: 'refers to a decision that does not exist' })
    else if (ownerTeamId && ownerTeamId !== decision.owningTeamId) {
      problems.push({
        field: 'decisionOwnerTeamId',
        message: "differs from the decision's owning team; leave it empty and it is taken from the decision",
      })
    } else ownerTeamId = decision.owningTeamId
  }
  if (row.gapId && !refs.gaps.has(row.gapId))
    problems.push({ field: 'gapId', message: 'refers to a strategy gap that does not exist' })
  let reporterId: string | null = null
  if (row.reporterId && row.anonymous) {
    problems.push({ field: 'reporterId', message: 'an anonymous report keeps no reporter: leave it empty' })
  } else if (row.reporterId && refs.userIds.has(row.reporterId)) {
    // An id from another tracker means nobody here: such rows keep no reporter (ADR 041).
    reporterId = row.reporterId
  }
  if (row.reporterEmail) {
    if (row.anonymous) {
      problems.push({ field: 'reporterEmail', message: 'an anonymous report keeps no reporter: leave it empty' })
    } else {
      reporterId = refs.users.get(row.reporterEmail.toLowerCase()) ?? null
      if (!reporterId) {
        problems.push({
          field: 'reporterEmail',
          message: `no user has the email ${row.reporterEmail}: add them first, or leave it empty to import the report without a reporter`,
        })
      }
    }
  }
  if (problems.length > 0 || !team) return { problems }
  return {
    problems,
    values: {
      externalId: row.externalId,
      title: row.title,
      narrative: row.narrative ?? '',
      reportingTeamId: team.id,
      reporterId,
      anonymous: row.anonymous ?? false,
      restricted: row.restricted ?? false,
      status: row.status ?? 'open',
      discoveredAt: row.discoveredAt,
      discoveryChannel: row.discoveryChannel,
      expected: row.expected,
      surprise: row.surprise,
      harmedGoal: row.harmedGoal,
      harm: row.harm,
      harmKinds: row.harmKinds ?? [],
      engineerDaysLost: row.engineerDaysLost ?? null,
      delayDays: row.delayDays ?? null,
      decisionId: row.decisionId ?? null,
      decisionOwnerTeamId: ownerTeamId,
      gapId: row.gapId ?? null,
      missingContext: row.missingContext ?? '',
      rootCause: row.rootCause ?? 'unknown',
    },
  }
}

const comparable = (value: unknown) => (Array.isArray(value) ? value.join(';') : (value ?? null))

/** Whether the file says anything the stored incident does not: the idempotency of re-importing. */
export function differs(values: ImportedIncidentValues, before: ImportedIncident): boolean {
  const stored = before.row as unknown as Record<string, unknown>
  return Object.entries(values).some(([key, value]) => comparable(value) !== comparable(stored[key]))
}

/** Each row's fate: checked as filing checks a report, then matched by external id. */
export async function planImport(rows: RawRow[], repo: Lookups, today: string, locator: 'line' | 'item'): Promise<PlannedRow[]> {
  const refs = await lookUp(rows, repo)
  const firstLineOf = new Map<string, number>()
  return rows.map((raw): PlannedRow => {
    const externalId = text(raw.fields.externalId) ?? null
    const problems = [...raw.problems]
    if (externalId) {
      const first = firstLineOf.get(externalId)
      if (first === undefined) firstLineOf.set(externalId, raw.line)
      else problems.push({ field: 'externalId', message: `"${externalId}" is also the external id of ${locator} ${first}` })
    }
    const checked = checkImportRow(raw.fields, today)
    if (!checked.ok) problems.push(...checked.problems)
    const resolved = checked.ok ? resolve(checked.row, refs) : { problems: [] }
    problems.push(...resolved.problems)
    if (problems.length > 0 || !resolved.values) return { line: raw.line, externalId, action: 'error', problems }
    const before = externalId ? refs.existing.get(externalId) : undefined
    const action = !before ? 'create' : differs(resolved.values, before) ? 'update' : 'unchanged'
    return { line: raw.line, externalId, action, values: resolved.values, ...(before ? { before } : {}), problems }
  })
}
