import type { IncidentClusters } from '@misalign/shared'
import { and, asc, eq, ne } from 'drizzle-orm'
import type { Db } from '../../client'
import { clusterMembers, clusters } from '../../schema/index'

/** The clusters an incident belongs to (dismissed suggestions left out), for the incident page's sidebar. */
export function incidentClusterRepository(db: Db) {
  return {
    async listForIncident(incidentId: string): Promise<IncidentClusters> {
      const items = await db
        .select({ id: clusters.id, title: clusters.title, status: clusters.status })
        .from(clusterMembers)
        .innerJoin(clusters, eq(clusters.id, clusterMembers.clusterId))
        .where(and(eq(clusterMembers.incidentId, incidentId), ne(clusters.status, 'dismissed')))
        .orderBy(asc(clusters.title))
      return { items }
    },
  }
}
