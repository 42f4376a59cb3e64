import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { can, checkDecisionLinks, DecisionLinks, LinkedDecisions } from '@misalign/shared'
import { HttpProblem, problem } from '../../lib/problem'

const listed = (values: readonly string[]) => values.slice(0, 10).join(', ') + (values.length > 10 ? ', …' : '')

/** POST /api/v1/incidents/decision-links: link (or unlink) decisions on many incidents at once. */
const decisionLinkRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/',
    {
      config: { policy: 'incident.update' },
      schema: {
        tags: ['incidents', 'triage'],
        summary: 'Link or unlink decisions on up to 100 incidents, all or nothing',
        description:
          'Each incident is changed under the rule for editing it (its reporter, leads of the reporting team, leaders, admins) and audited as an edit. The answer carries each incident’s previous decision: send it back to undo.',
        body: DecisionLinks,
        response: { 200: LinkedDecisions },
      },
    },
    async (req) => {
      const problems = checkDecisionLinks(req.body.links)
      if (problems.length > 0) {
        throw problem.unprocessable(
          problems.length === 1 ? (problems[0]?.message ?? '') : `${problems.length} links need fixing`,
          problems,
        )
      }
      const viewer = app.incidentViewer(req)
      const outcome = await app.repos.triage.linkDecisions(req.body.links, viewer, req.actor, (access) =>
        can(viewer, 'incident.update', { teamIds: [access.reportingTeamId], isOwnedByViewer: access.isMine }),
      )
      switch (outcome.kind) {
        case 'linked':
          return { links: outcome.links }
        case 'unknown_incidents':
          throw new HttpProblem(
            404,
            'not-found',
            `No incident with id ${listed(outcome.incidentIds)} exists (or you cannot see it). Nothing was linked.`,
            outcome.incidentIds.map((id) => ({ field: 'incidentId', message: `no incident ${id}` })),
          )
        case 'forbidden':
          throw new HttpProblem(
            403,
            'forbidden',
            `You may not change ${listed(outcome.incidents.map((i) => i.key))}: only its reporter, leads of its reporting team, leaders and admins can. Nothing was linked; leave these out and send the rest again.`,
            outcome.incidents.map((i) => ({ field: 'incidentId', message: `${i.key} (${i.id}) is not yours to change` })),
          )
        case 'unknown_decisions':
          throw problem.unprocessable(
            `No decision with id ${listed(outcome.decisionIds)} exists. Nothing was linked.`,
            outcome.decisionIds.map((id) => ({ field: 'decisionId', message: `no decision ${id}` })),
          )
        case 'unknown_teams':
          throw problem.unprocessable(
            `No team with id ${listed(outcome.teamIds)} exists. Nothing was linked.`,
            outcome.teamIds.map((id) => ({ field: 'decisionOwnerTeamId', message: `no team ${id}` })),
          )
      }
    },
  )
}
export default decisionLinkRoutes
