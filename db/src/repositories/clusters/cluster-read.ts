import {
  type ClusterDetail,
  type ClusterEdit,
  type ClusterEditKind,
  type ClusterExplanation,
  type ClusterListQuery,
  type ClusterMember,
  type ClusterSignal,
  type ClusterStatus,
  type ClusterSummary,
  clusterSignals,
  decisionForTheRest,
  draftWords,
  explainGroup,
  groupingDecision,
  guessDecision,
  type IncidentStatus,
  type Page,
} from '@misalign/shared'
import { type SQL, sql } from 'drizzle-orm'
import { type Db, queryRows, type Tx } from '../../client'
import { displayedTeamId, type IncidentViewer, visibleTo } from '../incidents/incident-visibility'
import { insightIndex } from '../insight/insight-index'
import { decodeCursor, InvalidCursorError, toPage } from '../support/cursor'
import { uuidShape } from '../support/keyset'
import { termStats } from './cluster-terms'

/**
 * Clusters as one viewer sees them: every size, sum, team count, signal and word comes from
 * the members that viewer may see. A cluster with none of those does not exist for them.
 */

interface SummaryRow {
  id: string
  title: string
  status: ClusterStatus
  version: number
  explanation: { signals?: string[] }
  size: number
  weightedHarm: number
  teamsAffected: number
  firstDiscoveredAt: string | null
  lastDiscoveredAt: string | null
  sharedDecision: boolean
  sharedGap: boolean
  sharedPair: boolean
}

const visible = (viewer: IncidentViewer): SQL => visibleTo(viewer) ?? sql`true`

function summaryQuery(viewer: IncidentViewer, where: SQL): SQL {
  return sql`select c.id, c.title, c.status, c.version, c.explanation,
      count(incidents.id)::int as size,
      coalesce(sum(incidents.weighted_harm), 0)::int as "weightedHarm",
      count(distinct ${displayedTeamId})::int as "teamsAffected",
      min(incidents.discovered_at)::text as "firstDiscoveredAt",
      max(incidents.discovered_at)::text as "lastDiscoveredAt",
      count(incidents.decision_id) > count(distinct incidents.decision_id) as "sharedDecision",
      count(incidents.gap_id) > count(distinct incidents.gap_id) as "sharedGap",
      count(incidents.decision_owner_team_id) > count(distinct (incidents.decision_owner_team_id, ${displayedTeamId})) as "sharedPair"
    from clusters c
    join cluster_members m on m.cluster_id = c.id
    join incidents on incidents.id = m.incident_id and ${visible(viewer)}
    where ${where}
    group by c.id
    having count(incidents.id) > 0`
}

function toSummary(row: SummaryRow): ClusterSummary {
  const signals: ClusterSignal[] = []
  if (row.sharedDecision) signals.push('same_decision')
  if (row.sharedGap) signals.push('same_strategy_gap')
  if (row.sharedPair) signals.push('same_team_pair')
  // Text joined them per the engine; the words themselves are only shown from visible members.
  if (row.size >= 2 && (row.explanation.signals ?? []).includes('similar_text')) signals.push('similar_text')
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    size: row.size,
    weightedHarm: row.weightedHarm,
    teamsAffected: row.teamsAffected,
    firstDiscoveredAt: row.firstDiscoveredAt,
    lastDiscoveredAt: row.lastDiscoveredAt,
    signals: clusterSignals.filter((s) => signals.includes(s)),
    version: row.version,
  }
}

/**
 * Heaviest first. Sizes and sums depend on the viewer, so the keyset is over the viewer's own
 * summaries ([weightedHarm, size, id]); the total counts the same summaries.
 */
export async function listClusters(db: Db, query: ClusterListQuery, viewer: IncidentViewer): Promise<Page<ClusterSummary>> {
  const limit = query.limit ?? 50
  const where = query.status ? sql`c.status = ${query.status}` : sql`true`
  const after = decodeCursor(query.cursor, ['number', 'number', 'string'] as const)
  if (after && !uuidShape.test(after[2])) throw new InvalidCursorError()
  const rows = await queryRows<SummaryRow & { total: number }>(
    db,
    sql`with summary as (${summaryQuery(viewer, where)})
      select summary.*, (select count(*)::int from summary) as total from summary
      where ${after ? sql`("weightedHarm", size, id) < (${after[0]}::int, ${after[1]}::int, ${after[2]}::uuid)` : sql`true`}
      order by "weightedHarm" desc, size desc, id desc limit ${limit + 1}`,
  )
  const total = rows[0]?.total ?? (after ? await countClusters(db, where, viewer) : 0)
  return { ...toPage(rows, limit, toSummary, (row) => [row.weightedHarm, row.size, row.id]), total }
}

/** Past the last page the rows carry no total; ask for it on its own. */
async function countClusters(db: Db, where: SQL, viewer: IncidentViewer): Promise<number> {
  const [row] = await queryRows<{ total: number }>(db, sql`select count(*)::int as total from (${summaryQuery(viewer, where)}) s`)
  return row?.total ?? 0
}

interface MemberRow {
  incidentId: string
  number: number
  title: string
  status: IncidentStatus
  discoveredAt: string
  reportingTeamId: string
  decisionId: string | null
  decisionOwnerTeamId: string | null
  gapId: string | null
  weightedHarm: number
  source: 'auto' | 'manual'
  narrative: string
  expected: string
  missingContext: string
  day: number
}

async function visibleMembers(db: Db | Tx, clusterId: string, viewer: IncidentViewer): Promise<MemberRow[]> {
  return queryRows<MemberRow>(
    db,
    sql`select incidents.id as "incidentId", incidents.number, incidents.title, incidents.status,
        incidents.discovered_at::text as "discoveredAt", ${displayedTeamId} as "reportingTeamId",
        incidents.decision_id as "decisionId", incidents.decision_owner_team_id as "decisionOwnerTeamId",
        incidents.gap_id as "gapId", incidents.weighted_harm::int as "weightedHarm", m.source,
        incidents.narrative, incidents.expected, incidents.missing_context as "missingContext",
        (incidents.discovered_at - date '1970-01-01')::int as day
      from cluster_members m join incidents on incidents.id = m.incident_id and ${visible(viewer)}
      where m.cluster_id = ${clusterId}
      order by incidents.discovered_at, incidents.number`,
  )
}

async function explanationFor(db: Db, members: MemberRow[]): Promise<ClusterExplanation> {
  const vocabulary = await termStats(db)
  const features = members.map((m) => ({ ...m, id: m.incidentId }))
  const e = explainGroup(features, vocabulary)
  const rest = decisionForTheRest(
    members.map((m) => ({ id: m.incidentId, decisionId: m.decisionId })),
    members.some((m) => m.decisionId === null) ? await groupingDecisions(db, members) : () => null,
  )
  const ids = [e.decision?.id, e.gap?.id, e.teamPair?.ownerTeamId, e.teamPair?.reportingTeamId, rest?.decisionId].filter(
    (x): x is string => typeof x === 'string',
  )
  const names = new Map(
    ids.length === 0
      ? []
      : (
          await queryRows<{ id: string; name: string }>(
            db,
            sql`select id, title as name from decisions where id in ${sql.raw(`('${ids.join("','")}')`)}
              union all select id, title from strategy_gaps where id in ${sql.raw(`('${ids.join("','")}')`)}
              union all select id, name from teams where id in ${sql.raw(`('${ids.join("','")}')`)}`,
          )
        ).map((r) => [r.id, r.name]),
  )
  const named = (id: string) => names.get(id) ?? 'Unknown'
  return {
    signals: e.signals,
    decision: e.decision ? { ...e.decision, title: named(e.decision.id) } : null,
    gap: e.gap ? { ...e.gap, title: named(e.gap.id) } : null,
    teamPair: e.teamPair
      ? { ...e.teamPair, ownerTeamName: named(e.teamPair.ownerTeamId), reportingTeamName: named(e.teamPair.reportingTeamId) }
      : null,
    terms: e.terms,
    decisionForTheRest: rest
      ? {
          id: rest.decisionId,
          title: named(rest.decisionId),
          named: rest.named,
          likely: rest.likely,
          unnamedIncidentIds: rest.unnamedIds,
        }
      : null,
  }
}

/** Where the insight engine groups each member naming no decision (the rule clustering uses). */
async function groupingDecisions(db: Db, members: readonly MemberRow[]): Promise<(incidentId: string) => string | null> {
  const index = await insightIndex(db)
  const decisionOf = new Map<string, string | null>()
  for (const m of members) {
    if (m.decisionId !== null) continue
    const doc = index.incidentDoc(m.incidentId)
    // The index guesses the newest unnamed reports as it is built; an older one is asked here.
    const guess =
      (doc === undefined ? undefined : index.guessOf(doc)) ??
      guessDecision(index, {
        ...draftWords(index.terms, m),
        decisionId: null,
        gapId: m.gapId,
        decisionOwnerTeamId: m.decisionOwnerTeamId,
        reportingTeamId: m.reportingTeamId,
        day: m.day,
      })
    decisionOf.set(m.incidentId, groupingDecision(guess, guess ? index.incidentsOf(guess.decisionId).length : 0))
  }
  return (incidentId) => decisionOf.get(incidentId) ?? null
}

interface EditRow {
  id: string
  kind: ClusterEditKind
  payload: Record<string, unknown>
  actorName: string | null
  createdAt: Date | string
  revertedAt: Date | string | null
}

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString())

/** A log line a person can read; incidents the viewer may not see are neither named nor counted. */
function describeEdit(row: EditRow, keyOf: Map<string, string>): string | null {
  const p = row.payload
  const keys = (ids: unknown) => (Array.isArray(ids) ? ids.map((id) => keyOf.get(String(id))).filter(Boolean) : [])
  switch (row.kind) {
    case 'confirm':
      return 'Confirmed the cluster'
    case 'dismiss':
      return 'Dismissed the cluster'
    case 'restore':
      return 'Made the cluster a suggestion again'
    case 'rename':
      return `Renamed from “${String(p.before)}” to “${String(p.after)}”`
    case 'add_member':
    case 'remove_member': {
      const key = keyOf.get(String(p.incidentId))
      if (!key) return null
      return row.kind === 'add_member' ? `Added ${key}` : `Removed ${key}`
    }
    case 'merge': {
      const moved = keys(p.incidentIds)
      return p.role === 'target'
        ? `Took in “${String(p.otherTitle)}” (${moved.length} incident${moved.length === 1 ? '' : 's'} you can see)`
        : `Merged into “${String(p.otherTitle)}”`
    }
    case 'split': {
      const moved = keys(p.incidentIds)
      if (moved.length === 0) return null
      return p.role === 'source'
        ? `Split off ${moved.join(', ')} into “${String(p.otherTitle)}”`
        : `Split from “${String(p.otherTitle)}”: ${moved.join(', ')}`
    }
  }
  return null
}

export async function findCluster(db: Db, id: string, viewer: IncidentViewer): Promise<ClusterDetail | undefined> {
  const [row] = await queryRows<SummaryRow>(db, summaryQuery(viewer, sql`c.id = ${id}`))
  if (!row) return undefined
  const members = await visibleMembers(db, id, viewer)
  const editRows = await queryRows<EditRow>(
    db,
    sql`select e.id, e.kind, e.payload, u.display_name as "actorName", e.created_at as "createdAt", e.reverted_at as "revertedAt"
      from cluster_edits e left join users u on u.id = e.actor_id
      where e.cluster_id = ${id} order by e.created_at desc, e.id`,
  )
  const mentioned = [
    ...new Set(
      editRows
        .flatMap((e) => [e.payload.incidentId, ...(Array.isArray(e.payload.incidentIds) ? e.payload.incidentIds : [])])
        .filter((x): x is string => typeof x === 'string'),
    ),
  ]
  const keyOf = new Map(
    mentioned.length === 0
      ? []
      : (
          await queryRows<{ id: string; number: number }>(
            db,
            sql`select incidents.id, incidents.number from incidents where incidents.id in ${sql.raw(`('${mentioned.join("','")}')`)} and ${visible(viewer)}`,
          )
        ).map((r) => [r.id, `MIS-${r.number}`]),
  )
  const edits: ClusterEdit[] = []
  for (const e of editRows) {
    const summary = describeEdit(e, keyOf)
    if (summary === null) continue
    edits.push({
      id: e.id,
      kind: e.kind,
      summary,
      actorName: e.actorName,
      createdAt: iso(e.createdAt) as string,
      revertedAt: iso(e.revertedAt),
      isRevertible: e.revertedAt === null,
    })
  }
  return {
    ...toSummary(row),
    members: members.map(
      (m): ClusterMember => ({
        incidentId: m.incidentId,
        key: `MIS-${m.number}`,
        title: m.title,
        status: m.status,
        discoveredAt: m.discoveredAt,
        reportingTeamId: m.reportingTeamId,
        decisionId: m.decisionId,
        decisionOwnerTeamId: m.decisionOwnerTeamId,
        gapId: m.gapId,
        weightedHarm: m.weightedHarm,
        source: m.source,
      }),
    ),
    explanation: await explanationFor(db, members),
    edits,
  }
}
