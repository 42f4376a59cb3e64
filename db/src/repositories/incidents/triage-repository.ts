import {
  type DecisionLink,
  type Incident,
  type NoDecisionQuery,
  rolesSeeingAllRestricted,
  type TraceState,
} from '@misalign/shared'
import { and, asc, count, desc, eq, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm'
import type { Db, Tx } from '../../client'
import { decisions, incidents, teams } from '../../schema/index'
import { type Actor, anonymousActor, diff, recordAudit } from '../access/audit-repository'
import { decodeCursor, toPage } from '../support/cursor'
import { type IncidentAccess, toIncident } from './incident-repository'
import { displayedTeamId, type IncidentViewer, isMine, visibleTo } from './incident-visibility'

const selection = { incident: incidents, decidedAt: decisions.decidedAt, displayedTeamId }

export interface NoDecisionPageRows {
  items: Incident[]
  nextCursor: string | null
  total: number
}

export interface LinkedDecisionRow {
  incidentId: string
  key: string
  previous: TraceState
  current: TraceState
  isChanged: boolean
  version: number
}

/** Why a bulk link was refused; nothing was written. */
export type LinkOutcome =
  | { kind: 'linked'; links: LinkedDecisionRow[] }
  | { kind: 'unknown_incidents'; incidentIds: string[] }
  | { kind: 'unknown_decisions'; decisionIds: string[] }
  | { kind: 'unknown_teams'; teamIds: string[] }
  | { kind: 'forbidden'; incidents: { id: string; key: string }[] }

/**
 * Whose incidents a queue holds: a team's (as reported, shown the way others see it, or as
 * suspected owner); without a team, a lead's own teams, and everything for leaders and admins.
 * Filtering by the shown team, so the queue cannot undo the small-team rule for anonymous reports.
 */
function queueScope(query: NoDecisionQuery, viewer: IncidentViewer): SQL | undefined {
  const teamIds = query.teamId ? [query.teamId] : rolesSeeingAllRestricted.includes(viewer.role) ? null : [...viewer.teamIds]
  if (teamIds === null) return undefined
  if (teamIds.length === 0) return sql`false`
  return or(inArray(displayedTeamId, teamIds), inArray(incidents.decisionOwnerTeamId, teamIds))
}

const traceOf = (row: { decisionId: string | null; decisionOwnerTeamId: string | null }): TraceState => ({
  decisionId: row.decisionId,
  decisionOwnerTeamId: row.decisionOwnerTeamId,
})

/** The triage queue of incidents with no decision, and linking decisions to many incidents at once. */
export function triageRepository(db: Db) {
  async function selectRows(tx: Db | Tx, ids: string[]) {
    return tx
      .select(selection)
      .from(incidents)
      .leftJoin(decisions, eq(decisions.id, incidents.decisionId))
      .where(inArray(incidents.id, ids))
  }

  /**
   * Everything a link needs checked before the first write: a refusal, or when all is well the
   * owning team of each decision to link.
   */
  async function check(
    tx: Tx,
    links: readonly DecisionLink[],
    found: Map<string, IncidentAccess & { key: string }>,
    mayChange: (access: IncidentAccess) => boolean,
  ): Promise<{ refused: Exclude<LinkOutcome, { kind: 'linked' }> } | { owners: Map<string, string> }> {
    const missing = links.map((link) => link.incidentId).filter((id) => !found.has(id))
    if (missing.length > 0) return { refused: { kind: 'unknown_incidents', incidentIds: missing } }
    const forbidden = [...found.values()].filter((access) => !mayChange(access))
    if (forbidden.length > 0) return { refused: { kind: 'forbidden', incidents: forbidden.map(({ id, key }) => ({ id, key })) } }
    const decisionIds = [...new Set(links.flatMap((link) => (link.decisionId ? [link.decisionId] : [])))]
    const owners = new Map<string, string>()
    if (decisionIds.length > 0) {
      const rows = await tx
        .select({ id: decisions.id, owningTeamId: decisions.owningTeamId })
        .from(decisions)
        .where(inArray(decisions.id, decisionIds))
      for (const row of rows) owners.set(row.id, row.owningTeamId)
      const unknown = decisionIds.filter((id) => !owners.has(id))
      if (unknown.length > 0) return { refused: { kind: 'unknown_decisions', decisionIds: unknown } }
    }
    const teamIds = [...new Set(links.flatMap((link) => (link.decisionOwnerTeamId ? [link.decisionOwnerTeamId] : [])))]
    if (teamIds.length > 0) {
      const known = new Set((await tx.select({ id: teams.id }).from(teams).where(inArray(teams.id, teamIds))).map((t) => t.id))
      const unknown = teamIds.filter((id) => !known.has(id))
      if (unknown.length > 0) return { refused: { kind: 'unknown_teams', teamIds: unknown } }
    }
    return { owners }
  }

  return {
    /** Newest first (by MIS number), with the size of the whole queue. */
    async listWithoutDecision(query: NoDecisionQuery, viewer: IncidentViewer): Promise<NoDecisionPageRows> {
      const limit = query.limit ?? 25
      const after = decodeCursor(query.cursor, ['number'] as const)
      const where = and(isNull(incidents.decisionId), visibleTo(viewer), queueScope(query, viewer))
      const [rows, [counted]] = await Promise.all([
        db
          .select(selection)
          .from(incidents)
          .leftJoin(decisions, eq(decisions.id, incidents.decisionId))
          .where(and(where, after ? lt(incidents.number, after[0]) : undefined))
          .orderBy(desc(incidents.number))
          .limit(limit + 1),
        db.select({ total: count() }).from(incidents).where(where),
      ])
      const page = toPage(
        rows,
        limit,
        (row) => toIncident(row, viewer),
        (row) => [row.incident.number],
      )
      return { ...page, total: counted?.total ?? 0 }
    },

    /**
     * Links (or unlinks) decisions in one transaction: every incident is locked, checked with
     * `mayChange`, changed and audited as an incident edit, or nothing is written at all.
     */
    async linkDecisions(
      requested: readonly DecisionLink[],
      viewer: IncidentViewer,
      actor: Actor,
      mayChange: (access: IncidentAccess) => boolean,
    ): Promise<LinkOutcome> {
      // The database answers ids in lower case; so must the lookups.
      const links = requested.map((link) => ({
        ...link,
        incidentId: link.incidentId.toLowerCase(),
        decisionId: link.decisionId?.toLowerCase() ?? null,
        ...(link.decisionOwnerTeamId !== undefined
          ? { decisionOwnerTeamId: link.decisionOwnerTeamId?.toLowerCase() ?? null }
          : {}),
      }))
      return db.transaction(async (tx) => {
        const ids = links.map((link) => link.incidentId)
        // Locked in id order, so two overlapping bulk links cannot deadlock each other.
        const locked = await tx
          .select({
            id: incidents.id,
            number: incidents.number,
            reportingTeamId: incidents.reportingTeamId,
            reporterId: incidents.reporterId,
            reporterKey: incidents.reporterKey,
            anonymous: incidents.anonymous,
          })
          .from(incidents)
          .where(and(inArray(incidents.id, ids), visibleTo(viewer)))
          .orderBy(asc(incidents.id))
          .for('update')
        const found = new Map(
          locked.map((row) => [
            row.id,
            { id: row.id, key: `MIS-${row.number}`, reportingTeamId: row.reportingTeamId, isMine: isMine(row, viewer) },
          ]),
        )
        const checked = await check(tx, links, found, mayChange)
        if ('refused' in checked) return checked.refused
        const { owners } = checked
        const before = new Map((await selectRows(tx, ids)).map((row) => [row.incident.id, row]))
        const results: LinkedDecisionRow[] = []
        for (const link of links) {
          const row = before.get(link.incidentId)
          const lock = locked.find((l) => l.id === link.incidentId)
          if (!row || !lock) throw new Error('a locked incident vanished')
          const previous = traceOf(row.incident)
          const current: TraceState = link.decisionId
            ? { decisionId: link.decisionId, decisionOwnerTeamId: owners.get(link.decisionId) ?? null }
            : {
                decisionId: null,
                decisionOwnerTeamId:
                  link.decisionOwnerTeamId === undefined ? previous.decisionOwnerTeamId : link.decisionOwnerTeamId,
              }
          const isChanged =
            current.decisionId !== previous.decisionId || current.decisionOwnerTeamId !== previous.decisionOwnerTeamId
          if (!isChanged) {
            results.push({
              incidentId: lock.id,
              key: `MIS-${lock.number}`,
              previous,
              current,
              isChanged,
              version: row.incident.version,
            })
            continue
          }
          const version = row.incident.version + 1
          await tx
            .update(incidents)
            .set({ ...current, version, updatedAt: new Date() })
            .where(eq(incidents.id, lock.id))
          const [after] = await selectRows(tx, [lock.id])
          if (!after) throw new Error('updated incident not found')
          // The editor of an anonymous report may be its reporter: the entry must not say so.
          await recordAudit(tx, {
            actor: lock.anonymous && isMine(lock, viewer) ? anonymousActor : actor,
            action: 'update',
            entityType: 'incident',
            entityId: lock.id,
            changes: diff(toIncident(row), toIncident(after)),
          })
          results.push({ incidentId: lock.id, key: `MIS-${lock.number}`, previous, current, isChanged, version })
        }
        return { kind: 'linked', links: results }
      })
    },
  }
}
export type TriageRepository = ReturnType<typeof triageRepository>
