import { type IncidentImpact, type NewIncidentImpact, WEIGHTED_HARM_EXPLANATION } from '@misalign/shared'
import { and, asc, eq, sql } from 'drizzle-orm'
import type { Db, Tx } from '../../client'
import { type IncidentImpactRow, incidentImpacts } from '../../schema/index'
import { type IncidentViewer, isMine, shownTeamFor, toDay } from '../incidents/incident-visibility'

/*
 * "This hurt us too" (docs/decisions/023): another team's impact on an incident. Queries and
 * row mapping only; the service checks permission and the rule first.
 */

/** The team others see on an anonymous impact: the small-team rule of anonymous incidents. */
const shownImpactTeam = sql<string>`case when ${incidentImpacts.anonymous}
  then ${shownTeamFor(sql`${incidentImpacts.teamId}`)} else ${incidentImpacts.teamId} end`

/** The impact as this viewer may see it; `viewer` undefined means as others see it (the audit log). */
export function toImpact(row: IncidentImpactRow, shownTeamId: string, viewer?: IncidentViewer): IncidentImpact {
  const mine = isMine(row, viewer)
  const masked = row.anonymous && !mine
  return {
    id: row.id,
    incidentId: row.incidentId,
    teamId: masked ? shownTeamId : row.teamId,
    isMine: mine,
    anonymous: row.anonymous,
    reporterId: row.anonymous ? null : row.reporterId,
    surprise: row.surprise,
    harm: row.harm,
    harmKinds: row.harmKinds,
    engineerDaysLost: row.engineerDaysLost,
    delayDays: row.delayDays,
    note: row.note,
    weightedHarm: row.weightedHarm ?? row.harm * row.surprise,
    createdAt: masked ? toDay(row.createdAt) : row.createdAt.toISOString(),
  }
}

export function incidentImpactRepository(db: Db) {
  return {
    /** Every impact on an incident (the caller has checked it may see the incident), oldest first. */
    async listForIncident(incidentId: string, incidentWeightedHarm: number, viewer: IncidentViewer) {
      const rows = await db
        .select({ impact: incidentImpacts, shownTeamId: shownImpactTeam })
        .from(incidentImpacts)
        .where(eq(incidentImpacts.incidentId, incidentId))
        .orderBy(asc(incidentImpacts.createdAt), asc(incidentImpacts.id))
      const items = rows.map((r) => toImpact(r.impact, r.shownTeamId, viewer))
      const impacts = items.reduce((sum, i) => sum + i.weightedHarm, 0)
      return {
        items,
        weightedHarm: {
          incident: incidentWeightedHarm,
          impacts,
          total: incidentWeightedHarm + impacts,
          explanation: `${WEIGHTED_HARM_EXPLANATION}: the reporting team's, plus each team that said "this hurt us too"`,
        },
      }
    },

    async find(tx: Db | Tx, incidentId: string, impactId: string) {
      const [row] = await tx
        .select({ impact: incidentImpacts, shownTeamId: shownImpactTeam })
        .from(incidentImpacts)
        .where(and(eq(incidentImpacts.id, impactId), eq(incidentImpacts.incidentId, incidentId)))
      return row
    },

    async existsForTeam(tx: Tx, incidentId: string, teamId: string): Promise<boolean> {
      const [row] = await tx
        .select({ id: incidentImpacts.id })
        .from(incidentImpacts)
        .where(and(eq(incidentImpacts.incidentId, incidentId), eq(incidentImpacts.teamId, teamId)))
      return row !== undefined
    },

    /** Inserts one impact; the author is kept only as the keyed hash when it is anonymous. */
    async insert(tx: Tx, incidentId: string, draft: NewIncidentImpact, viewer: IncidentViewer) {
      const anonymous = draft.anonymous ?? false
      const [row] = await tx
        .insert(incidentImpacts)
        .values({
          incidentId,
          teamId: draft.teamId,
          reporterId: anonymous ? null : viewer.userId,
          reporterKey: anonymous ? viewer.reporterKey : null,
          anonymous,
          surprise: draft.surprise,
          harm: draft.harm,
          harmKinds: draft.harmKinds ?? [],
          engineerDaysLost: draft.engineerDaysLost ?? null,
          delayDays: draft.delayDays ?? null,
          note: draft.note ?? '',
        })
        .returning()
      if (!row) throw new Error('insert returned no impact')
      const [shown] = await tx.select({ id: shownImpactTeam }).from(incidentImpacts).where(eq(incidentImpacts.id, row.id))
      return { impact: row, shownTeamId: shown?.id ?? row.teamId }
    },

    async remove(tx: Tx, impactId: string): Promise<void> {
      await tx.delete(incidentImpacts).where(eq(incidentImpacts.id, impactId))
    },
  }
}
export type IncidentImpactRepository = ReturnType<typeof incidentImpactRepository>
