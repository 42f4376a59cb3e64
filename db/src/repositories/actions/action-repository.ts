import {
  actionClass,
  alignmentActionKinds,
  antiMisalignmentActionKinds,
  type CarriedOverAction,
  type CarryOverLink,
  type NewRetroAction,
  type Page,
  type RetroAction,
  type RetroActionChanges,
  type RetroActionQuery,
} from '@misalign/shared'
import { and, asc, desc, eq, inArray, lt, ne, or, type SQL, sql } from 'drizzle-orm'
import type { Db, Tx } from '../../client'
import { type ActionRow, actions, clusterMembers, incidents, type RetroRow, retros } from '../../schema/index'
import { type Actor, diff, recordAudit, updateOrTransfer } from '../access/audit-repository'
import { assertTeamsExist } from '../access/team-references'
import { displayedTeamId, type IncidentViewer, visibleTo } from '../incidents/incident-visibility'
import { countUpTo } from '../support/count'
import { toPage } from '../support/cursor'
import { StaleVersionError } from '../support/errors'
import { beforeInDescending, decodeSortCursor, preciseInstant } from '../support/keyset'

export function toRetroAction(row: ActionRow, retroTitle: string): RetroAction {
  return {
    id: row.id,
    retroId: row.retroId,
    retroTitle,
    description: row.description,
    ownerTeamId: row.ownerTeamId,
    dueAt: row.dueAt,
    status: row.status,
    kind: row.kind,
    actionClass: actionClass(row.kind),
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  }
}

/** What a permission check needs: the retro's cluster and the team that owns the action. */
export interface ActionAccess {
  id: string
  retroId: string
  clusterId: string
  ownerTeamId: string
}

const classKinds = { alignment: [...alignmentActionKinds], anti_misalignment: [...antiMisalignmentActionKinds] }

function filtersOf(query: RetroActionQuery): (SQL | undefined)[] {
  return [
    query.status ? eq(actions.status, query.status) : undefined,
    query.kind ? eq(actions.kind, query.kind) : undefined,
    query.actionClass ? inArray(actions.kind, classKinds[query.actionClass]) : undefined,
    query.ownerTeamId ? eq(actions.ownerTeamId, query.ownerTeamId) : undefined,
    query.retroId ? eq(actions.retroId, query.retroId) : undefined,
  ]
}

/** A blank reason is no reason: stored as null so "was a reason given" has one answer. */
const reasonOf = (reason: string | null | undefined) => (reason?.trim() ? reason.trim() : null)

const selection = { row: actions, retroTitle: retros.title }

/** What a retro's visible incidents point at, to find earlier retros about the same thing. */
export interface CarryOverKeys {
  /** Decision id → title. */
  decisions: ReadonlyMap<string, string>
  /** Gap id → title. */
  gaps: ReadonlyMap<string, string>
  /** "decisionOwnerTeamId>harmedTeamId", the harmed team as others are shown it. */
  pairs: readonly string[]
  viewer: IncidentViewer
}

/**
 * How each earlier cluster is linked to this retro's: the same decision, gap or team pair among
 * incidents the viewer may see on both sides, so a link never hints at a hidden incident.
 */
async function linksByCluster(db: Db, retro: RetroRow, clusterIds: string[], keys: CarryOverKeys) {
  const links = new Map<string, CarryOverLink[]>(
    clusterIds.map((id) => [id, id === retro.clusterId ? [{ kind: 'cluster' }] : []]),
  )
  const owners = [...new Set(keys.pairs.map((pair) => pair.split('>')[0] ?? ''))]
  const pointsAtOurs = or(
    keys.decisions.size ? inArray(incidents.decisionId, [...keys.decisions.keys()]) : undefined,
    keys.gaps.size ? inArray(incidents.gapId, [...keys.gaps.keys()]) : undefined,
    owners.length ? inArray(incidents.decisionOwnerTeamId, owners) : undefined,
  )
  if (!pointsAtOurs) return links
  const rows = await db
    .selectDistinct({
      clusterId: clusterMembers.clusterId,
      decisionId: incidents.decisionId,
      gapId: incidents.gapId,
      ownerTeamId: incidents.decisionOwnerTeamId,
      harmedTeamId: displayedTeamId,
    })
    .from(clusterMembers)
    .innerJoin(incidents, eq(incidents.id, clusterMembers.incidentId))
    .where(and(inArray(clusterMembers.clusterId, clusterIds), visibleTo(keys.viewer), pointsAtOurs))
  const seen = new Set<string>()
  const add = (clusterId: string, link: CarryOverLink, key: string) => {
    if (seen.has(`${clusterId}:${key}`)) return
    seen.add(`${clusterId}:${key}`)
    links.get(clusterId)?.push(link)
  }
  for (const row of rows) {
    const decisionTitle = row.decisionId ? keys.decisions.get(row.decisionId) : undefined
    if (row.decisionId && decisionTitle !== undefined) {
      add(row.clusterId, { kind: 'decision', decisionId: row.decisionId, title: decisionTitle }, `d${row.decisionId}`)
    }
    const gapTitle = row.gapId ? keys.gaps.get(row.gapId) : undefined
    if (row.gapId && gapTitle !== undefined)
      add(row.clusterId, { kind: 'gap', gapId: row.gapId, title: gapTitle }, `g${row.gapId}`)
    const pair = `${row.ownerTeamId}>${row.harmedTeamId}`
    if (row.ownerTeamId && keys.pairs.includes(pair)) {
      add(row.clusterId, { kind: 'team_pair', decisionOwnerTeamId: row.ownerTeamId, harmedTeamId: row.harmedTeamId }, `p${pair}`)
    }
  }
  return links
}

export function actionRepository(db: Db) {
  return {
    async findAccess(id: string): Promise<ActionAccess | undefined> {
      const [row] = await db
        .select({ id: actions.id, retroId: actions.retroId, clusterId: retros.clusterId, ownerTeamId: actions.ownerTeamId })
        .from(actions)
        .innerJoin(retros, eq(retros.id, actions.retroId))
        .where(eq(actions.id, id))
      return row
    },

    async findById(id: string): Promise<RetroAction | undefined> {
      const [found] = await db
        .select(selection)
        .from(actions)
        .innerJoin(retros, eq(retros.id, actions.retroId))
        .where(eq(actions.id, id))
      return found && toRetroAction(found.row, found.retroTitle)
    },

    /** Across retros, newest first; the createdAt keyset keeps pages stable while actions change. */
    async list(query: RetroActionQuery): Promise<Page<RetroAction>> {
      const limit = query.limit ?? 50
      const after = decodeSortCursor(query.cursor, 'instant')
      const rows = await db
        .select({ ...selection, sortKey: preciseInstant(actions.createdAt) })
        .from(actions)
        .innerJoin(retros, eq(retros.id, actions.retroId))
        .where(and(...filtersOf(query), after ? beforeInDescending(actions.createdAt, actions.id, after, 'instant') : undefined))
        .orderBy(desc(actions.createdAt), desc(actions.id))
        .limit(limit + 1)
      const page = toPage(
        rows,
        limit,
        ({ row, retroTitle }) => toRetroAction(row, retroTitle),
        ({ row, sortKey }) => [sortKey, row.id],
      )
      return { ...page, ...(await countUpTo(db, actions, and(...filtersOf(query)))) }
    },

    /**
     * Open actions due before `today`, most overdue first (due date, then id, as the keyset);
     * `ownerTeamIds` undefined means every team's.
     */
    async listOverdue(query: {
      limit?: number
      cursor?: string
      today: string
      ownerTeamIds?: readonly string[]
    }): Promise<Page<RetroAction>> {
      // A lead of no team owns no action (inArray over nothing is not valid SQL).
      if (query.ownerTeamIds?.length === 0) return { items: [], nextCursor: null, total: 0 }
      const limit = query.limit ?? 50
      const after = decodeSortCursor(query.cursor, 'day')
      const overdue = and(
        eq(actions.status, 'open'),
        lt(actions.dueAt, query.today),
        query.ownerTeamIds ? inArray(actions.ownerTeamId, [...query.ownerTeamIds]) : undefined,
      )
      const rows = await db
        .select(selection)
        .from(actions)
        .innerJoin(retros, eq(retros.id, actions.retroId))
        .where(and(overdue, after ? sql`(${actions.dueAt}, ${actions.id}) > (${after[0]}::date, ${after[1]}::uuid)` : undefined))
        .orderBy(asc(actions.dueAt), asc(actions.id))
        .limit(limit + 1)
      const page = toPage(
        rows,
        limit,
        ({ row, retroTitle }) => toRetroAction(row, retroTitle),
        ({ row }) => [row.dueAt ?? '', row.id],
      )
      return { ...page, ...(await countUpTo(db, actions, overdue)) }
    },

    /** Open actions of retros created before this one whose clusters share a decision, gap or team pair with it. */
    async carriedOverInto(retro: RetroRow, keys: CarryOverKeys): Promise<CarriedOverAction[]> {
      const earlier = await db
        .selectDistinct({ id: retros.id, clusterId: retros.clusterId })
        .from(retros)
        .innerJoin(actions, and(eq(actions.retroId, retros.id), eq(actions.status, 'open')))
        .where(
          and(ne(retros.id, retro.id), lt(retros.createdAt, sql`(select r.created_at from retros r where r.id = ${retro.id})`)),
        )
      if (earlier.length === 0) return []
      const links = await linksByCluster(db, retro, [...new Set(earlier.map((r) => r.clusterId))], keys)
      const linkedRetros = earlier.filter((r) => (links.get(r.clusterId) ?? []).length > 0)
      if (linkedRetros.length === 0) return []
      const clusterOf = new Map(linkedRetros.map((r) => [r.id, r.clusterId]))
      const rows = await db
        .select(selection)
        .from(actions)
        .innerJoin(retros, eq(retros.id, actions.retroId))
        .where(and(eq(actions.status, 'open'), inArray(actions.retroId, [...clusterOf.keys()])))
        .orderBy(asc(actions.createdAt), asc(actions.id))
      return rows.map(({ row, retroTitle }) => ({
        action: toRetroAction(row, retroTitle),
        links: links.get(clusterOf.get(row.retroId) ?? '') ?? [],
      }))
    },

    /** Any kind is accepted: an anti-misalignment kind is asked for a reason, never refused. */
    async create(retroId: string, input: NewRetroAction, actor: Actor): Promise<RetroAction | undefined> {
      return db.transaction(async (tx) => {
        const [retro] = await tx.select({ title: retros.title }).from(retros).where(eq(retros.id, retroId))
        if (!retro) return undefined
        await assertTeamsExist(tx, [input.ownerTeamId], 'ownerTeamId')
        const [row] = await tx
          .insert(actions)
          .values({
            retroId,
            description: input.description.trim(),
            ownerTeamId: input.ownerTeamId,
            dueAt: input.dueAt ?? null,
            kind: input.kind,
            reason: reasonOf(input.reason),
          })
          .returning()
        if (!row) throw new Error('insert returned no row')
        const action = toRetroAction(row, retro.title)
        await recordAudit(tx, { actor, action: 'create', entityType: 'action', entityId: row.id, changes: diff({}, action) })
        return action
      })
    },

    async update(
      id: string,
      expectedVersion: number,
      changes: RetroActionChanges,
      actor: Actor,
    ): Promise<RetroAction | undefined> {
      return db.transaction(async (tx: Tx) => {
        const [before] = await tx
          .select(selection)
          .from(actions)
          .innerJoin(retros, eq(retros.id, actions.retroId))
          .where(eq(actions.id, id))
          .for('update', { of: actions })
        if (!before) return undefined
        if (before.row.version !== expectedVersion) throw new StaleVersionError('action', before.row.version)
        if (changes.ownerTeamId) await assertTeamsExist(tx, [changes.ownerTeamId], 'ownerTeamId')
        const [after] = await tx
          .update(actions)
          .set({
            ...changes,
            ...(changes.description !== undefined ? { description: changes.description.trim() } : {}),
            ...(changes.reason !== undefined ? { reason: reasonOf(changes.reason) } : {}),
            version: before.row.version + 1,
            updatedAt: new Date(),
          })
          .where(eq(actions.id, id))
          .returning()
        if (!after) throw new Error('update returned no row')
        const action = toRetroAction(after, before.retroTitle)
        await recordAudit(tx, {
          actor,
          action: updateOrTransfer(before.row.ownerTeamId, after.ownerTeamId),
          entityType: 'action',
          entityId: id,
          changes: diff(toRetroAction(before.row, before.retroTitle), action),
        })
        return action
      })
    },
  }
}

export type ActionRepository = ReturnType<typeof actionRepository>
