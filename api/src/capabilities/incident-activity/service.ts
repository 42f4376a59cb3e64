import { anonymousActor, assertTeamsExist, recordAudit, toImpact } from '@misalign/db'
import {
  type ActivityEntry,
  type ActivityQuery,
  checkImpact,
  type DomainEvent,
  fail,
  type Incident,
  type IncidentImpact,
  type NewIncidentComment,
  type NewIncidentImpact,
  type Page,
} from '@misalign/shared'
import { authorize, type Caller } from '../../services/caller'
import type { ServiceDeps } from '../../services/deps'
import { writeTransaction } from '../../services/unit-of-work'

/*
 * The incident page's writes (docs/decisions/023): a comment that mentions teams, and "this hurt
 * us too" — another team's impact on the incident — added or taken back. Each checks permission
 * first, applies the rule of shared/domain, and writes the row and its audit entry in one
 * transaction. Every way in (routes today, Slack or the CLI later) calls these.
 */

/** Impact events say which team was hurt and how much, never an anonymous impact's team. */
function impactEvent(type: DomainEvent['type'], incident: Incident, impact: IncidentImpact): DomainEvent {
  return {
    type,
    aggregateType: 'incident',
    aggregateId: incident.id,
    aggregateVersion: incident.version,
    payload: {
      key: incident.key,
      impactId: impact.id,
      teamId: impact.anonymous ? null : impact.teamId,
      anonymous: impact.anonymous,
      weightedHarm: impact.weightedHarm,
    },
  }
}

export function incidentActivityService(deps: ServiceDeps) {
  const { db, repos } = deps

  /** The incident as this caller sees it; a restricted one they may not see does not exist (404). */
  async function visibleIncident(caller: Caller, key: string | number, asked: string): Promise<Incident> {
    const incident = await repos.incidents.find(key, caller.viewer)
    if (!incident) throw fail.notFound('incident', asked)
    return incident
  }

  return {
    async activity(caller: Caller, key: string | number, asked: string, query: ActivityQuery): Promise<Page<ActivityEntry>> {
      authorize(caller, 'incident.read')
      const incident = await visibleIncident(caller, key, asked)
      return repos.incidentActivity.page(incident.id, query, caller.viewer)
    },

    async impacts(caller: Caller, key: string | number, asked: string) {
      authorize(caller, 'incident.read')
      const incident = await visibleIncident(caller, key, asked)
      return repos.incidentImpacts.listForIncident(incident.id, incident.weightedHarm, caller.viewer)
    },

    async clusters(caller: Caller, key: string | number, asked: string) {
      authorize(caller, 'cluster.read')
      const incident = await visibleIncident(caller, key, asked)
      return repos.incidentClusters.listForIncident(incident.id)
    },

    async addComment(caller: Caller, key: string | number, asked: string, draft: NewIncidentComment): Promise<ActivityEntry> {
      authorize(caller, 'incident.comment')
      const { viewer, actor } = caller
      const incident = await visibleIncident(caller, key, asked)
      const body = draft.body.trim()
      if (body === '') throw fail.invalidField('body', 'Write something: the comment is empty')
      const mentions = draft.mentionTeamIds ?? []
      return writeTransaction(deps, async (tx, events) => {
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
        // Mentioned teams are what a notifier (Slack, #15) needs; the words stay on the page.
        await events.record({
          type: 'incident.commented',
          aggregateType: 'incident',
          aggregateId: incident.id,
          aggregateVersion: incident.version,
          payload: { key: incident.key, commentId: comment.id, mentionTeamIds: mentions },
        })
        return entry
      })
    },

    async addImpact(caller: Caller, key: string | number, asked: string, draft: NewIncidentImpact): Promise<IncidentImpact> {
      authorize(caller, 'impact.add', { teamIds: [draft.teamId] })
      const { viewer, actor } = caller
      const problems = checkImpact(draft)
      if (problems.length > 0) throw fail.invalid(problems.map((p) => p.message).join('. '), problems)
      const incident = await visibleIncident(caller, key, asked)
      // Compared with the team others are shown, so the answer cannot reveal which small team
      // filed an anonymous report.
      if (incident.reportingTeamId === draft.teamId) {
        throw fail.conflict(
          'Your team filed this incident: change its harm and surprise on the incident instead of adding an impact.',
          'own-incident',
        )
      }
      return writeTransaction(deps, async (tx, events) => {
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
        await events.record(impactEvent('incident.impact-added', incident, asOthersSeeIt))
        return toImpact(impact, shownTeamId, viewer)
      })
    },

    async removeImpact(caller: Caller, key: string | number, asked: string, impactId: string) {
      const { viewer, actor } = caller
      const incident = await visibleIncident(caller, key, asked)
      const found = await repos.incidentImpacts.find(db, incident.id, impactId)
      if (!found) throw fail.notFound('impact', impactId)
      const mine = toImpact(found.impact, found.shownTeamId, viewer).isMine
      // An anonymous impact is checked against the team others see, so a lead cannot learn
      // that someone of their small team added it by being allowed to remove it.
      const teamId = found.impact.anonymous && !mine ? found.shownTeamId : found.impact.teamId
      authorize(caller, 'impact.remove', { teamIds: [teamId], isOwnedByViewer: mine })
      await writeTransaction(deps, async (tx, events) => {
        await repos.incidentImpacts.remove(tx, found.impact.id)
        await recordAudit(tx, {
          actor: found.impact.anonymous && mine ? anonymousActor : actor,
          action: 'impact.remove',
          entityType: 'incident',
          entityId: incident.id,
          changes: impactChanges(toImpact(found.impact, found.shownTeamId), 'before'),
        })
        await events.record(impactEvent('incident.impact-removed', incident, toImpact(found.impact, found.shownTeamId)))
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
