import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  type IncidentImportFormat,
  IncidentImportQuery,
  IncidentImportResult,
  incidentImportContentTypes,
  incidentImportFormats,
} from '@misalign/shared'
import { Type } from 'typebox'
import { HttpProblem } from '../../lib/problem'

/** 100k incidents of CSV are about 60 MB; a body past this answers 413 before it is read whole. */
export const INCIDENT_IMPORT_BODY_LIMIT = 100 * 1024 * 1024

const formatOf = (contentType: string | undefined): IncidentImportFormat | undefined => {
  const essence = contentType?.split(';')[0]?.trim().toLowerCase()
  return incidentImportFormats.find((format) => incidentImportContentTypes[format] === essence)
}

const fileBody = {
  content: Object.fromEntries(
    incidentImportFormats.map((format) => [
      incidentImportContentTypes[format],
      {
        schema: Type.Unknown({
          description:
            format === 'csv'
              ? 'A header row naming the columns, then one incident per row'
              : format === 'json'
                ? 'An array of incidents'
                : 'One incident object per line',
        }),
      },
    ]),
  ),
}

const incidentImportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // The file as bytes, for this route only: the import checks UTF-8 itself, to name the bad line.
  app.removeAllContentTypeParsers()
  app.addContentTypeParser(
    Object.values(incidentImportContentTypes),
    { parseAs: 'buffer', bodyLimit: INCIDENT_IMPORT_BODY_LIMIT },
    (_req, body, done) => done(null, body),
  )

  app.post(
    '/',
    {
      bodyLimit: INCIDENT_IMPORT_BODY_LIMIT,
      config: { policy: 'incident.import' },
      schema: {
        tags: ['incidents'],
        operationId: 'importIncidents',
        summary: 'Import incidents from CSV, JSON or NDJSON',
        description:
          'The file is the request body: text/csv (a header row naming the columns), application/json (an array) or application/x-ndjson, UTF-8, up to 100 MB. Columns: those of NewIncident plus externalId (the id in the system it comes from; an export\'s "id" serves), status, and reporterEmail (a user who must exist; empty means no reporter); teams by id or slug. An incident export imports as it is. dryRun=true answers counts and every bad row with its line and field, writing nothing. A real run writes every row in one transaction, or nothing: any bad row answers 422 listing line#field. Rows whose externalId was imported before are updated when they differ, else left unchanged, so importing a file twice changes nothing. Admins only.',
        querystring: IncidentImportQuery,
        consumes: Object.values(incidentImportContentTypes),
        // Described for OpenAPI; the parser above hands the handler a Buffer, which any schema here would refuse.
        body: fileBody,
        response: { 200: IncidentImportResult },
      },
    },
    async (req) => {
      const format = formatOf(req.headers['content-type'])
      if (!format || !Buffer.isBuffer(req.body)) {
        throw new HttpProblem(
          415,
          'unsupported-media-type',
          'Send the file as text/csv, application/json or application/x-ndjson.',
        )
      }
      return app.services.incidentImport.importIncidents(app.caller(req), {
        bytes: req.body,
        format,
        dryRun: req.query.dryRun === true,
      })
    },
  )
}
export default incidentImportRoutes
