import {
  type ActivityEntry,
  type ActivityNames,
  type ActivityQuery,
  ANONYMOUS_ACTOR_NAME,
  describeAuditEntry,
  describeComment,
  type IncidentComment,
  type Page,
  SYSTEM_ACTOR_NAME,
} from '@misalign/shared'
import { and, inArray, sql } from 'drizzle-orm'
import { type Db, queryRows, type Tx } from '../../client'
import { decisions, incidentComments, incidents, strategyGaps, teams, users } from '../../schema/index'
import { ANONYMOUS_LABEL } from '../access/audit-repository'
import { type IncidentViewer, visibleTo } from '../incidents/incident-visibility'
import { decodeCursor, toPage } from '../support/cursor'

/*
 * The incident page's feed (docs/decisions/023): the incident's audit entries and its comments,
 * merged newest first in one keyset-paged query, and worded by shared/domain/incident-activity.
 * The audit log already holds no anonymous reporter (ADR 007); the feed adds no name it lacks.
 */

type FeedRow = {
  kind: 'change' | 'comment'
  id: string
  at: Date | string
  micros: string
  seq: number
  action: string | null
  actor_label: string | null
  actor_name: string | null
  changes: Record<string, { before?: unknown; after?: unknown }> | null
  author_id: string | null
  body: string | null
  mention_team_ids: string[] | null
}

const iso = (at: Date | string) => (at instanceof Date ? at : new Date(at)).toISOString()

/** Who the feed says did it: a person's name, never an anonymous reporter's. */
function actorNameOf(row: FeedRow): string {
  if (row.actor_label === ANONYMOUS_LABEL) return ANONYMOUS_ACTOR_NAME
  if (row.actor_name) return row.actor_name
  if (row.actor_label === 'system') return SYSTEM_ACTOR_NAME
  return 'A former user'
}

/** Every id an entry refers to, so one query per kind resolves their names. */
function referencedIds(rows: FeedRow[]) {
  const ids = { teams: new Set<string>(), decisions: new Set<string>(), gaps: new Set<string>(), incidents: new Set<string>() }
  const add = (set: Set<string>, value: unknown) => typeof value === 'string' && set.add(value)
  for (const row of rows) {
    for (const id of row.mention_team_ids ?? []) ids.teams.add(id)
    const c = row.changes ?? {}
    for (const side of ['before', 'after'] as const) {
      add(ids.teams, c.decisionOwnerTeamId?.[side])
      add(ids.teams, c.teamId?.[side])
      add(ids.decisions, c.decisionId?.[side])
      add(ids.gaps, c.gapId?.[side])
      add(ids.incidents, c.unrelatedTo?.[side])
    }
  }
  return ids
}

async function namesFor(db: Db | Tx, rows: FeedRow[], viewer: IncidentViewer): Promise<ActivityNames> {
  const ids = referencedIds(rows)
  const pick = async <T extends { id: string }>(set: Set<string>, load: (list: string[]) => Promise<T[]>) =>
    set.size === 0 ? [] : load([...set])
  const [teamRows, decisionRows, gapRows, incidentRows] = await Promise.all([
    pick(ids.teams, (list) => db.select({ id: teams.id, name: teams.name }).from(teams).where(inArray(teams.id, list))),
    pick(ids.decisions, (list) =>
      db.select({ id: decisions.id, name: decisions.title }).from(decisions).where(inArray(decisions.id, list)),
    ),
    pick(ids.gaps, (list) =>
      db.select({ id: strategyGaps.id, name: strategyGaps.title }).from(strategyGaps).where(inArray(strategyGaps.id, list)),
    ),
    // Only incidents this reader may see are named: "another incident" otherwise.
    pick(ids.incidents, (list) =>
      db
        .select({ id: incidents.id, name: sql<string>`'MIS-' || ${incidents.number}` })
        .from(incidents)
        .where(and(inArray(incidents.id, list), visibleTo(viewer))),
    ),
  ])
  const lookup = (found: { id: string; name: string }[]) => {
    const byId = new Map(found.map((r) => [r.id, r.name]))
    return (id: string) => byId.get(id)
  }
  return { team: lookup(teamRows), decision: lookup(decisionRows), gap: lookup(gapRows), incident: lookup(incidentRows) }
}

/**
 * Where an entry sorts. An anonymous entry keeps only its day (ADR 007), so it must not be placed
 * between the day's named entries by its real time: an anonymous filing sorts first in its day,
 * any other anonymous entry last in its day; named entries sort by their time.
 */
const sortMicros = sql`(extract(epoch from case when a.actor_label = ${ANONYMOUS_LABEL} and a.action <> 'create'
    then a.at + interval '1 day' - interval '1 microsecond' else a.at end) * 1000000)::bigint`

function toEntry(row: FeedRow, names: ActivityNames, incidentId: string): ActivityEntry {
  const actorName = actorNameOf(row)
  if (row.kind === 'comment') {
    const mentions = (row.mention_team_ids ?? []).map((teamId) => ({ teamId, teamName: names.team(teamId) ?? 'a team' }))
    const comment: IncidentComment = {
      id: row.id,
      incidentId,
      // Null once the author's account is deleted.
      authorId: row.author_id,
      authorName: actorName,
      body: row.body ?? '',
      mentions,
      createdAt: iso(row.at),
    }
    return {
      id: row.id,
      kind: 'comment',
      at: iso(row.at),
      actorName,
      summary: describeComment(
        actorName,
        mentions.map((m) => m.teamName),
      ),
      details: [],
      comment,
    }
  }
  const words = describeAuditEntry({ action: row.action ?? '', actorName, changes: row.changes ?? {} }, names)
  return { id: row.id, kind: 'change', at: iso(row.at), actorName, ...words, comment: null }
}

export function incidentActivityRepository(db: Db) {
  return {
    /** One page of the feed of an incident the caller has checked the viewer may see. */
    async page(incidentId: string, query: ActivityQuery, viewer: IncidentViewer): Promise<Page<ActivityEntry>> {
      const limit = query.limit ?? 50
      const after = decodeCursor(query.cursor, ['string', 'number', 'string'] as const)
      // Microseconds, not a JS Date: entries of one transaction share a timestamp finer than ms.
      // A filing sorts below entries of the same instant (`seq`): an anonymous one shares its day's midnight.
      const before = after ? sql`where (micros, seq, id) < (${after[0]}::bigint, ${after[1]}, ${after[2]}::uuid)` : sql``
      const rows = await queryRows<FeedRow>(
        db,
        sql`select * from (
          select 'change' as kind, a.id, a.at, ${sortMicros} as micros,
            case when a.action = 'create' then 0 else 1 end as seq, a.action,
            a.actor_label, u.display_name as actor_name, a.changes,
            null::uuid as author_id, null::text as body, null::uuid[] as mention_team_ids
          from audit_log a left join ${users} u on u.id = a.actor_id and a.actor_label <> ${ANONYMOUS_LABEL}
          where a.entity_type = 'incident' and a.entity_id = ${incidentId}
          union all
          select 'comment', c.id, c.created_at, (extract(epoch from c.created_at) * 1000000)::bigint, 1, null,
            null, u.display_name, null, c.author_id, c.body, c.mention_team_ids
          from ${incidentComments} c left join ${users} u on u.id = c.author_id
          where c.incident_id = ${incidentId}
        ) feed ${before}
        order by micros desc, seq desc, id desc
        limit ${limit + 1}`,
      )
      const names = await namesFor(db, rows.slice(0, limit), viewer)
      return toPage(
        rows,
        limit,
        (row) => toEntry(row, names, incidentId),
        (row) => [String(row.micros), Number(row.seq), row.id],
      )
    },

    /** Writes one comment; the caller checked permission and the mentioned teams. */
    async insertComment(tx: Tx, incidentId: string, authorId: string, body: string, mentionTeamIds: readonly string[]) {
      const [row] = await tx
        .insert(incidentComments)
        .values({ incidentId, authorId, body, mentionTeamIds: [...mentionTeamIds] })
        .returning()
      if (!row) throw new Error('insert returned no comment')
      return row
    },

    /** The comment as the feed shows it, once written. */
    async describeComment(
      tx: Tx,
      incidentId: string,
      commentId: string,
      viewer: IncidentViewer,
    ): Promise<ActivityEntry | undefined> {
      const [row] = await queryRows<FeedRow>(
        tx,
        sql`select 'comment' as kind, c.id, c.created_at as at, '0' as micros, 1 as seq, null as action, null as actor_label,
            u.display_name as actor_name, null as changes, c.author_id, c.body, c.mention_team_ids
          from ${incidentComments} c left join ${users} u on u.id = c.author_id where c.id = ${commentId}`,
      )
      if (!row) return undefined
      return toEntry(row, await namesFor(tx, [row], viewer), incidentId)
    },
  }
}
export type IncidentActivityRepository = ReturnType<typeof incidentActivityRepository>
