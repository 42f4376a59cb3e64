import {
  decisionClass,
  discoveryLagDays,
  type NewRetro,
  type Page,
  type Retro,
  type RetroChanges,
  type RetroListItem,
  type RetroQuery,
  type RetroWorkspace,
  type TimelineIncident,
  type Tradeoff,
  WEIGHTED_HARM_EXPLANATION,
  weightedHarm,
} from '@misalign/shared'
import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm'
import type { Db, Tx } from '../../client'
import {
  actions,
  clusterMembers,
  clusters,
  decisions,
  incidents,
  type RetroRow,
  retros,
  strategyGaps,
  teams,
} from '../../schema/index'
import { type Actor, diff, recordAudit } from '../access/audit-repository'
import { actionRepository, toRetroAction } from '../actions/action-repository'
import { displayedTeamId, type IncidentViewer, visibleTo } from '../incidents/incident-visibility'
import { countUpTo } from '../support/count'
import { toPage } from '../support/cursor'
import { RuleViolationError, StaleVersionError } from '../support/errors'
import { beforeInDescending, decodeSortCursor, preciseInstant } from '../support/keyset'

function tradeoffOf(row: RetroRow): Tradeoff | null {
  if (row.tradeoffPrefer === null || row.tradeoffOver === null || row.tradeoffForGoal === null) return null
  return { prefer: row.tradeoffPrefer, over: row.tradeoffOver, forGoal: row.tradeoffForGoal }
}

export function toRetro(row: RetroRow): Retro {
  return {
    id: row.id,
    clusterId: row.clusterId,
    title: row.title,
    heldAt: row.heldAt?.toISOString() ?? null,
    summary: row.summary,
    status: row.status,
    tradeoff: tradeoffOf(row),
    strategyId: row.strategyId,
    gapId: row.gapId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  }
}

/** The columns a change sets; a stated tradeoff is stored trimmed (the service sees that it has all three parts). */
function columnsOf(changes: RetroChanges): Partial<RetroRow> {
  const { tradeoff, heldAt, ...rest } = changes
  const columns: Partial<RetroRow> = { ...rest }
  if (heldAt !== undefined) columns.heldAt = heldAt === null ? null : new Date(heldAt)
  if (tradeoff !== undefined) {
    columns.tradeoffPrefer = tradeoff?.prefer.trim() || null
    columns.tradeoffOver = tradeoff?.over.trim() || null
    columns.tradeoffForGoal = tradeoff?.forGoal.trim() || null
  }
  return columns
}

/** The cluster's incidents this viewer may see, in discovery order: the retro's timeline. */
async function visibleMembers(db: Db | Tx, clusterId: string, viewer: IncidentViewer) {
  return db
    .select({ incident: incidents, decidedAt: decisions.decidedAt, shownTeamId: displayedTeamId })
    .from(clusterMembers)
    .innerJoin(incidents, eq(incidents.id, clusterMembers.incidentId))
    .leftJoin(decisions, eq(decisions.id, incidents.decisionId))
    .where(and(eq(clusterMembers.clusterId, clusterId), visibleTo(viewer)))
    .orderBy(asc(incidents.discoveredAt), asc(incidents.number))
}
type Member = Awaited<ReturnType<typeof visibleMembers>>[number]

/** Never a reporter, and the reporting team as others are shown it, so an export can be shared as is. */
function toTimelineIncident({ incident: row, decidedAt, shownTeamId }: Member): TimelineIncident {
  return {
    id: row.id,
    key: `MIS-${row.number}`,
    title: row.title,
    discoveredAt: row.discoveredAt,
    discoveryChannel: row.discoveryChannel,
    discoveryLagDays: discoveryLagDays(decidedAt, row.discoveredAt),
    reportingTeamId: shownTeamId,
    restricted: row.restricted,
    expected: row.expected,
    harmedGoal: row.harmedGoal,
    harm: row.harm,
    surprise: row.surprise,
    weightedHarm: row.weightedHarm ?? weightedHarm(row),
    missingContext: row.missingContext,
    rootCause: row.rootCause,
    decisionId: row.decisionId,
    decisionOwnerTeamId: row.decisionOwnerTeamId,
    gapId: row.gapId,
  }
}

const unique = <T>(values: (T | null)[]): T[] => [...new Set(values.filter((v): v is T => v !== null))]

/** Teams a cluster touches, as this viewer sees it: who reported (as shown) and whose decisions caused it. */
const teamsOf = (members: Member[]) => unique(members.flatMap((m) => [m.shownTeamId, m.incident.decisionOwnerTeamId]))

async function lockRetro(tx: Db | Tx, id: string, expectedVersion?: number): Promise<RetroRow | undefined> {
  const [row] = await tx.select().from(retros).where(eq(retros.id, id)).for('update')
  if (row && expectedVersion !== undefined && row.version !== expectedVersion) throw new StaleVersionError('retro', row.version)
  return row
}

async function saveRetro(tx: Tx, before: RetroRow, columns: Partial<RetroRow>, actor: Actor, action: string): Promise<Retro> {
  const [after] = await tx
    .update(retros)
    .set({ ...columns, version: before.version + 1, updatedAt: new Date() })
    .where(eq(retros.id, before.id))
    .returning()
  if (!after) throw new Error('update returned no row')
  const retro = toRetro(after)
  await recordAudit(tx, { actor, action, entityType: 'retro', entityId: before.id, changes: diff(toRetro(before), retro) })
  return retro
}

function listFilters(query: RetroQuery): (SQL | undefined)[] {
  return [
    query.clusterId ? eq(retros.clusterId, query.clusterId) : undefined,
    query.status ? eq(retros.status, query.status) : undefined,
  ]
}

export function retroRepository(db: Db) {
  const actionRepo = actionRepository(db)

  return {
    async findById(id: string): Promise<Retro | undefined> {
      const [row] = await db.select().from(retros).where(eq(retros.id, id))
      return row && toRetro(row)
    },

    /** Newest first, with the cluster's title and the retro's action counts. */
    async list(query: RetroQuery): Promise<Page<RetroListItem>> {
      const limit = query.limit ?? 50
      const after = decodeSortCursor(query.cursor, 'instant')
      const rows = await db
        .select({
          row: retros,
          clusterTitle: clusters.title,
          actionCount: sql<number>`(select count(*)::int from ${actions} where ${actions.retroId} = ${retros.id})`,
          openActionCount: sql<number>`(select count(*)::int from ${actions} where ${actions.retroId} = ${retros.id} and ${actions.status} = 'open')`,
          sortKey: preciseInstant(retros.createdAt),
        })
        .from(retros)
        .innerJoin(clusters, eq(clusters.id, retros.clusterId))
        .where(and(...listFilters(query), after ? beforeInDescending(retros.createdAt, retros.id, after, 'instant') : undefined))
        .orderBy(desc(retros.createdAt), desc(retros.id))
        .limit(limit + 1)
      const total = await countUpTo(db, retros, and(...listFilters(query)))
      const page = toPage(
        rows,
        limit,
        ({ row, clusterTitle, actionCount, openActionCount }) => ({
          ...toRetro(row),
          clusterTitle,
          actionCount: Number(actionCount),
          openActionCount: Number(openActionCount),
        }),
        ({ row, sortKey }) => [sortKey, row.id],
      )
      return { ...page, ...total }
    },

    /** The teams a cluster touches for this viewer (for permission checks); undefined when there is no such cluster. */
    async clusterTeams(clusterId: string, viewer: IncidentViewer): Promise<string[] | undefined> {
      const [cluster] = await db.select({ id: clusters.id }).from(clusters).where(eq(clusters.id, clusterId))
      if (!cluster) return undefined
      return teamsOf(await visibleMembers(db, clusterId, viewer))
    },

    /** The teams the retro's cluster touches for this viewer; undefined when there is no such retro. */
    async retroTeams(id: string, viewer: IncidentViewer): Promise<string[] | undefined> {
      const [retro] = await db.select({ clusterId: retros.clusterId }).from(retros).where(eq(retros.id, id))
      if (!retro) return undefined
      return teamsOf(await visibleMembers(db, retro.clusterId, viewer))
    },

    async create(input: NewRetro, actor: Actor): Promise<Retro> {
      return db.transaction(async (tx) => {
        const [cluster] = await tx.select({ status: clusters.status }).from(clusters).where(eq(clusters.id, input.clusterId))
        if (!cluster) throw new RuleViolationError('clusterId refers to a cluster that does not exist', 'clusterId')
        if (cluster.status === 'dismissed') {
          throw new RuleViolationError('This cluster was dismissed; confirm it before holding a retro on it', 'clusterId')
        }
        const [row] = await tx
          .insert(retros)
          .values({
            clusterId: input.clusterId,
            title: input.title.trim(),
            heldAt: input.heldAt ? new Date(input.heldAt) : null,
            summary: input.summary ?? '',
          })
          .returning()
        if (!row) throw new Error('insert returned no row')
        const retro = toRetro(row)
        await recordAudit(tx, { actor, action: 'create', entityType: 'retro', entityId: row.id, changes: diff({}, retro) })
        return retro
      })
    },

    /** Marking a retro held stamps when, unless a time was given. */
    async update(id: string, expectedVersion: number, changes: RetroChanges, actor: Actor): Promise<Retro | undefined> {
      return db.transaction(async (tx) => {
        const before = await lockRetro(tx, id, expectedVersion)
        if (!before) return undefined
        const columns = columnsOf(changes)
        if (changes.status === 'held' && before.heldAt === null && changes.heldAt === undefined) columns.heldAt = new Date()
        return saveRetro(tx, before, columns, actor, 'update')
      })
    },

    /** Everything a facilitator needs on one screen, limited to the incidents this viewer may see. */
    async workspace(id: string, viewer: IncidentViewer): Promise<RetroWorkspace | undefined> {
      const [found] = await db
        .select({ row: retros, cluster: { id: clusters.id, title: clusters.title, status: clusters.status } })
        .from(retros)
        .innerJoin(clusters, eq(clusters.id, retros.clusterId))
        .where(eq(retros.id, id))
      if (!found) return undefined
      const members = await visibleMembers(db, found.row.clusterId, viewer)
      const timeline = members.map(toTimelineIncident)
      const decisionIds = unique(timeline.map((i) => i.decisionId))
      const gapIds = unique(timeline.map((i) => i.gapId))
      const [decisionRows, gapRows, actionRows] = await Promise.all([
        decisionIds.length ? db.select().from(decisions).where(inArray(decisions.id, decisionIds)) : [],
        gapIds.length
          ? db
              .select({ id: strategyGaps.id, title: strategyGaps.title, status: strategyGaps.status })
              .from(strategyGaps)
              .where(inArray(strategyGaps.id, gapIds))
          : [],
        db.select().from(actions).where(eq(actions.retroId, id)).orderBy(asc(actions.createdAt), asc(actions.id)),
      ])
      const retroDecisions = decisionRows.map((d) => {
        const tradeoff =
          d.tradeoffPrefer && d.tradeoffOver && d.tradeoffForGoal
            ? { prefer: d.tradeoffPrefer, over: d.tradeoffOver, forGoal: d.tradeoffForGoal }
            : null
        return {
          id: d.id,
          title: d.title,
          owningTeamId: d.owningTeamId,
          decidedAt: d.decidedAt,
          tradeoff,
          decisionClass: decisionClass({ tradeoff }),
          incidentIds: timeline.filter((i) => i.decisionId === d.id).map((i) => i.id),
        }
      })
      const carriedOver = await actionRepo.carriedOverInto(found.row, {
        decisions: new Map(retroDecisions.map((d) => [d.id, d.title])),
        gaps: new Map(gapRows.map((g) => [g.id, g.title])),
        pairs: unique(timeline.map((i) => (i.decisionOwnerTeamId ? `${i.decisionOwnerTeamId}>${i.reportingTeamId}` : null))),
        viewer,
      })
      const involved = teamsOf(members)
      const teamActions = [...actionRows, ...carriedOver.map((c) => c.action)]
      const mentioned = unique([
        ...involved,
        ...decisionRows.map((d) => d.owningTeamId),
        ...teamActions.map((a) => a.ownerTeamId),
      ])
      const teamRows = mentioned.length
        ? await db.select({ id: teams.id, name: teams.name }).from(teams).where(inArray(teams.id, mentioned))
        : []
      const teamNames = Object.fromEntries(teamRows.map((t) => [t.id, t.name]))
      return {
        retro: toRetro(found.row),
        cluster: found.cluster,
        incidents: timeline,
        decisions: retroDecisions.sort((a, b) => b.incidentIds.length - a.incidentIds.length || a.title.localeCompare(b.title)),
        gaps: gapRows,
        teams: involved
          .map((teamId) => ({
            id: teamId,
            name: teamNames[teamId] ?? 'Unknown team',
            harmedIncidents: timeline.filter((i) => i.reportingTeamId === teamId).length,
            causedIncidents: timeline.filter((i) => i.decisionOwnerTeamId === teamId).length,
          }))
          .sort((a, b) => a.name.localeCompare(b.name)),
        weightedHarm: { total: timeline.reduce((sum, i) => sum + i.weightedHarm, 0), explanation: WEIGHTED_HARM_EXPLANATION },
        actions: actionRows.map((row) => toRetroAction(row, found.row.title)),
        carriedOver,
        teamNames,
      }
    },

    /** Locks the retro until the caller's transaction ends (call it on one); undefined when there is none. */
    async lock(id: string): Promise<Retro | undefined> {
      const row = await lockRetro(db, id)
      return row && toRetro(row)
    },

    /** The strategy gaps the cluster's incidents this viewer may see already point at. */
    async gapsPointedAt(clusterId: string, viewer: IncidentViewer): Promise<{ id: string; title: string }[]> {
      const pointedAt = unique((await visibleMembers(db, clusterId, viewer)).map((m) => m.incident.gapId))
      if (pointedAt.length === 0) return []
      return db
        .select({ id: strategyGaps.id, title: strategyGaps.title })
        .from(strategyGaps)
        .where(inArray(strategyGaps.id, pointedAt))
    },

    /**
     * Points the cluster's visible incidents that name no gap at this one, so the gap register
     * counts them; each is audited as an incident edit. Answers the incidents it changed.
     */
    async pointIncidentsAtGap(clusterId: string, gapId: string, viewer: IncidentViewer, actor: Actor): Promise<string[]> {
      return db.transaction(async (tx) => {
        const ids = (await visibleMembers(tx, clusterId, viewer)).map((m) => m.incident.id)
        if (ids.length === 0) return []
        const attached = await tx
          .update(incidents)
          .set({ gapId, version: sql`${incidents.version} + 1`, updatedAt: new Date() })
          .where(and(inArray(incidents.id, ids), isNull(incidents.gapId)))
          .returning({ id: incidents.id })
        for (const { id } of attached) {
          await recordAudit(tx, {
            actor,
            action: 'update',
            entityType: 'incident',
            entityId: id,
            changes: { gapId: { before: null, after: gapId } },
          })
        }
        return attached.map(({ id }) => id)
      })
    },

    /** Links the strategy draft and/or gap made from the retro; audited as `auditAction`. */
    async link(
      id: string,
      links: { strategyId?: string; gapId?: string },
      actor: Actor,
      auditAction: 'publish_strategy_draft' | 'open_strategy_gap',
    ): Promise<Retro | undefined> {
      return db.transaction(async (tx) => {
        const before = await lockRetro(tx, id)
        return before && saveRetro(tx, before, links, actor, auditAction)
      })
    },
  }
}

export type RetroRepository = ReturnType<typeof retroRepository>
