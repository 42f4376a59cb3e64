import {
  type Actor,
  anonymousActor,
  assertTeamsExist,
  type Database,
  type IncidentViewer,
  type Repositories,
  recordAudit,
  toImpact,
} from '@misalign/db'
import {
  type Action,
  type ActivityEntry,
  can,
  checkImpact,
  fail,
  type Incident,
  type IncidentImpact,
  type NewIncidentComment,
  type NewIncidentImpact,
  type ResourceOwnership,
} from '@misalign/shared'

/*
 * The incident page's writes (docs/decisions/023): a comment that mentions teams, and "this hurt
 * us too" — another team's impact on the incident — added or taken back. Each checks permission
 * first, applies the rule of shared/domain, and writes the row and its audit entry in one
 * transaction. Every way in (routes today, Slack or the CLI later) calls these.
 */

interface Deps {
  database: Database
  repos: Repositories
}

function require(viewer: IncidentViewer, action: Action, resource?: ResourceOwnership): void {
  if (!can(viewer, action, resource)) {
    throw fail.forbidden(
      `Your role (${viewer.role}) may not do this here. Ask a lead of the team concerned, a leader or an admin.`,
    )
  }
}

export function incidentActivityService({ database, repos }: Deps) {
  const { db } = database

  /** The incident as this viewer sees it; a restricted one they may not see does not exist (404). */
  async function visibleIncident(key: string | number, viewer: IncidentViewer, asked: string): Promise<Incident> {
    const incident = await repos.incidents.find(key, viewer)
    if (!incident) throw fail.notFound('incident', asked)
    return incident
  }

  return {
    async addComment(
      viewer: IncidentViewer,
      actor: Actor,
      key: string | number,
      asked: string,
      draft: NewIncidentComment,
    ): Promise<ActivityEntry> {
      require(viewer, 'incident.comment')
      const incident = await visibleIncident(key, viewer, asked)
      const body = draft.body.trim()
      if (body === '') throw fail.invalidField('body', 'Write something: the comment is empty')
      const mentions = draft.mentionTeamIds ?? []
      return db.transaction(async (tx) => {
        await assertTeamsExist(tx, mentions, 'mentionTeamIds')
        const comment = await repos.incidentActivity.insertComment(tx, incident.id, viewer.userId, body, mentions)
        // The body stays out of the audit log: it is the comment's own record.
        await recordAudit(tx, {
          actor,
          action: 'create',
          entityType: 'incident_comment',
          entityId: comment.id,
          changes: { incidentId: { after: incident.id }, mentionTeamIds: { after: mentions } },
        })
        const entry = await repos.incidentActivity.describeComment(tx, incident.id, comment.id, viewer)
        if (!entry) throw new Error('written comment not found')
        return entry
      })
    },

    async addImpact(
      viewer: IncidentViewer,
      actor: Actor,
      key: string | number,
      asked: string,
      draft: NewIncidentImpact,
    ): Promise<IncidentImpact> {
      require(viewer, 'impact.add', { teamIds: [draft.teamId] })
      const problems = checkImpact(draft)
      if (problems.length > 0) throw fail.invalid(problems.map((p) => p.message).join('. '), problems)
      const incident = await visibleIncident(key, viewer, asked)
      // Compared with the team others are shown, so the answer cannot reveal which small team
      // filed an anonymous report.
      if (incident.reportingTeamId === draft.teamId) {
        throw fail.conflict(
          'Your team filed this incident: change its harm and surprise on the incident instead of adding an impact.',
          'own-incident',
        )
      }
      return db.transaction(async (tx) => {
        await assertTeamsExist(tx, [draft.teamId], 'teamId')
        if (await repos.incidentImpacts.existsForTeam(tx, incident.id, draft.teamId)) {
          throw fail.conflict(
            `That team already said this hurt it too on ${incident.key}. Take its impact back first to change it.`,
            'impact-exists',
          )
        }
        const { impact, shownTeamId } = await repos.incidentImpacts.insert(tx, incident.id, draft, viewer)
        const asOthersSeeIt = toImpact(impact, shownTeamId)
        await recordAudit(tx, {
          // An anonymous impact names nobody, and keeps the day only (ADR 007).
          actor: impact.anonymous ? anonymousActor : actor,
          action: 'impact.add',
          entityType: 'incident',
          entityId: incident.id,
          changes: impactChanges(asOthersSeeIt, 'after'),
        })
        return toImpact(impact, shownTeamId, viewer)
      })
    },

    async removeImpact(viewer: IncidentViewer, actor: Actor, key: string | number, asked: string, impactId: string) {
      const incident = await visibleIncident(key, viewer, asked)
      const found = await repos.incidentImpacts.find(db, incident.id, impactId)
      if (!found) throw fail.notFound('impact', impactId)
      const mine = toImpact(found.impact, found.shownTeamId, viewer).isMine
      // An anonymous impact is checked against the team others see, so a lead cannot learn
      // that someone of their small team added it by being allowed to remove it.
      const teamId = found.impact.anonymous && !mine ? found.shownTeamId : found.impact.teamId
      require(viewer, 'impact.remove', { teamIds: [teamId], isOwnedByViewer: mine })
      await db.transaction(async (tx) => {
        await repos.incidentImpacts.remove(tx, found.impact.id)
        await recordAudit(tx, {
          actor: found.impact.anonymous && mine ? anonymousActor : actor,
          action: 'impact.remove',
          entityType: 'incident',
          entityId: incident.id,
          changes: impactChanges(toImpact(found.impact, found.shownTeamId), 'before'),
        })
      })
    },
  }
}
export type IncidentActivityService = ReturnType<typeof incidentActivityService>

/** What the audit log keeps of an impact: as others see it, with no author. */
function impactChanges(impact: IncidentImpact, side: 'before' | 'after') {
  const fields = [
    'teamId',
    'anonymous',
    'surprise',
    'harm',
    'harmKinds',
    'engineerDaysLost',
    'delayDays',
    'weightedHarm',
  ] as const
  return Object.fromEntries(fields.map((f) => [f, { [side]: impact[f] }]))
}
