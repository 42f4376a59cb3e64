import {
  type DecisionSuggestion,
  type DecisionSuggestionsQuery,
  type Draft,
  dayNumber,
  draftWords,
  type RankedDecision,
  type RankedIncident,
  rankDecisions,
  rankSimilar,
  type SimilarIncident,
  type SimilarIncidentsQuery,
} from '@misalign/shared'
import { and, eq, inArray, or, sql } from 'drizzle-orm'
import { type Db, queryRows } from '../../client'
import { incidents, incidentUnrelatedPairs } from '../../schema/index'
import { type Actor, recordAudit } from '../access/audit-repository'
import { type IncidentViewer, visibleTo } from '../incidents/incident-visibility'
import { type InsightIndex, insightIndex, markInsightDirty } from './insight-index'

/**
 * Similar incidents and decision suggestions, for a draft report or an existing incident
 * (docs/decisions/013-insight-retrieval.md). Reads the in-memory index; only what the viewer may
 * see is offered, and people's "not related" marks are honoured.
 */

const dayString = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10)

function draftOf(index: InsightIndex, query: DecisionSuggestionsQuery): Draft {
  return {
    ...draftWords(index.terms, { title: query.text ?? '', narrative: '', expected: '', missingContext: '' }),
    decisionId: query.decisionId ?? null,
    gapId: null,
    decisionOwnerTeamId: query.decisionOwnerTeamId ?? null,
    reportingTeamId: query.reportingTeamId ?? null,
    day: query.discoveredAt ? dayNumber(query.discoveredAt) : null,
  }
}

interface Subject {
  doc: number
  draft: Draft
  unrelated: Set<string>
}

/** Two incidents a person said are not related, as the caller named them. */
export interface UnrelatedPair {
  /** Lower id first: the pair is stored once, whichever side it was marked from. */
  ids: [string, string]
  subject: string
  other: string
  subjectVersion: number
}

export function insightRepository(db: Db) {
  const toSimilar = (index: InsightIndex, ranked: RankedIncident): SimilarIncident | undefined => {
    const row = index.incidentAt(ranked.incident)
    if (!row) return undefined
    return {
      id: row.id,
      key: `MIS-${row.number}`,
      title: row.title,
      status: row.status,
      discoveredAt: dayString(row.day),
      score: ranked.score,
      confidence: ranked.confidence,
      reasons: ranked.reasons,
      terms: subjectTerms.get(ranked) ?? [],
    }
  }
  // Shared words are worked out only for what is returned: the walk is per term.
  const subjectTerms = new WeakMap<RankedIncident, string[]>()

  const toSuggestion = (
    index: InsightIndex,
    ranked: RankedDecision,
    draft: Draft,
    visible: (doc: number) => boolean,
  ): DecisionSuggestion | undefined => {
    const decision = index.decisionAt(ranked.decision)
    if (!decision) return undefined
    return {
      decision: {
        id: decision.id,
        title: decision.title,
        summary: decision.summary,
        owningTeamId: decision.owningTeamId,
        owningTeamName: decision.owningTeamName,
        decidedAt: dayString(decision.decidedDay),
        status: decision.status,
        strategyBearing: decision.strategyBearing,
      },
      score: ranked.score,
      confidence: ranked.confidence,
      reasons: ranked.reasons,
      terms: index.decisions.sharedTerms(draft.query, ranked.decision),
      viaIncidents: ranked.via
        .filter(visible)
        .slice(0, 3)
        .flatMap((doc) => {
          const row = index.incidentAt(doc)
          return row ? [{ id: row.id, key: `MIS-${row.number}`, title: row.title }] : []
        }),
    }
  }

  /** The incident as a draft of itself, or undefined when the viewer may not see it. */
  async function subjectOf(
    index: InsightIndex,
    idOrNumber: string | number,
    viewer: IncidentViewer,
  ): Promise<Subject | undefined> {
    const id = await idOf(idOrNumber)
    const doc = id === undefined ? undefined : index.incidentDoc(id)
    if (doc === undefined || !index.visible(viewer)(doc)) return undefined
    const [row] = await queryRows<{
      title: string
      narrative: string
      expected: string
      missingContext: string
      harmedGoal: string
    }>(
      db,
      sql`select title, narrative, expected, missing_context as "missingContext", harmed_goal as "harmedGoal"
        from incidents where id = ${id}`,
    )
    const facts = index.incidentAt(doc)
    if (!row || !facts) return undefined
    const pairs = await queryRows<{ other: string }>(
      db,
      sql`select case when incident_id = ${id} then other_incident_id else incident_id end as other
        from incident_unrelated_pairs where incident_id = ${id} or other_incident_id = ${id}`,
    )
    return {
      doc,
      unrelated: new Set(pairs.map((p) => p.other)),
      draft: {
        ...draftWords(index.terms, row),
        decisionId: facts.decisionId,
        gapId: facts.gapId,
        decisionOwnerTeamId: facts.decisionOwnerTeamId,
        reportingTeamId: facts.reportingTeamId,
        day: facts.day,
      },
    }
  }

  /**
   * The index can lag a write by a moment (a report just made team-only, or deleted): what is
   * shown is checked against the table itself, so nothing leaks in that moment.
   */
  async function stillVisible(ids: readonly string[], viewer: IncidentViewer): Promise<Set<string>> {
    if (ids.length === 0) return new Set()
    const rows = await db
      .select({ id: incidents.id })
      .from(incidents)
      .where(and(inArray(incidents.id, [...new Set(ids)]), visibleTo(viewer)))
    return new Set(rows.map((r) => r.id))
  }

  async function similar(
    index: InsightIndex,
    draft: Draft,
    viewer: IncidentViewer,
    limit: number,
    exclude: (doc: number) => boolean,
  ): Promise<SimilarIncident[]> {
    const visible = index.visible(viewer)
    const found = rankSimilar(index, draft, { exclude, accept: visible })
      .slice(0, limit + 5)
      .flatMap((ranked) => {
        subjectTerms.set(ranked, index.incidents.sharedTerms(draft.query, ranked.incident))
        return toSimilar(index, ranked) ?? []
      })
    const shown = await stillVisible(
      found.map((f) => f.id),
      viewer,
    )
    return found.filter((f) => shown.has(f.id)).slice(0, limit)
  }

  async function checked(suggestions: DecisionSuggestion[], viewer: IncidentViewer): Promise<DecisionSuggestion[]> {
    const shown = await stillVisible(
      suggestions.flatMap((s) => s.viaIncidents.map((v) => v.id)),
      viewer,
    )
    return suggestions.map((s) => ({ ...s, viaIncidents: s.viaIncidents.filter((v) => shown.has(v.id)) }))
  }

  function suggestions(
    index: InsightIndex,
    draft: Draft,
    viewer: IncidentViewer,
    limit: number,
    exclude: (doc: number) => boolean,
  ) {
    const visible = index.visible(viewer)
    return rankDecisions(index, draft, { exclude, accept: visible })
      .slice(0, limit)
      .flatMap((ranked) => toSuggestion(index, ranked, draft, visible) ?? [])
  }

  return {
    /** Incidents or decisions changed: the index is rebuilt before (or soon after) the next read. */
    changed: () => markInsightDirty(db),

    /** Incidents like a draft report, best first; empty when nothing is close ("looks new"). */
    async similarToDraft(query: SimilarIncidentsQuery, viewer: IncidentViewer): Promise<SimilarIncident[]> {
      if (!query.text?.trim() && !query.decisionId) return []
      const index = await insightIndex(db)
      return similar(index, draftOf(index, query), viewer, query.limit ?? 5, () => false)
    },

    /** Incidents like an existing one, leaving out those people marked "not related"; undefined if it is not visible. */
    async similarToIncident(
      idOrNumber: string | number,
      viewer: IncidentViewer,
      limit = 5,
    ): Promise<SimilarIncident[] | undefined> {
      const index = await insightIndex(db)
      const subject = await subjectOf(index, idOrNumber, viewer)
      if (!subject) return undefined
      const exclude = (doc: number) => doc === subject.doc || subject.unrelated.has(index.incidentAt(doc)?.id ?? '')
      return similar(index, subject.draft, viewer, limit, exclude)
    },

    /** Decisions that likely caused a draft report, best first. */
    async decisionSuggestions(query: DecisionSuggestionsQuery, viewer: IncidentViewer): Promise<DecisionSuggestion[]> {
      if (!query.text?.trim()) return []
      const index = await insightIndex(db)
      return checked(
        suggestions(index, { ...draftOf(index, query), decisionId: null }, viewer, query.limit ?? 5, () => false),
        viewer,
      )
    },

    /** Decisions that likely caused an existing incident (whether or not it names one); undefined if it is not visible. */
    async decisionSuggestionsForIncident(
      idOrNumber: string | number,
      viewer: IncidentViewer,
      limit = 5,
    ): Promise<DecisionSuggestion[] | undefined> {
      const index = await insightIndex(db)
      const subject = await subjectOf(index, idOrNumber, viewer)
      if (!subject) return undefined
      const draft = { ...subject.draft, decisionId: null }
      return checked(
        suggestions(index, draft, viewer, limit, (doc) => doc === subject.doc),
        viewer,
      )
    },

    /**
     * Decision suggestions for many incidents at once (a triage page): one read of their texts
     * instead of one per incident. Incidents the viewer may not see are left out of the map.
     */
    async decisionSuggestionsForIncidents(
      ids: readonly string[],
      viewer: IncidentViewer,
      limit = 3,
    ): Promise<Map<string, DecisionSuggestion[]>> {
      const index = await insightIndex(db)
      const visible = index.visible(viewer)
      const wanted = ids.filter((id) => {
        const doc = index.incidentDoc(id)
        return doc !== undefined && visible(doc)
      })
      const result = new Map<string, DecisionSuggestion[]>()
      if (wanted.length === 0) return result
      const rows = await db
        .select({
          id: incidents.id,
          title: incidents.title,
          narrative: incidents.narrative,
          expected: incidents.expected,
          missingContext: incidents.missingContext,
          harmedGoal: incidents.harmedGoal,
        })
        .from(incidents)
        .where(inArray(incidents.id, wanted))
      for (const row of rows) {
        const doc = index.incidentDoc(row.id) as number
        const facts = index.incidentAt(doc)
        if (!facts) continue
        const draft: Draft = {
          ...draftWords(index.terms, row),
          decisionId: null,
          gapId: facts.gapId,
          decisionOwnerTeamId: facts.decisionOwnerTeamId,
          reportingTeamId: facts.reportingTeamId,
          day: facts.day,
        }
        result.set(
          row.id,
          suggestions(index, draft, viewer, limit, (d) => d === doc),
        )
      }
      const shown = await stillVisible(
        [...result.values()].flatMap((list) => list.flatMap((s) => s.viaIncidents.map((v) => v.id))),
        viewer,
      )
      for (const [id, list] of result)
        result.set(
          id,
          list.map((s) => ({ ...s, viaIncidents: s.viaIncidents.filter((v) => shown.has(v.id)) })),
        )
      return result
    },

    /**
     * The pair as "not related" stores it (lower id first), if the viewer may see both sides;
     * undefined otherwise, or when both name the same incident. Checked against the table: the
     * index may lag a moment behind.
     */
    visiblePair,

    /** Records "not related" for the pair; false when it was recorded already. */
    async markUnrelated(pair: UnrelatedPair, actor: Actor): Promise<boolean> {
      return db.transaction(async (tx) => {
        const inserted = await tx
          .insert(incidentUnrelatedPairs)
          .values({ incidentId: pair.ids[0], otherIncidentId: pair.ids[1], markedById: actor.id })
          .onConflictDoNothing()
          .returning({ a: incidentUnrelatedPairs.incidentId })
        if (inserted.length === 0) return false
        await recordAudit(tx, {
          actor,
          action: 'mark_unrelated',
          entityType: 'incident',
          entityId: pair.subject,
          changes: { unrelatedTo: { after: pair.other } },
        })
        return true
      })
    },

    /** Takes "not related" back; false when it was not recorded. */
    async unmarkUnrelated(pair: UnrelatedPair, actor: Actor): Promise<boolean> {
      return db.transaction(async (tx) => {
        const deleted = await tx
          .delete(incidentUnrelatedPairs)
          .where(and(eq(incidentUnrelatedPairs.incidentId, pair.ids[0]), eq(incidentUnrelatedPairs.otherIncidentId, pair.ids[1])))
          .returning({ a: incidentUnrelatedPairs.incidentId })
        if (deleted.length === 0) return false
        await recordAudit(tx, {
          actor,
          action: 'unmark_unrelated',
          entityType: 'incident',
          entityId: pair.subject,
          changes: { unrelatedTo: { before: pair.other } },
        })
        return true
      })
    },
  }

  async function idOf(idOrNumber: string | number): Promise<string | undefined> {
    if (typeof idOrNumber === 'string') return idOrNumber
    const [row] = await db.select({ id: incidents.id }).from(incidents).where(eq(incidents.number, idOrNumber))
    return row?.id
  }

  async function visiblePair(
    idOrNumber: string | number,
    otherId: string,
    viewer: IncidentViewer,
  ): Promise<UnrelatedPair | undefined> {
    const subjectId = await idOf(idOrNumber)
    if (!subjectId || subjectId === otherId) return undefined
    const rows = await db
      .select({ id: incidents.id, version: incidents.version })
      .from(incidents)
      .where(and(or(eq(incidents.id, subjectId), eq(incidents.id, otherId)), visibleTo(viewer)))
    if (rows.length !== 2) return undefined
    const subjectVersion = rows.find((row) => row.id === subjectId.toLowerCase())?.version ?? 0
    const ids: [string, string] = subjectId < otherId ? [subjectId, otherId] : [otherId, subjectId]
    return { ids, subject: subjectId, other: otherId, subjectVersion }
  }
}
