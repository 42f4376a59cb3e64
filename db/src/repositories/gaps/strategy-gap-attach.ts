import type { StrategyGap } from '@misalign/shared'
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm'
import type { Db, Tx } from '../../client'
import { clusterMembers, clusters, decisions, incidents, strategyGapDecisions, strategyGaps } from '../../schema/index'
import { type Actor, recordAudit } from '../access/audit-repository'
import { type IncidentViewer, visibleTo } from '../incidents/incident-visibility'
import { decisionIdsOf, linkDecisions, unlinkDecisions } from './strategy-gap-decisions'
import { toStrategyGap } from './strategy-gap-row'

/*
 * Attaching incidents, decisions or a cluster's incidents to an existing gap in one transaction,
 * and detaching them again (docs/decisions/017). Each changed incident gets its own audit entry
 * and version bump, as an edit would; the gap gets one entry saying what moved. Detaching the ids
 * an attach reports undoes it.
 */

export interface AttachPlan {
  incidentIds: readonly string[]
  decisionIds: readonly string[]
}

export interface AttachOutcome {
  gap: StrategyGap
  incidentIds: string[]
  decisionIds: string[]
  skipped: { incidentId: string; reason: string }[]
  countingElsewhere: { decisionId: string; gapId: string }[]
}

/** Moves the incidents among `ids` whose gap is `from` to `to`; returns the ids moved. */
async function pointIncidents(tx: Tx, ids: readonly string[], from: string | null, to: string | null, actor: Actor) {
  if (ids.length === 0) return []
  const moved = await tx
    .update(incidents)
    .set({ gapId: to, version: sql`${incidents.version} + 1`, updatedAt: new Date() })
    .where(and(inArray(incidents.id, [...ids]), from === null ? isNull(incidents.gapId) : eq(incidents.gapId, from)))
    .returning({ id: incidents.id })
  for (const incident of moved) {
    await recordAudit(tx, {
      actor,
      action: 'update',
      entityType: 'incident',
      entityId: incident.id,
      changes: { gapId: { before: from, after: to } },
    })
  }
  return moved.map((m) => m.id)
}

/** Why each incident among `ids` that was not moved stayed as it was. */
async function reasonsSkipped(tx: Tx, ids: readonly string[], moved: readonly string[], gapId: string, attaching: boolean) {
  const left = ids.filter((id) => !moved.includes(id))
  if (left.length === 0) return []
  const rows = await tx
    .select({ id: incidents.id, gapId: incidents.gapId, gapTitle: strategyGaps.title })
    .from(incidents)
    .leftJoin(strategyGaps, eq(strategyGaps.id, incidents.gapId))
    .where(inArray(incidents.id, left))
  return rows.map((r) => ({
    incidentId: r.id,
    reason: !attaching
      ? 'It does not name this gap'
      : r.gapId === gapId
        ? 'It names this gap already'
        : `It names another gap, “${r.gapTitle ?? r.gapId}”: change that on the incident if it belongs here`,
  }))
}

/** Decisions among `ids` whose incidents count towards a gap other than `gapId`, which named them first. */
async function claimedElsewhere(tx: Tx, gapId: string, ids: readonly string[]) {
  if (ids.length === 0) return []
  const links = await tx
    .selectDistinctOn([strategyGapDecisions.decisionId], {
      decisionId: strategyGapDecisions.decisionId,
      gapId: strategyGapDecisions.gapId,
    })
    .from(strategyGapDecisions)
    .where(inArray(strategyGapDecisions.decisionId, [...ids]))
    .orderBy(asc(strategyGapDecisions.decisionId), asc(strategyGapDecisions.createdAt), asc(strategyGapDecisions.gapId))
  return links.filter((l) => l.gapId !== gapId)
}

export function strategyGapAttachments(db: Db) {
  /** One attach or detach: lock the gap, move what the plan names, audit, and return what changed. */
  async function apply(gapId: string, plan: AttachPlan, actor: Actor, attaching: boolean): Promise<AttachOutcome | undefined> {
    return db.transaction(async (tx) => {
      const [before] = await tx.select().from(strategyGaps).where(eq(strategyGaps.id, gapId)).for('update')
      if (!before) return undefined
      const decisionsBefore = (await decisionIdsOf(tx, [gapId])).get(gapId) ?? []
      const decisionIds = attaching
        ? await linkDecisions(tx, gapId, plan.decisionIds, actor)
        : await unlinkDecisions(tx, gapId, plan.decisionIds)
      const incidentIds = attaching
        ? await pointIncidents(tx, plan.incidentIds, null, gapId, actor)
        : await pointIncidents(tx, plan.incidentIds, gapId, null, actor)
      const skipped = await reasonsSkipped(tx, plan.incidentIds, incidentIds, gapId, attaching)
      const decisionsAfter = (await decisionIdsOf(tx, [gapId])).get(gapId) ?? []
      let row = before
      if (decisionIds.length) {
        // decisionIds is part of the gap: its version moves so a stale form cannot overwrite it.
        const [after] = await tx
          .update(strategyGaps)
          .set({ version: before.version + 1, updatedAt: new Date() })
          .where(eq(strategyGaps.id, gapId))
          .returning()
        if (!after) throw new Error('update returned no row')
        row = after
      }
      if (decisionIds.length || incidentIds.length) {
        await recordAudit(tx, {
          actor,
          action: attaching ? 'attach' : 'detach',
          entityType: 'strategy_gap',
          entityId: gapId,
          changes: {
            ...(decisionIds.length ? { decisionIds: { before: decisionsBefore, after: decisionsAfter } } : {}),
            ...(incidentIds.length ? { incidentIds: { before: null, after: incidentIds } } : {}),
          },
        })
      }
      return {
        gap: toStrategyGap(row, decisionsAfter),
        incidentIds,
        decisionIds,
        skipped,
        countingElsewhere: attaching ? await claimedElsewhere(tx, gapId, decisionIds) : [],
      }
    })
  }

  return {
    attach: (gapId: string, plan: AttachPlan, actor: Actor) => apply(gapId, plan, actor, true),
    detach: (gapId: string, plan: AttachPlan, actor: Actor) => apply(gapId, plan, actor, false),

    /**
     * A cluster's member incidents the viewer may see, and the decision most of them name (more
     * than half), if any: attaching a cluster offers that decision rather than adding it unasked.
     * Undefined when there is no such cluster.
     */
    async clusterForAttach(clusterId: string, viewer: IncidentViewer) {
      const [cluster] = await db.select({ id: clusters.id }).from(clusters).where(eq(clusters.id, clusterId))
      if (!cluster) return undefined
      const members = await db
        .select({ id: incidents.id, decisionId: incidents.decisionId })
        .from(clusterMembers)
        .innerJoin(incidents, eq(incidents.id, clusterMembers.incidentId))
        .where(and(eq(clusterMembers.clusterId, clusterId), visibleTo(viewer)))
      const [top] = members.length
        ? await db
            .select({ id: decisions.id, title: decisions.title, incidents: count() })
            .from(clusterMembers)
            .innerJoin(incidents, eq(incidents.id, clusterMembers.incidentId))
            .innerJoin(decisions, eq(decisions.id, incidents.decisionId))
            .where(and(eq(clusterMembers.clusterId, clusterId), isNotNull(incidents.decisionId), visibleTo(viewer)))
            .groupBy(decisions.id, decisions.title)
            .orderBy(desc(count()), asc(decisions.id))
            .limit(1)
        : []
      return {
        incidentIds: members.map((m) => m.id),
        dominantDecision: top && top.incidents * 2 > members.length ? top : null,
      }
    },
  }
}
