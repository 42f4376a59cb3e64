import { type PairwiseScore, pairwiseScore } from '@misalign/shared'
import { sql } from 'drizzle-orm'
import { type Db, queryRows } from '../src/index'
import type { Planted } from './types'

/**
 * The clustering engine against the planted clusters of a generated org: pairwise precision,
 * recall and F1 of the suggested and confirmed clusters in the database, counting labelled
 * incidents only (planted members, and the planted look-alikes as "in no cluster").
 */
export async function clusterQuality(db: Db, planted: Planted): Promise<PairwiseScore> {
  const rows = await queryRows<{ clusterId: string; incidentId: string }>(
    db,
    sql`select m.cluster_id as "clusterId", m.incident_id as "incidentId" from cluster_members m
      join clusters c on c.id = m.cluster_id where c.status <> 'dismissed'`,
  )
  const byCluster = new Map<string, string[]>()
  for (const row of rows) byCluster.set(row.clusterId, [...(byCluster.get(row.clusterId) ?? []), row.incidentId])
  return pairwiseScore(
    planted.clusters.map((c) => c.incidentIds),
    [...byCluster.values()],
    planted.distractors.flatMap((d) => d.incidentIds),
  )
}
