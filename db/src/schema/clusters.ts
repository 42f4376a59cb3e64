import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { id, timestamps, version } from './columns'
import { clusterMemberSourceEnum, clusterStatusEnum } from './enums'
import { incidents } from './incidents'
import { users } from './users'

export const clusters = pgTable(
  'clusters',
  {
    id: id(),
    title: text('title').notNull(),
    status: clusterStatusEnum('status').notNull().default('suggested'),
    /** Which signals joined the members (shared decision, gap, team pair, terms). */
    explanation: jsonb('explanation').$type<Record<string, unknown>>().notNull().default({}),
    ...timestamps,
    version: version(),
  },
  (t) => [index('clusters_status_idx').on(t.status)],
)

export const clusterMembers = pgTable(
  'cluster_members',
  {
    id: id(),
    clusterId: uuid('cluster_id')
      .notNull()
      .references(() => clusters.id, { onDelete: 'cascade' }),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    source: clusterMemberSourceEnum('source').notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('cluster_members_cluster_incident_key').on(t.clusterId, t.incidentId),
    index('cluster_members_incident_idx').on(t.incidentId),
  ],
)

/** Every manual edit of a cluster, so it can be explained and reversed. */
export const clusterEdits = pgTable(
  'cluster_edits',
  {
    id: id(),
    clusterId: uuid('cluster_id')
      .notNull()
      .references(() => clusters.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    revertedAt: timestamp('reverted_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
  },
  (t) => [index('cluster_edits_cluster_idx').on(t.clusterId, t.createdAt)],
)

export type ClusterRow = typeof clusters.$inferSelect
