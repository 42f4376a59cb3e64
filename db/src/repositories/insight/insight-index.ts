import {
  type CorpusDecision,
  type CorpusIncident,
  type DecisionGuess,
  decisionFields,
  guessDecision,
  type IncidentStatus,
  type InsightCorpus,
  incidentFields,
  rolesSeeingAllRestricted,
  ruledOutFields,
  TermTable,
  TextIndex,
  type WeightedField,
} from '@misalign/shared'
import { sql } from 'drizzle-orm'
import { type Db, queryRows } from '../../client'
import type { IncidentViewer } from '../incidents/incident-visibility'

/**
 * The insight engine's in-memory index of every incident and decision
 * (docs/decisions/013-insight-retrieval.md). Derived state, rebuilt from the database: any
 * instance can build its own, and losing it loses nothing.
 *
 * Freshness: every service write appends an event to the outbox (ADR 019), so the newest
 * event's `seq` says whether anything changed since the index was built — on this instance or
 * any other. Each read compares it (one index lookup); a small corpus is then rebuilt before the
 * read (milliseconds), a large one keeps answering from the old index while a new one is built
 * in the background. Writes that raise no event (a bulk seed) are picked up by `maxAgeMs`.
 */
const maxAgeMs = 60_000
/** Up to this many incidents a rebuild is cheaper than serving a stale answer. */
const rebuildInlineUpTo = 20_000

/** A report's words count for less in its decision's profile than the decision's own. */
const profileShare = 0.5

export interface IndexedIncident extends CorpusIncident {
  id: string
  number: number
  status: IncidentStatus
  title: string
  restricted: boolean
  reporterId: string | null
  reporterKey: string | null
}

export interface IndexedDecision extends CorpusDecision {
  title: string
  summary: string
  status: 'active' | 'superseded' | 'reversed'
  owningTeamName: string
  strategyBearing: boolean
}

export interface InsightIndex extends InsightCorpus {
  terms: TermTable
  incidentRows: IndexedIncident[]
  decisionRows: IndexedDecision[]
  incidentAt(doc: number): IndexedIncident | undefined
  decisionAt(doc: number): IndexedDecision | undefined
  incidentDoc(id: string): number | undefined
  /** Whether `viewer` may see the incident at `doc` (the rule of `visibleTo`, in process). */
  visible(viewer: IncidentViewer): (doc: number) => boolean
  builtAt: number
}

export interface InsightIncidentRow extends IndexedIncident {
  narrative: string
  expected: string
  missingContext: string
  harmedGoal: string
}

export interface InsightDecisionRow extends IndexedDecision {
  prefer: string | null
  over: string | null
  forGoal: string | null
}

/**
 * Unnamed reports whose likely decision the index works out as it is built: the most recently
 * discovered, where a guess still helps someone. Each costs one search of the decision register.
 */
const maxGuessed = 5_000

export async function buildInsightIndex(db: Db): Promise<InsightIndex> {
  const incidentRows = await queryRows<InsightIncidentRow>(
    db,
    sql`select id, number, status, decision_id as "decisionId", gap_id as "gapId",
      decision_owner_team_id as "decisionOwnerTeamId", reporting_team_id as "reportingTeamId",
      (discovered_at - date '1970-01-01')::int as day, title, narrative, expected,
      missing_context as "missingContext", harmed_goal as "harmedGoal", restricted,
      reporter_id as "reporterId", reporter_key as "reporterKey"
      from incidents order by number`,
  )
  const decisionRows = await queryRows<InsightDecisionRow>(
    db,
    sql`select d.id, d.title, d.summary, d.status, d.owning_team_id as "owningTeamId", t.name as "owningTeamName",
      (d.decided_at - date '1970-01-01')::int as "decidedDay", d.tradeoff_prefer as prefer,
      d.tradeoff_over as over, d.tradeoff_for_goal as "forGoal", d.tradeoff_prefer is not null as "strategyBearing"
      from decisions d join teams t on t.id = d.owning_team_id order by d.created_at, d.id`,
  )
  return insightIndexOf(incidentRows, decisionRows)
}

/** The index of rows already read (in process, no I/O): what `buildInsightIndex` does after its reads. */
export function insightIndexOf(
  incidentRows: readonly InsightIncidentRow[],
  decisionRows: readonly InsightDecisionRow[],
): InsightIndex {
  const terms = new TermTable()
  const incidents = new TextIndex(terms)
  const decisions = new TextIndex(terms)
  const byIncidentId = new Map<string, number>()
  const byDecision = new Map<string, number[]>()
  const incidentList: IndexedIncident[] = []
  // A named report's words also go into its decision's profile: counted once, used twice.
  const namedCounts = new Map<string, Map<number, number>>()
  const unnamed: { doc: number; counts: Map<number, number>; ruledOut: WeightedField[] }[] = []
  for (const row of incidentRows) {
    const counts = terms.count(incidentFields(row), true)
    const doc = incidents.add(counts)
    const { narrative: _n, expected: _e, missingContext: _m, harmedGoal: _h, ...facts } = row
    incidentList[doc] = facts
    byIncidentId.set(row.id, doc)
    if (row.decisionId) {
      const list = byDecision.get(row.decisionId) ?? []
      list.push(doc)
      byDecision.set(row.decisionId, list)
      const sum = namedCounts.get(row.decisionId) ?? new Map<number, number>()
      for (const [term, tf] of counts) sum.set(term, (sum.get(term) ?? 0) + tf * profileShare)
      namedCounts.set(row.decisionId, sum)
    } else unnamed.push({ doc, counts, ruledOut: ruledOutFields(row) })
  }
  const byDecisionId = new Map<string, number>()
  const decisionList: IndexedDecision[] = []
  const profiles = new TextIndex(terms)
  for (const row of decisionRows) {
    const own = terms.count(decisionFields(row), true)
    const doc = decisions.add(own)
    const profile = new Map(own)
    for (const [term, tf] of namedCounts.get(row.id) ?? []) profile.set(term, (profile.get(term) ?? 0) + tf)
    profiles.add(profile)
    const { prefer: _p, over: _o, forGoal: _f, ...facts } = row
    decisionList[doc] = facts
    byDecisionId.set(row.id, doc)
  }
  const index: InsightIndex = {
    terms,
    incidents,
    decisions,
    profiles,
    incidentRows: incidentList,
    decisionRows: decisionList,
    incidentAt: (doc) => incidentList[doc],
    decisionAt: (doc) => decisionList[doc],
    decisionDoc: (id) => byDecisionId.get(id),
    incidentDoc: (id) => byIncidentId.get(id),
    incidentsOf: (id) => byDecision.get(id) ?? [],
    guessOf: (doc) => guesses.get(doc),
    guessedIncidentsOf: (id) => byGuess.get(id) ?? [],
    visible: (viewer) => {
      if (rolesSeeingAllRestricted.includes(viewer.role)) return () => true
      const teams = new Set(viewer.teamIds)
      return (doc) => {
        const row = incidentList[doc]
        if (!row) return false
        return (
          !row.restricted ||
          teams.has(row.reportingTeamId) ||
          row.reporterId === viewer.userId ||
          (row.reporterKey !== null && row.reporterKey === viewer.reporterKey)
        )
      }
    },
    builtAt: Date.now(),
  }
  // Guesses read only the register and the profiles (named reports): no guess feeds another.
  const guesses = new Map<number, DecisionGuess | null>()
  const byGuess = new Map<string, number[]>()
  const recent = unnamed
    .map((u) => ({ ...u, day: incidentList[u.doc]?.day ?? 0 }))
    .sort((a, b) => b.day - a.day || b.doc - a.doc)
    .slice(0, maxGuessed)
  for (const { doc, counts, ruledOut } of recent) {
    const facts = incidentList[doc]
    if (!facts) continue
    const guess = guessDecision(index, {
      query: counts,
      // Counted now, with the decisions' words known: a ruled-out name often appears in no other report.
      ruledOut: terms.count(ruledOut, false),
      decisionId: null,
      gapId: facts.gapId,
      decisionOwnerTeamId: facts.decisionOwnerTeamId,
      reportingTeamId: facts.reportingTeamId,
      day: facts.day,
    })
    guesses.set(doc, guess)
    if (!guess) continue
    const list = byGuess.get(guess.decisionId) ?? []
    list.push(doc)
    byGuess.set(guess.decisionId, list)
  }
  return index
}

interface Entry {
  index: InsightIndex
  dirty: boolean
  /** The outbox's newest event when the build began: a different one means something changed. */
  seq: number
  rebuilding?: Promise<void>
}
const cache = new WeakMap<object, Entry>()
const pending = new WeakMap<object, Promise<InsightIndex>>()

/** Something the index holds changed: incidents, decisions or their links. */
export function markInsightDirty(db: Db): void {
  const entry = cache.get(db)
  if (entry) entry.dirty = true
}

/** Compared for equality, not order: emptying the tables (tests, a restore) restarts the count. */
async function latestEventSeq(db: Db): Promise<number> {
  const [row] = await queryRows<{ seq: string | number | null }>(db, sql`select max(seq) as seq from outbox_events`)
  return Number(row?.seq ?? 0)
}

export async function insightIndex(db: Db): Promise<InsightIndex> {
  const entry = cache.get(db)
  const seq = await latestEventSeq(db)
  if (entry) {
    const stale = entry.dirty || entry.seq !== seq || Date.now() - entry.index.builtAt > maxAgeMs
    if (!stale) return entry.index
    if (entry.index.incidentRows.length <= rebuildInlineUpTo) return fresh(db, seq)
    if (!entry.rebuilding) {
      entry.dirty = false
      entry.seq = seq
      entry.rebuilding = buildInsightIndex(db)
        .then((index) => void cache.set(db, { index, seq, dirty: cache.get(db)?.dirty ?? false }))
        .catch(() => {
          entry.dirty = true
        })
        .finally(() => {
          entry.rebuilding = undefined
        })
    }
    return entry.index
  }
  return fresh(db, seq)
}

async function fresh(db: Db, seq: number): Promise<InsightIndex> {
  let building = pending.get(db)
  if (!building) {
    // Marked clean before the read starts: a write during the build marks it dirty again.
    const previous = cache.get(db)
    if (previous) previous.dirty = false
    building = buildInsightIndex(db).finally(() => pending.delete(db))
    pending.set(db, building)
    const index = await building
    const dirtyMeanwhile = cache.get(db)?.dirty ?? false
    cache.set(db, { index, seq, dirty: dirtyMeanwhile })
    return index
  }
  return building
}

/** Pairs people marked "not related", for clustering to keep apart. */
export async function unrelatedPairs(db: Db): Promise<[string, string][]> {
  const rows = await queryRows<{ a: string; b: string }>(
    db,
    sql`select incident_id as a, other_incident_id as b from incident_unrelated_pairs`,
  )
  return rows.map((r) => [r.a, r.b])
}
