import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  ActionLinkParams,
  IdParams,
  IncidentKeyParams,
  IncidentLinkParams,
  IssueLink,
  IssueLinks,
  NewIssueLink,
} from '@misalign/shared'
import { Type } from 'typebox'
import { incidentKeyOf } from '../../lib/incident-key'
import type { LinkSubject } from './service'

const recognized =
  'The tracker (jira, linear, github) and the issue key (ABC-123, ENG-123, owner/repo#12) are read from the URL; any other URL answers 422 naming the field url.'

const incident = (id: string): LinkSubject => ({ type: 'incident', key: incidentKeyOf(id), shown: id })

/** Issue-tracker links on actions and incidents (docs/decisions/042-issue-tracker-links.md), under /api/v1. */
const issueLinkRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const links = app.services.issueLinks

  app.get(
    '/actions/:id/links',
    {
      config: { policy: 'action.read' },
      schema: {
        tags: ['actions'],
        operationId: 'listActionIssueLinks',
        summary: "An action's links to Jira, Linear and GitHub issues",
        description: 'Oldest first, each with its tracker, key and whether the tracker says the issue is closed.',
        params: IdParams,
        response: { 200: IssueLinks },
      },
    },
    async (req) => links.list(app.caller(req), { type: 'action', id: req.params.id }),
  )

  app.post(
    '/actions/:id/links',
    {
      config: { policy: 'action.write' },
      schema: {
        tags: ['actions'],
        operationId: 'addActionIssueLink',
        summary: 'Link an action to a Jira, Linear or GitHub issue',
        description: `Whoever may update the action: leads of its owning team or of a team its retro is about, leaders and admins. When the issue closes, the tracker's webhook marks the action done. ${recognized}`,
        params: IdParams,
        body: NewIssueLink,
        response: { 201: IssueLink },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await links.add(app.caller(req), { type: 'action', id: req.params.id }, req.body.url)),
  )

  app.delete(
    '/actions/:id/links/:linkId',
    {
      config: { policy: 'action.write' },
      schema: {
        tags: ['actions'],
        operationId: 'removeActionIssueLink',
        summary: "Remove an action's link to an issue",
        description: 'Whoever may update the action. The issue itself is not touched.',
        params: ActionLinkParams,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await links.remove(app.caller(req), { type: 'action', id: req.params.id }, req.params.linkId)
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/incidents/:id/links',
    {
      config: { policy: 'incident.read' },
      schema: {
        tags: ['incidents'],
        operationId: 'listIncidentIssueLinks',
        summary: "An incident's links to Jira, Linear and GitHub issues",
        description: 'Anyone who can see the incident (a restricted one is 404 to others). Oldest first.',
        params: IncidentKeyParams,
        response: { 200: IssueLinks },
      },
    },
    async (req) => links.list(app.caller(req), incident(req.params.id)),
  )

  app.post(
    '/incidents/:id/links',
    {
      config: { policy: 'incident.update' },
      schema: {
        tags: ['incidents'],
        operationId: 'addIncidentIssueLink',
        summary: 'Link an incident to a Jira, Linear or GitHub issue',
        description: `Whoever may update the incident: its reporter, leads of the reporting team, leaders and admins. A closed issue only marks the link closed; the incident stays as it is. ${recognized}`,
        params: IncidentKeyParams,
        body: NewIssueLink,
        response: { 201: IssueLink },
      },
    },
    async (req, reply) => reply.code(201).send(await links.add(app.caller(req), incident(req.params.id), req.body.url)),
  )

  app.delete(
    '/incidents/:id/links/:linkId',
    {
      config: { policy: 'incident.update' },
      schema: {
        tags: ['incidents'],
        operationId: 'removeIncidentIssueLink',
        summary: "Remove an incident's link to an issue",
        description: 'Whoever may update the incident. The issue itself is not touched.',
        params: IncidentLinkParams,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await links.remove(app.caller(req), incident(req.params.id), req.params.linkId)
      return reply.code(204).send(null)
    },
  )
}
export default issueLinkRoutes
