import { createHash, randomUUID } from 'node:crypto'
import {
  type ClusterStatus,
  clusterIncidents,
  decisionForTheRest,
  defaultEngineOptions,
  draftWords,
  explainGroup,
  type GroupExplanation,
  groupingDecision,
  guessDecision,
  keepApart,
  type RecomputeResult,
  suggestedTitle,
  type Vocabulary,
} from '@misalign/shared'
import { eq, inArray, sql } from 'drizzle-orm'
import { type Db, queryRows, type Tx } from '../../client'
import { type clusterMembers, clusters } from '../../schema/index'
import { type Actor, recordAudit } from '../access/audit-repository'
import { type InsightIndex, insightIndex, unrelatedPairs } from '../insight/insight-index'
import { type EngineRow, loadEngineRows, rememberTermStats } from './cluster-terms'

/**
 * Writing the engine's groups without undoing people's work. Manual edits live in
 * `cluster_edits`; while an edit is not reverted it holds:
 * - a confirmed or dismissed cluster keeps its status (the engine only ever makes suggestions);
 * - a dismissed cluster is never suggested again: a group that matches it is dropped;
 * - a renamed cluster keeps its title; manual members stay; a removed member (or one split
 *   off) never comes back by the engine;
 * - a confirmed cluster only grows: the engine adds new matching incidents, removes none.
 * Suggested clusters nobody touched are the engine's to reshape or drop.
 */

/** Serialises writers of clusters (recompute, incremental placement) across instances. */
export const lockClusters = (tx: Tx) => tx.execute(sql`select pg_advisory_xact_lock(727001)`)

interface Existing {
  id: string
  status: ClusterStatus
  fingerprint: string | null
  members: Map<string, 'auto' | 'manual'>
  /** Incidents people took out: never added back by the engine. */
  removed: Set<string>
  isRenamed: boolean
  isTouched: boolean
  hasRetro: boolean
}

async function loadExisting(tx: Tx): Promise<Map<string, Existing>> {
  const rows = await queryRows<{ id: string; status: ClusterStatus; hasRetro: boolean; fingerprint: string | null }>(
    tx,
    sql`select c.id, c.status, c.explanation->>'fingerprint' as fingerprint,
      exists (select 1 from retros r where r.cluster_id = c.id) as "hasRetro" from clusters c`,
  )
  const existing = new Map<string, Existing>(
    rows.map((r) => [r.id, { ...r, members: new Map(), removed: new Set(), isRenamed: false, isTouched: false }]),
  )
  const members = await queryRows<{ clusterId: string; incidentId: string; source: 'auto' | 'manual' }>(
    tx,
    sql`select cluster_id as "clusterId", incident_id as "incidentId", source from cluster_members`,
  )
  for (const m of members) existing.get(m.clusterId)?.members.set(m.incidentId, m.source)
  const edits = await queryRows<{ clusterId: string; kind: string; payload: Record<string, unknown> }>(
    tx,
    sql`select cluster_id as "clusterId", kind, payload from cluster_edits where reverted_at is null`,
  )
  for (const edit of edits) {
    const cluster = existing.get(edit.clusterId)
    if (!cluster) continue
    cluster.isTouched = true
    if (edit.kind === 'rename') cluster.isRenamed = true
    if (edit.kind === 'remove_member' && typeof edit.payload.incidentId === 'string') cluster.removed.add(edit.payload.incidentId)
    if (edit.kind === 'split' && edit.payload.role === 'source' && Array.isArray(edit.payload.incidentIds))
      for (const id of edit.payload.incidentIds) cluster.removed.add(String(id))
  }
  return existing
}

interface Names {
  decisions: Map<string, string>
  gaps: Map<string, string>
  teams: Map<string, string>
}

export async function loadNames(tx: Tx): Promise<Names> {
  const pairs = (rows: { id: string; name: string }[]) => new Map(rows.map((r) => [r.id, r.name]))
  // One after another: a transaction is one connection, which takes one query at a time.
  const decisions = await queryRows<{ id: string; name: string }>(tx, sql`select id, title as name from decisions`)
  const gaps = await queryRows<{ id: string; name: string }>(tx, sql`select id, title as name from strategy_gaps`)
  const teams = await queryRows<{ id: string; name: string }>(tx, sql`select id, name from teams`)
  return { decisions: pairs(decisions), gaps: pairs(gaps), teams: pairs(teams) }
}

/** The explanation and title everyone may see: restricted members' words and teams stay out. */
export function publicExplanation(
  members: readonly EngineRow[],
  vocabulary: Vocabulary,
  names: Names,
  termIdsOf?: (member: EngineRow) => Iterable<number>,
  /** The decision the engine grouped an unnamed member under, if any (see `groupingDecision`). */
  groupingDecisionOf: (memberId: string) => string | null = () => null,
) {
  const open = members.filter((m) => !m.restricted)
  const explanation: GroupExplanation = explainGroup(open, vocabulary, defaultEngineOptions, termIdsOf)
  const likely = explanation.decision ? null : decisionForTheRest(open, groupingDecisionOf)
  // Team names of a pair are only shown by name when the pair holds among open reports.
  const title = suggestedTitle(explanation, {
    decisionTitle: explanation.decision ? names.decisions.get(explanation.decision.id) : null,
    likelyDecisionTitle: likely ? names.decisions.get(likely.decisionId) : null,
    gapTitle: explanation.gap ? names.gaps.get(explanation.gap.id) : null,
    ownerTeamName: explanation.teamPair ? names.teams.get(explanation.teamPair.ownerTeamId) : null,
    reportingTeamName: explanation.teamPair ? names.teams.get(explanation.teamPair.reportingTeamId) : null,
  })
  // A fingerprint of what the engine wrote, so a recompute skips clusters whose explanation did not change.
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([explanation, title]))
    .digest('base64url')
    .slice(0, 16)
  return { explanation: { ...explanation, engine: 'tfidf-v1', fingerprint } as Record<string, unknown>, title }
}

function stableClusterId(firstMemberId: string): string {
  const hex = createHash('sha256').update(`cluster:${firstMemberId}`).digest('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

/** A uuid[] literal; the ids are ours (uuids from the database), never user text. */
const uuidArray = (ids: readonly string[]) => sql.raw(`'{${ids.join(',')}}'::uuid[]`)

const batch = <T>(items: T[], size = 1000): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, k) => items.slice(k * size, (k + 1) * size))

export async function recomputeClusters(db: Db, actor: Actor): Promise<RecomputeResult> {
  const started = Date.now()
  const rows = await loadEngineRows(db)
  const loaded = Date.now()
  // The insight index (built here on a first run) reads the same table. Reading both at once was
  // slower on a busy machine (two result sets parsed and held together), so one after the other.
  const inferred = rows.some((row) => row.decisionId === null) ? inferDecisions(await insightIndex(db), rows) : []
  const engine = clusterIncidents(rows, defaultEngineOptions, inferred)
  rememberTermStats(db, engine.vocabulary)
  const apart = new Set<string>()
  for (const [a, b] of await unrelatedPairs(db)) apart.add(`${a}|${b}`).add(`${b}|${a}`)
  const groups = keepApart(
    engine.groups.map((g) => g.members.map((i) => rows[i] as EngineRow)),
    apart,
    defaultEngineOptions.minSize,
  )
  const vectorById = new Map(rows.map((row, i) => [row.id, engine.vectors[i]]))
  const inferredById = new Map(rows.map((row, i) => [row.id, inferred[i] ?? null]))

  const computed = Date.now()
  return db.transaction(async (tx) => {
    await lockClusters(tx)
    const existing = await loadExisting(tx)
    const names = await loadNames(tx)

    // Match each group to the existing cluster it overlaps most (at least half of the smaller).
    const candidates: { group: number; cluster: Existing; overlap: number }[] = []
    const clustersOf = new Map<string, Existing[]>()
    for (const cluster of existing.values())
      for (const id of cluster.members.keys()) clustersOf.set(id, [...(clustersOf.get(id) ?? []), cluster])
    groups.forEach((members, group) => {
      const overlaps = new Map<Existing, number>()
      for (const m of members) for (const c of clustersOf.get(m.id) ?? []) overlaps.set(c, (overlaps.get(c) ?? 0) + 1)
      for (const [cluster, overlap] of overlaps)
        if (overlap * 2 >= Math.min(members.length, cluster.members.size)) candidates.push({ group, cluster, overlap })
    })
    const rank: Record<ClusterStatus, number> = { confirmed: 0, dismissed: 1, suggested: 2 }
    candidates.sort(
      (a, b) =>
        b.overlap - a.overlap || rank[a.cluster.status] - rank[b.cluster.status] || a.cluster.id.localeCompare(b.cluster.id),
    )
    const matchOf = new Map<number, Existing>()
    const taken = new Set<string>()
    for (const c of candidates) {
      if (matchOf.has(c.group) || taken.has(c.cluster.id)) continue
      matchOf.set(c.group, c.cluster)
      taken.add(c.cluster.id)
    }

    const now = new Date()
    const toInsert: (typeof clusterMembers.$inferInsert)[] = []
    const toDelete: { clusterId: string; incidentId: string }[] = []
    const newClusters: (typeof clusters.$inferInsert)[] = []
    let updated = 0
    for (const [group, members] of groups.entries()) {
      const { explanation, title } = publicExplanation(
        members,
        engine.vocabulary,
        names,
        (m) => vectorById.get(m.id)?.ids ?? [],
        (id) => inferredById.get(id) ?? null,
      )
      const cluster = matchOf.get(group)
      if (!cluster) {
        // Named after its earliest member, so the same data gives the same ids (the demo seed is deterministic).
        const stable = stableClusterId(members[0]?.id ?? '')
        const id = existing.has(stable) || newClusters.some((c) => c.id === stable) ? randomUUID() : stable
        newClusters.push({ id, title, status: 'suggested', explanation, createdAt: now, updatedAt: now })
        for (const m of members)
          toInsert.push({ clusterId: id, incidentId: m.id, source: 'auto', createdAt: now, updatedAt: now })
        continue
      }
      if (cluster.status === 'dismissed') continue
      const wanted = new Set(members.map((m) => m.id).filter((id) => !cluster.removed.has(id)))
      for (const id of wanted)
        if (!cluster.members.has(id))
          toInsert.push({ clusterId: cluster.id, incidentId: id, source: 'auto', createdAt: now, updatedAt: now })
      if (cluster.status === 'suggested')
        for (const [id, source] of cluster.members)
          if (source === 'auto' && !wanted.has(id)) toDelete.push({ clusterId: cluster.id, incidentId: id })
      if (cluster.fingerprint === explanation.fingerprint) continue
      await tx
        .update(clusters)
        .set(cluster.isRenamed || cluster.status === 'confirmed' ? { explanation } : { explanation, title })
        .where(eq(clusters.id, cluster.id))
      updated++
    }

    // Untouched suggestions the engine no longer finds go; anything people worked on stays.
    const stale = [...existing.values()].filter(
      (c) => c.status === 'suggested' && !taken.has(c.id) && !c.isTouched && !c.hasRetro,
    )
    for (const ids of batch(stale.map((c) => c.id))) await tx.delete(clusters).where(inArray(clusters.id, ids))
    for (const chunk of batch(newClusters)) await tx.insert(clusters).values(chunk)
    // Two uuid arrays per statement instead of five parameters per row: 100,000 members in ten statements.
    for (const chunk of batch(toInsert, 10_000)) {
      await tx.execute(sql`insert into cluster_members (cluster_id, incident_id, source)
        select c, i, 'auto' from unnest(${uuidArray(chunk.map((m) => m.clusterId))}, ${uuidArray(chunk.map((m) => m.incidentId))}) as t(c, i)
        on conflict do nothing`)
    }
    for (const chunk of batch(toDelete, 10_000)) {
      await tx.execute(sql`delete from cluster_members m
        using unnest(${uuidArray(chunk.map((d) => d.clusterId))}, ${uuidArray(chunk.map((d) => d.incidentId))}) as gone(cluster_id, incident_id)
        where m.cluster_id = gone.cluster_id and m.incident_id = gone.incident_id`)
    }
    const [count] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from clusters where status = 'suggested'`)
    const result: RecomputeResult = {
      suggested: count?.n ?? 0,
      created: newClusters.length,
      updated,
      removed: stale.length,
      incidents: rows.length,
      durationMs: Date.now() - started,
      phases: { loadMs: loaded - started, engineMs: computed - loaded, writeMs: Date.now() - computed },
    }
    await recordAudit(tx, {
      actor,
      action: 'cluster.recompute',
      entityType: 'cluster',
      entityId: null,
      changes: { result: { after: result } },
    })
    return result
  })
}

/**
 * How many reports naming no decision a full recompute asks the insight engine about, newest
 * first: each costs about half a millisecond at 100,000 incidents, and recent reports are the
 * ones a retro is about. Older unnamed reports still cluster by owner team, time and words.
 */
const maxInferred = 5_000

/** The decision each unnamed report clearly points at (null where none stands out). */
function inferDecisions(index: InsightIndex, rows: readonly EngineRow[]): (string | null)[] {
  const unnamed = rows
    .map((row, i) => ({ row, i }))
    .filter(({ row }) => row.decisionId === null)
    .sort((a, b) => b.row.day - a.row.day || (a.row.id < b.row.id ? -1 : 1))
    .slice(0, maxInferred)
  const inferred: (string | null)[] = rows.map(() => null)
  if (unnamed.length === 0) return inferred
  const named = new Map<string, number>()
  for (const row of rows) if (row.decisionId) named.set(row.decisionId, (named.get(row.decisionId) ?? 0) + 1)
  const namedCount = (decisionId: string) => named.get(decisionId) ?? 0
  for (const { row, i } of unnamed) {
    const doc = index.incidentDoc(row.id)
    if (doc === undefined) continue
    // The index guessed most of them as it was built; a report filed since is asked here.
    let guess = index.guessOf(doc)
    if (guess === undefined)
      guess = guessDecision(index, {
        ...draftWords(index.terms, row),
        decisionId: null,
        gapId: row.gapId,
        decisionOwnerTeamId: row.decisionOwnerTeamId,
        reportingTeamId: row.reportingTeamId,
        day: row.day,
      })
    inferred[i] = groupingDecision(guess, guess ? namedCount(guess.decisionId) : 0)
  }
  return inferred
}
