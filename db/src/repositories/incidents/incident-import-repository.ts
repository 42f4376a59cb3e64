import { eq, inArray, isNotNull, sql } from 'drizzle-orm'
import type { Db, Tx } from '../../client'
import { auditLog, decisions, type IncidentRow, incidents, strategyGaps, teams, users } from '../../schema/index'
import { type Actor, diff } from '../access/audit-repository'
import { toIncident } from './incident-repository'
import { displayedTeamId } from './incident-visibility'

/** The columns an import writes; everything else (number, version, timestamps) the tracker keeps. */
export type ImportedIncidentValues = Pick<
  typeof incidents.$inferInsert,
  | 'title'
  | 'narrative'
  | 'reportingTeamId'
  | 'reporterId'
  | 'anonymous'
  | 'restricted'
  | 'status'
  | 'discoveredAt'
  | 'discoveryChannel'
  | 'expected'
  | 'surprise'
  | 'harmedGoal'
  | 'harm'
  | 'harmKinds'
  | 'engineerDaysLost'
  | 'delayDays'
  | 'decisionId'
  | 'decisionOwnerTeamId'
  | 'gapId'
  | 'missingContext'
  | 'rootCause'
> & { externalId: string }

export interface ImportedIncident {
  row: IncidentRow
  decidedAt: string | null
  displayedTeamId: string
}

/**
 * A multi-row statement's parameters stay far below Postgres's 65,535 (about 25 columns a row),
 * and one batch of incidents with their audit entries is a few megabytes at most.
 */
export const IMPORT_BATCH_SIZE = 1_000

const selection = { incident: incidents, decidedAt: decisions.decidedAt, displayedTeamId }

function chunks<T>(items: readonly T[], size = IMPORT_BATCH_SIZE): T[][] {
  const out: T[][] = []
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size))
  return out
}

async function selectByIds(tx: Db | Tx, ids: string[]): Promise<ImportedIncident[]> {
  if (ids.length === 0) return []
  const rows = await tx
    .select(selection)
    .from(incidents)
    .leftJoin(decisions, eq(decisions.id, incidents.decisionId))
    .where(inArray(incidents.id, ids))
  return rows.map((found) => ({ row: found.incident, decidedAt: found.decidedAt, displayedTeamId: found.displayedTeamId }))
}

/** The incident as the audit log and outbox see it: as others see it, never an anonymous reporter. */
export const importedIncidentView = (found: ImportedIncident) =>
  toIncident({ incident: found.row, decidedAt: found.decidedAt, displayedTeamId: found.displayedTeamId })

/**
 * The reads and batched writes of an incident import (docs/decisions/041). Every write is a
 * multi-row statement: 100k rows are a few hundred statements, not a few hundred thousand.
 */
export function incidentImportRepository(db: Db | Tx) {
  return {
    /** Incidents imported before, by the id they had where they came from. */
    async findByExternalIds(externalIds: readonly string[]): Promise<Map<string, ImportedIncident>> {
      const found = new Map<string, ImportedIncident>()
      for (const batch of chunks([...new Set(externalIds)], 5_000)) {
        const rows = await db
          .select(selection)
          .from(incidents)
          .leftJoin(decisions, eq(decisions.id, incidents.decisionId))
          .where(inArray(incidents.externalId, batch))
        for (const row of rows) {
          if (row.incident.externalId) {
            found.set(row.incident.externalId, {
              row: row.incident,
              decidedAt: row.decidedAt,
              displayedTeamId: row.displayedTeamId,
            })
          }
        }
      }
      return found
    },

    /** Every team by id and by slug: an import names teams either way, and an org has few of them. */
    async teamsByIdOrSlug(): Promise<Map<string, { id: string; archived: boolean }>> {
      const rows = await db.select({ id: teams.id, slug: teams.slug, archivedAt: teams.archivedAt }).from(teams)
      const byKey = new Map<string, { id: string; archived: boolean }>()
      for (const row of rows) {
        const team = { id: row.id, archived: row.archivedAt !== null }
        byKey.set(row.id, team)
        byKey.set(row.slug, team)
      }
      return byKey
    },

    /** User ids by lower-cased email, for the emails asked about only. */
    async usersByEmail(emails: readonly string[]): Promise<Map<string, string>> {
      const found = new Map<string, string>()
      for (const batch of chunks([...new Set(emails.map((email) => email.toLowerCase()))], 5_000)) {
        const rows = await db
          .select({ id: users.id, email: users.email })
          .from(users)
          .where(inArray(sql`lower(${users.email})`, batch))
        for (const row of rows) found.set(row.email.toLowerCase(), row.id)
      }
      return found
    },

    /** Which of these user ids exist here. */
    async existingUserIds(ids: readonly string[]): Promise<Set<string>> {
      const found = new Set<string>()
      for (const batch of chunks([...new Set(ids)], 5_000)) {
        const rows = await db.select({ id: users.id }).from(users).where(inArray(users.id, batch))
        for (const row of rows) found.add(row.id)
      }
      return found
    },

    /** The decisions among these ids, with their owning team and day. */
    async decisionsByIds(ids: readonly string[]): Promise<Map<string, { owningTeamId: string; decidedAt: string }>> {
      const found = new Map<string, { owningTeamId: string; decidedAt: string }>()
      for (const batch of chunks([...new Set(ids)], 5_000)) {
        const rows = await db
          .select({ id: decisions.id, owningTeamId: decisions.owningTeamId, decidedAt: decisions.decidedAt })
          .from(decisions)
          .where(inArray(decisions.id, batch))
        for (const row of rows) found.set(row.id, { owningTeamId: row.owningTeamId, decidedAt: row.decidedAt })
      }
      return found
    },

    async existingGapIds(ids: readonly string[]): Promise<Set<string>> {
      const found = new Set<string>()
      for (const batch of chunks([...new Set(ids)], 5_000)) {
        const rows = await db.select({ id: strategyGaps.id }).from(strategyGaps).where(inArray(strategyGaps.id, batch))
        for (const row of rows) found.add(row.id)
      }
      return found
    },

    /** How many incidents carry an external id: what tests and the bench compare before and after. */
    async countImported(): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(incidents).where(isNotNull(incidents.externalId))
      return row?.n ?? 0
    },
  }
}

/** Creates the incidents in file order, batch by batch, each with its audit entry; returns them as stored. */
export async function insertImportedIncidents(
  tx: Tx,
  values: readonly ImportedIncidentValues[],
  actor: Actor,
): Promise<ImportedIncident[]> {
  const created: ImportedIncident[] = []
  for (const batch of chunks(values)) {
    const ids = await tx.insert(incidents).values(batch).returning({ id: incidents.id })
    const stored = await selectByIds(
      tx,
      ids.map((row) => row.id),
    )
    await tx.insert(auditLog).values(
      stored.map((found) => ({
        actorId: actor.id,
        actorLabel: actor.label,
        action: 'create',
        entityType: 'incident',
        entityId: found.row.id,
        changes: diff({}, importedIncidentView(found)),
      })),
    )
    created.push(...stored)
  }
  return created
}

/**
 * Rewrites incidents imported before with the file's values, one version up, batch by batch:
 * an INSERT … ON CONFLICT on the external id, carrying the row's own number so no MIS number is
 * drawn for a row that exists. Only rows whose values differ are passed in.
 */
export async function updateImportedIncidents(
  tx: Tx,
  changes: readonly { before: ImportedIncident; values: ImportedIncidentValues }[],
  actor: Actor,
): Promise<ImportedIncident[]> {
  const updated: ImportedIncident[] = []
  const excluded = (column: string) => sql.raw(`excluded.${column}`)
  for (const batch of chunks(changes)) {
    await tx
      .insert(incidents)
      .values(batch.map(({ before, values }) => ({ ...values, number: before.row.number })))
      .onConflictDoUpdate({
        target: incidents.externalId,
        targetWhere: sql`${incidents.externalId} is not null`,
        set: {
          title: excluded('title'),
          narrative: excluded('narrative'),
          reportingTeamId: excluded('reporting_team_id'),
          reporterId: excluded('reporter_id'),
          anonymous: excluded('anonymous'),
          restricted: excluded('restricted'),
          status: excluded('status'),
          discoveredAt: excluded('discovered_at'),
          discoveryChannel: excluded('discovery_channel'),
          expected: excluded('expected'),
          surprise: excluded('surprise'),
          harmedGoal: excluded('harmed_goal'),
          harm: excluded('harm'),
          harmKinds: excluded('harm_kinds'),
          engineerDaysLost: excluded('engineer_days_lost'),
          delayDays: excluded('delay_days'),
          decisionId: excluded('decision_id'),
          decisionOwnerTeamId: excluded('decision_owner_team_id'),
          gapId: excluded('gap_id'),
          missingContext: excluded('missing_context'),
          rootCause: excluded('root_cause'),
          version: sql`${incidents.version} + 1`,
          updatedAt: sql`now()`,
        },
      })
    const stored = await selectByIds(
      tx,
      batch.map(({ before }) => before.row.id),
    )
    const beforeById = new Map(batch.map(({ before }) => [before.row.id, before]))
    await tx.insert(auditLog).values(
      stored.map((after) => {
        const before = beforeById.get(after.row.id)
        return {
          actorId: actor.id,
          actorLabel: actor.label,
          action: 'update',
          entityType: 'incident',
          entityId: after.row.id,
          changes: diff(before ? importedIncidentView(before) : {}, importedIncidentView(after)),
        }
      }),
    )
    updated.push(...stored)
  }
  return updated
}
