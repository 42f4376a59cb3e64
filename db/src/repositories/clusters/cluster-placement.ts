import { placeIncident } from '@misalign/shared'
import { eq, inArray, sql } from 'drizzle-orm'
import { type Db, queryRows } from '../../client'
import { clusterMembers, clusters, incidents } from '../../schema/index'
import { loadNames, lockClusters, publicExplanation } from './cluster-recompute'
import { neighboursOf } from './cluster-similar'
import { countIncident, loadEngineRows, termStats } from './cluster-terms'

export type PlacementOutcome = 'joined' | 'started' | 'none'

/**
 * Newly filed incidents join the cluster their strongest neighbours are in, or start a
 * suggestion with enough unclustered neighbours, without recomputing anything else.
 *
 * A batch at a time: under a burst of filings, one job and one transaction per incident spent
 * more on the queue's round trips and the lock than on placing, and placements fell seconds
 * behind. The batch runs in one transaction under the clusters lock, in filing order, so each
 * incident sees where the ones before it went. Neighbours are read after the lock is taken, so
 * two instances' batches take turns and neither starts a cluster the other already started.
 */
export async function placeNewIncidents(db: Db, incidentIds: readonly string[]): Promise<Map<string, PlacementOutcome>> {
  const outcomes = new Map<string, PlacementOutcome>(incidentIds.map((id) => [id, 'none']))
  if (incidentIds.length === 0) return outcomes
  // Built (once per process) before the lock: it reads every incident's text.
  const vocabulary = await termStats(db)
  return db.transaction(async (tx) => {
    await lockClusters(tx)
    const subjects = await loadEngineRows(tx, inArray(incidents.id, [...incidentIds]))
    subjects.sort((a, b) => incidentIds.indexOf(a.id) - incidentIds.indexOf(b.id))
    let names: Awaited<ReturnType<typeof loadNames>> | undefined
    for (const subject of subjects) {
      countIncident(db, subject)
      const neighbours = await neighboursOf(db, subject, tx)
      if (neighbours.length === 0) continue
      const ids = [subject.id, ...neighbours.map((n) => n.incident.id)]
      const memberships = await queryRows<{ incidentId: string; clusterId: string; status: string }>(
        tx,
        sql`select m.incident_id as "incidentId", m.cluster_id as "clusterId", c.status from cluster_members m
          join clusters c on c.id = m.cluster_id where m.incident_id in ${sql.raw(`('${ids.join("','")}')`)}`,
      )
      // Retried after a crash that came after its commit, or started by an earlier one of this batch: placed already.
      if (memberships.some((m) => m.incidentId === subject.id)) continue
      const closed = new Set(memberships.filter((m) => m.status === 'dismissed').map((m) => m.clusterId))
      const placement = placeIncident(
        neighbours.map((n) => ({
          incidentId: n.incident.id,
          score: n.score,
          clusterIds: memberships.filter((m) => m.incidentId === n.incident.id).map((m) => m.clusterId),
        })),
        closed,
      )
      if (placement.kind === 'join') {
        await tx
          .insert(clusterMembers)
          .values({ clusterId: placement.clusterId, incidentId: subject.id, source: 'auto' })
          .onConflictDoNothing()
        await tx.update(clusters).set({ updatedAt: new Date() }).where(eq(clusters.id, placement.clusterId))
        outcomes.set(subject.id, 'joined')
      } else if (placement.kind === 'start') {
        const members = [
          subject,
          ...neighbours.filter((n) => placement.incidentIds.includes(n.incident.id)).map((n) => n.incident),
        ]
        names ??= await loadNames(tx)
        const { explanation, title } = publicExplanation(members, vocabulary, names)
        const [created] = await tx
          .insert(clusters)
          .values({ title, status: 'suggested', explanation })
          .returning({ id: clusters.id })
        if (!created) throw new Error('insert returned no row')
        await tx
          .insert(clusterMembers)
          .values(members.map((m) => ({ clusterId: created.id, incidentId: m.id, source: 'auto' as const })))
        outcomes.set(subject.id, 'started')
      }
    }
    return outcomes
  })
}
