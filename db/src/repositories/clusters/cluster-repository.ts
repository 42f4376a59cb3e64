import {
  type ClusterChanges,
  type ClusterDetail,
  type ClusterEditKind,
  type ClusterListQuery,
  type ClusterStatus,
  type ClusterStatusChanges,
  type ClusterStatusResult,
  type ClusterSummary,
  fail,
  type Page,
} from '@misalign/shared'
import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import { type Db, queryRows, type Tx } from '../../client'
import { type ClusterRow, clusterEdits, clusterMembers, clusters, retros } from '../../schema/index'
import { type Actor, recordAudit } from '../access/audit-repository'
import { type IncidentViewer, visibleTo } from '../incidents/incident-visibility'
import { ConflictError, RuleViolationError, StaleVersionError } from '../support/errors'
import { placeNewIncidents } from './cluster-placement'
import { findCluster, listClusters } from './cluster-read'
import { lockClusters, recomputeClusters } from './cluster-recompute'

/**
 * Clusters: the engine's suggestions and people's edits of them. Every manual edit is written
 * to `cluster_edits` with who and what, in the same transaction as the change and its audit
 * entry, and can be reverted; the engine reads those edits and never undoes them
 * (cluster-recompute.ts).
 */

interface EditContext {
  tx: Tx
  cluster: ClusterRow
  actor: Actor
}

export function clusterRepository(db: Db) {
  /** Locks the cluster, runs the change, bumps its version, logs the edit and the audit entry. */
  async function edit<T>(
    id: string,
    viewer: IncidentViewer,
    actor: Actor,
    change: (ctx: EditContext) => Promise<{ kind: ClusterEditKind; payload: Record<string, unknown>; result?: T }>,
    expectedVersion?: number,
  ): Promise<{ result?: T } | undefined> {
    return db.transaction(async (tx) => {
      await lockClusters(tx)
      return editIn(tx, id, viewer, actor, change, expectedVersion)
    })
  }

  /** One edit inside a transaction that already holds the clusters lock. */
  async function editIn<T>(
    tx: Tx,
    id: string,
    viewer: IncidentViewer,
    actor: Actor,
    change: (ctx: EditContext) => Promise<{ kind: ClusterEditKind; payload: Record<string, unknown>; result?: T }>,
    expectedVersion?: number,
  ): Promise<{ result?: T } | undefined> {
    const [cluster] = await tx.select().from(clusters).where(eq(clusters.id, id)).for('update')
    if (!cluster || !(await isVisible(tx, id, viewer))) return undefined
    if (expectedVersion !== undefined && cluster.version !== expectedVersion)
      throw new StaleVersionError('cluster', cluster.version)
    const done = await change({ tx, cluster, actor })
    await tx
      .update(clusters)
      .set({ version: sql`${clusters.version} + 1`, updatedAt: new Date() })
      .where(eq(clusters.id, id))
    // The statement's clock, not the transaction's: two edits written in one transaction (a
    // rename and a status change, or a bulk confirm) must list in the order they were made.
    await tx
      .insert(clusterEdits)
      .values({ clusterId: id, actorId: actor.id, kind: done.kind, payload: done.payload, createdAt: sql`clock_timestamp()` })
    await recordAudit(tx, {
      actor,
      action: `cluster.${done.kind}`,
      entityType: 'cluster',
      entityId: id,
      changes: { edit: { after: done.payload } },
    })
    return { result: done.result }
  }

  async function isVisible(tx: Tx, clusterId: string, viewer: IncidentViewer): Promise<boolean> {
    const [row] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from cluster_members m join incidents on incidents.id = m.incident_id
        and ${visibleTo(viewer) ?? sql`true`} where m.cluster_id = ${clusterId}`,
    )
    return (row?.n ?? 0) > 0
  }

  async function visibleIncident(tx: Tx, incidentId: string, viewer: IncidentViewer): Promise<boolean> {
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`select incidents.id from incidents where incidents.id = ${incidentId} and ${visibleTo(viewer) ?? sql`true`}`,
    )
    return row !== undefined
  }

  async function membersOf(tx: Tx, clusterId: string) {
    return tx.select().from(clusterMembers).where(eq(clusterMembers.clusterId, clusterId))
  }

  const statusKind: Record<ClusterStatus, ClusterEditKind> = { confirmed: 'confirm', dismissed: 'dismiss', suggested: 'restore' }

  return {
    list: (query: ClusterListQuery, viewer: IncidentViewer): Promise<Page<ClusterSummary>> => listClusters(db, query, viewer),
    find: (id: string, viewer: IncidentViewer): Promise<ClusterDetail | undefined> => findCluster(db, id, viewer),
    recompute: (actor: Actor) => recomputeClusters(db, actor),
    /** Places newly filed incidents into clusters, in the order given (the placement job's batch). */
    placeNewIncidents: (incidentIds: readonly string[]) => placeNewIncidents(db, incidentIds),

    /** Rename and/or change status; each is its own logged (and revertible) edit. */
    async update(id: string, expectedVersion: number, changes: ClusterChanges, viewer: IncidentViewer, actor: Actor) {
      let version: number | undefined = expectedVersion
      let touched = false
      if (changes.title !== undefined) {
        const title = changes.title.trim()
        const done = await edit(
          id,
          viewer,
          actor,
          async ({ tx, cluster }) => {
            await tx.update(clusters).set({ title }).where(eq(clusters.id, id))
            return { kind: 'rename', payload: { before: cluster.title, after: title } }
          },
          version,
        )
        if (!done) return undefined
        version = undefined
        touched = true
      }
      // A rename that leaves the status as it was is not a conflict; a bare no-op status change is.
      if (changes.status !== undefined && !(touched && (await findCluster(db, id, viewer))?.status === changes.status)) {
        const status = changes.status
        const done = await edit(
          id,
          viewer,
          actor,
          async ({ tx, cluster }) => {
            if (cluster.status === status) throw new ConflictError(`The cluster is already ${status}`)
            await tx.update(clusters).set({ status }).where(eq(clusters.id, id))
            return { kind: statusKind[status], payload: { before: cluster.status, after: status } }
          },
          version,
        )
        if (!done) return touched ? findCluster(db, id, viewer) : undefined
      }
      return findCluster(db, id, viewer)
    },

    /**
     * Confirms or dismisses many clusters in one transaction: each is an ordinary logged,
     * revertible status edit, checked against the version the caller saw. One failure undoes all.
     */
    async setStatuses(changes: ClusterStatusChanges, viewer: IncidentViewer, actor: Actor): Promise<ClusterStatusResult> {
      const { status } = changes
      return db.transaction(async (tx) => {
        await lockClusters(tx)
        const items: ClusterStatusResult['items'] = []
        for (const { id, version } of changes.clusters) {
          const done = await editIn(
            tx,
            id,
            viewer,
            actor,
            async ({ cluster }) => {
              if (cluster.status === status) throw new ConflictError(`The cluster "${cluster.title}" is already ${status}`)
              await tx.update(clusters).set({ status }).where(eq(clusters.id, id))
              return { kind: statusKind[status], payload: { before: cluster.status, after: status }, result: cluster.status }
            },
            version,
          )
          if (!done?.result) throw fail.notFound('cluster', id)
          items.push({ id, previousStatus: done.result, version: version + 1 })
        }
        return { items }
      })
    },

    async addMember(id: string, incidentId: string, viewer: IncidentViewer, actor: Actor) {
      const done = await edit(id, viewer, actor, async ({ tx }) => {
        if (!(await visibleIncident(tx, incidentId, viewer))) throw new RuleViolationError('No such incident', 'incidentId')
        const [existing] = await tx
          .select()
          .from(clusterMembers)
          .where(and(eq(clusterMembers.clusterId, id), eq(clusterMembers.incidentId, incidentId)))
        if (existing) throw new ConflictError('That incident is already in this cluster')
        await tx.insert(clusterMembers).values({ clusterId: id, incidentId, source: 'manual' })
        return { kind: 'add_member', payload: { incidentId } }
      })
      return done && findCluster(db, id, viewer)
    },

    async removeMember(id: string, incidentId: string, viewer: IncidentViewer, actor: Actor) {
      const done = await edit(id, viewer, actor, async ({ tx }) => {
        const [member] = (await visibleIncident(tx, incidentId, viewer))
          ? await tx
              .delete(clusterMembers)
              .where(and(eq(clusterMembers.clusterId, id), eq(clusterMembers.incidentId, incidentId)))
              .returning()
          : []
        if (!member) throw new RuleViolationError('That incident is not in this cluster', 'incidentId')
        return { kind: 'remove_member', payload: { incidentId, source: member.source } }
      })
      return done && findCluster(db, id, viewer)
    },

    /** Moves every member of this cluster into another; this one is dismissed as merged. */
    async merge(id: string, intoClusterId: string, viewer: IncidentViewer, actor: Actor) {
      const done = await edit(id, viewer, actor, async ({ tx, cluster }) => {
        const [target] = await tx.select().from(clusters).where(eq(clusters.id, intoClusterId)).for('update')
        if (!target || !(await isVisible(tx, intoClusterId, viewer)))
          throw new RuleViolationError('No such cluster to merge into', 'intoClusterId')
        if (target.status === 'dismissed')
          throw new RuleViolationError('Restore the other cluster before merging into it', 'intoClusterId')
        const already = new Set((await membersOf(tx, intoClusterId)).map((m) => m.incidentId))
        const moved = (await membersOf(tx, id)).map((m) => m.incidentId).filter((incidentId) => !already.has(incidentId))
        if (moved.length > 0)
          await tx
            .insert(clusterMembers)
            .values(moved.map((incidentId) => ({ clusterId: intoClusterId, incidentId, source: 'manual' as const })))
        await tx.update(clusters).set({ status: 'dismissed' }).where(eq(clusters.id, id))
        await tx
          .update(clusters)
          .set({ version: sql`${clusters.version} + 1`, updatedAt: new Date() })
          .where(eq(clusters.id, intoClusterId))
        await tx.insert(clusterEdits).values({
          clusterId: intoClusterId,
          actorId: actor.id,
          kind: 'merge',
          payload: { role: 'target', otherId: id, otherTitle: cluster.title, incidentIds: moved },
        })
        return {
          kind: 'merge',
          payload: {
            role: 'source',
            otherId: intoClusterId,
            otherTitle: target.title,
            incidentIds: moved,
            before: cluster.status,
          },
        }
      })
      return done && findCluster(db, intoClusterId, viewer)
    },

    /** Moves the chosen members into a new cluster of the same status; both remember the split. */
    async split(id: string, incidentIds: string[], title: string | undefined, viewer: IncidentViewer, actor: Actor) {
      const done = await edit(id, viewer, actor, async ({ tx, cluster }) => {
        const members = new Map((await membersOf(tx, id)).map((m) => [m.incidentId, m]))
        for (const incidentId of incidentIds)
          if (!members.has(incidentId) || !(await visibleIncident(tx, incidentId, viewer)))
            throw new RuleViolationError('Only members of this cluster can be split off', 'incidentIds')
        if (incidentIds.length >= members.size)
          throw new RuleViolationError('Leave at least one incident in the cluster', 'incidentIds')
        const newTitle = title?.trim() || `Split from ${cluster.title}`.slice(0, 200)
        const [created] = await tx
          .insert(clusters)
          .values({ title: newTitle, status: cluster.status === 'dismissed' ? 'suggested' : cluster.status, explanation: {} })
          .returning()
        if (!created) throw new Error('insert returned no row')
        await tx
          .delete(clusterMembers)
          .where(and(eq(clusterMembers.clusterId, id), inArray(clusterMembers.incidentId, incidentIds)))
        await tx
          .insert(clusterMembers)
          .values(incidentIds.map((incidentId) => ({ clusterId: created.id, incidentId, source: 'manual' as const })))
        const sources = Object.fromEntries(
          incidentIds.map((incidentId) => [incidentId, members.get(incidentId)?.source ?? 'auto']),
        )
        await tx.insert(clusterEdits).values({
          clusterId: created.id,
          actorId: actor.id,
          kind: 'split',
          payload: { role: 'target', otherId: id, otherTitle: cluster.title, incidentIds },
        })
        return {
          kind: 'split',
          payload: { role: 'source', otherId: created.id, otherTitle: newTitle, incidentIds, sources },
          result: created.id,
        }
      })
      return done?.result ? findCluster(db, done.result as string, viewer) : undefined
    },

    /** Undoes one edit; the revert is itself logged (as the audit entry) and the edit marked reverted. */
    async revert(id: string, editId: string, viewer: IncidentViewer, actor: Actor) {
      const found = await db.transaction(async (tx) => {
        await lockClusters(tx)
        if (!(await isVisible(tx, id, viewer))) return undefined
        const [e] = await tx
          .select()
          .from(clusterEdits)
          .where(and(eq(clusterEdits.id, editId), eq(clusterEdits.clusterId, id)))
          .for('update')
        if (!e) return undefined
        if (e.revertedAt) throw new ConflictError('That edit was already reverted')
        const p = e.payload as Record<string, unknown>
        const ids = Array.isArray(p.incidentIds) ? p.incidentIds.map(String) : []
        switch (e.kind) {
          case 'rename':
            await tx
              .update(clusters)
              .set({ title: String(p.before) })
              .where(eq(clusters.id, id))
            break
          case 'confirm':
          case 'dismiss':
          case 'restore':
            await tx
              .update(clusters)
              .set({ status: p.before as ClusterStatus })
              .where(eq(clusters.id, id))
            break
          case 'add_member':
            await tx
              .delete(clusterMembers)
              .where(and(eq(clusterMembers.clusterId, id), eq(clusterMembers.incidentId, String(p.incidentId))))
            break
          case 'remove_member':
            await tx
              .insert(clusterMembers)
              .values({ clusterId: id, incidentId: String(p.incidentId), source: p.source === 'manual' ? 'manual' : 'auto' })
              .onConflictDoNothing()
            break
          case 'merge':
          case 'split': {
            // Both sides of a merge or split go back together; revert it from either side.
            const source = p.role === 'source' ? id : String(p.otherId)
            const target = p.role === 'source' ? String(p.otherId) : id
            const [sourceEdit] = await tx
              .select()
              .from(clusterEdits)
              .where(
                and(
                  eq(clusterEdits.clusterId, source),
                  eq(clusterEdits.kind, e.kind),
                  isNull(clusterEdits.revertedAt),
                  sql`${clusterEdits.payload}->>'otherId' = ${target}`,
                ),
              )
            const sp = (sourceEdit?.payload ?? p) as Record<string, unknown>
            if (ids.length > 0)
              await tx
                .delete(clusterMembers)
                .where(and(eq(clusterMembers.clusterId, target), inArray(clusterMembers.incidentId, ids)))
            if (e.kind === 'merge') {
              await tx
                .update(clusters)
                .set({ status: (sp.before as ClusterStatus) ?? 'suggested' })
                .where(eq(clusters.id, source))
            } else {
              const sources = (sp.sources ?? {}) as Record<string, string>
              if (ids.length > 0)
                await tx
                  .insert(clusterMembers)
                  .values(
                    ids.map((incidentId) => ({
                      clusterId: source,
                      incidentId,
                      source: sources[incidentId] === 'manual' ? ('manual' as const) : ('auto' as const),
                    })),
                  )
                  .onConflictDoNothing()
              const [retro] = await tx.select({ id: retros.id }).from(retros).where(eq(retros.clusterId, target))
              if (retro) throw new ConflictError('The split-off cluster has a retro; it cannot be folded back')
              await tx.delete(clusters).where(eq(clusters.id, target))
            }
            await tx
              .update(clusterEdits)
              .set({ revertedAt: new Date() })
              .where(
                and(
                  inArray(clusterEdits.clusterId, [source, target]),
                  eq(clusterEdits.kind, e.kind),
                  isNull(clusterEdits.revertedAt),
                  sql`${clusterEdits.payload}->>'otherId' in (${source}, ${target})`,
                ),
              )
            break
          }
        }
        await tx.update(clusterEdits).set({ revertedAt: new Date() }).where(eq(clusterEdits.id, editId))
        const [still] = await tx.select({ id: clusters.id }).from(clusters).where(eq(clusters.id, id))
        if (still)
          await tx
            .update(clusters)
            .set({ version: sql`${clusters.version} + 1`, updatedAt: new Date() })
            .where(eq(clusters.id, id))
        await recordAudit(tx, {
          actor,
          action: 'cluster.revert',
          entityType: 'cluster',
          entityId: id,
          changes: { edit: { before: { id: e.id, kind: e.kind, payload: p } } },
        })
        // A reverted split removes the split-off cluster: show the one the members went back to.
        return still ? id : p.role === 'target' ? String(p.otherId) : id
      })
      return found ? findCluster(db, found, viewer) : undefined
    },
  }
}
export type ClusterRepository = ReturnType<typeof clusterRepository>
