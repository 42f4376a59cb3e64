import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  AuditEntry,
  AuditExportQuery,
  Decision,
  DecisionExportQuery,
  exportContentTypes,
  Incident,
  IncidentExportQuery,
  RetroAction,
  RetroActionExportQuery,
  Strategy,
  StrategyExportQuery,
  StrategyGap,
  StrategyGapExportQuery,
} from '@misalign/shared'
import type { FastifyReply } from 'fastify'
import { type TObject, Type } from 'typebox'
import type { ExportDownload } from './service'

const mediaType = (contentType: string) => contentType.split(';')[0] as string

/** The streamed body in each format; the item schema is the list's own. */
const downloadResponse = (item: TObject) => ({
  200: {
    description: 'Every item the same list request would page through, streamed as one file (Content-Disposition: attachment)',
    content: {
      [mediaType(exportContentTypes.csv)]: {
        schema: Type.String({ description: 'A header row of field names, then one row per item' }),
      },
      [mediaType(exportContentTypes.ndjson)]: { schema: Type.String({ description: 'One JSON object per line' }) },
      [mediaType(exportContentTypes.json)]: { schema: Type.Array(item) },
    },
  },
})

const sameAsList = (list: string) =>
  `Takes the filters (and sort) of ${list}, without limit and cursor, and streams every matching item as this caller would see them there. format=csv|ndjson|json.`

function send(reply: FastifyReply, download: ExportDownload) {
  return reply
    .header('content-type', download.contentType)
    .header('content-disposition', `attachment; filename="${download.filename}"`)
    .header('cache-control', 'no-store')
    .send(download.body)
}

/** Streamed exports of the registers (ADR 038), under /api/v1 beside each list. */
const exportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const exports = app.services.exports

  app.get(
    '/incidents/export',
    {
      config: { policy: 'incident.read' },
      schema: {
        tags: ['incidents'],
        operationId: 'exportIncidents',
        summary: 'Export incidents as CSV, NDJSON or JSON',
        description: `${sameAsList('GET /api/v1/incidents')} Restricted incidents you may not see are left out; anonymous reports never name their reporter.`,
        querystring: IncidentExportQuery,
        response: downloadResponse(Incident),
      },
    },
    async (req, reply) => send(reply, await exports.incidents(app.caller(req), req.query)),
  )

  app.get(
    '/decisions/export',
    {
      config: { policy: 'decision.read' },
      schema: {
        tags: ['decisions'],
        operationId: 'exportDecisions',
        summary: 'Export decisions as CSV, NDJSON or JSON',
        description: sameAsList('GET /api/v1/decisions'),
        querystring: DecisionExportQuery,
        response: downloadResponse(Decision),
      },
    },
    async (req, reply) => send(reply, await exports.decisions(app.caller(req), req.query)),
  )

  app.get(
    '/strategies/export',
    {
      config: { policy: 'strategy.read' },
      schema: {
        tags: ['strategies'],
        operationId: 'exportStrategies',
        summary: 'Export strategies as CSV, NDJSON or JSON',
        description: sameAsList('GET /api/v1/strategies'),
        querystring: StrategyExportQuery,
        response: downloadResponse(Strategy),
      },
    },
    async (req, reply) => send(reply, await exports.strategies(app.caller(req), req.query)),
  )

  app.get(
    '/strategy-gaps/export',
    {
      config: { policy: 'gap.read' },
      schema: {
        tags: ['strategy gaps'],
        operationId: 'exportStrategyGaps',
        summary: 'Export strategy gaps as CSV, NDJSON or JSON',
        description: sameAsList('GET /api/v1/strategy-gaps'),
        querystring: StrategyGapExportQuery,
        response: downloadResponse(StrategyGap),
      },
    },
    async (req, reply) => send(reply, await exports.strategyGaps(app.caller(req), req.query)),
  )

  app.get(
    '/actions/export',
    {
      config: { policy: 'action.read' },
      schema: {
        tags: ['actions'],
        operationId: 'exportActions',
        summary: 'Export actions as CSV, NDJSON or JSON',
        description: sameAsList('GET /api/v1/actions'),
        querystring: RetroActionExportQuery,
        response: downloadResponse(RetroAction),
      },
    },
    async (req, reply) => send(reply, await exports.actions(app.caller(req), req.query)),
  )

  app.get(
    '/audit/export',
    {
      config: { policy: 'audit.read' },
      schema: {
        tags: ['admin'],
        operationId: 'exportAuditLog',
        summary: 'Export the audit log as CSV, NDJSON or JSON (admins)',
        description: sameAsList('GET /api/v1/audit'),
        querystring: AuditExportQuery,
        response: downloadResponse(AuditEntry),
      },
    },
    async (req, reply) => send(reply, await exports.audit(app.caller(req), req.query)),
  )
}
export default exportRoutes
