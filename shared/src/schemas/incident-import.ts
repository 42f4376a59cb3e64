import { type Static, Type } from 'typebox'
import { incidentStatuses } from '../domain/vocabulary'
import { Uuid } from './common'
import { NewIncident } from './incidents'

/**
 * One row of an incident import, after its cells were read: what filing takes (NewIncident), the
 * id the row had where it came from, who reported it and in which status it is now. Teams may be
 * given by slug as well as by id, so `reportingTeamId` and `decisionOwnerTeamId` are plain text
 * here and resolved by the import (docs/decisions/041).
 */
export const IncidentImportRow = Type.Object(
  {
    ...NewIncident.properties,
    reportingTeamId: Type.String({ minLength: 1, maxLength: 200, description: 'A team id or slug' }),
    decisionOwnerTeamId: Type.Optional(
      Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()], { description: 'A team id or slug' }),
    ),
    externalId: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'The id the row had in the system it comes from; importing it again updates the incident',
    }),
    reporterEmail: Type.Optional(
      Type.Union([Type.String({ format: 'email', maxLength: 320 }), Type.Null()], {
        description: 'A user with this email must exist; left empty, the incident keeps no reporter',
      }),
    ),
    reporterId: Type.Optional(
      Type.Union([Uuid, Type.Null()], {
        description: 'Kept when a user with this id exists here (a backup restored); otherwise the incident keeps no reporter',
      }),
    ),
    status: Type.Optional(Type.Enum(incidentStatuses)),
  },
  { additionalProperties: false },
)
export type IncidentImportRow = Static<typeof IncidentImportRow>

/**
 * Columns an incident export writes that an import reads past: the tracker sets them itself
 * (`id` stands in for `externalId` when that column is absent, so an export imports as it is).
 */
export const incidentImportDerivedColumns = [
  'id',
  'createdAt',
  'updatedAt',
  'version',
  'number',
  'key',
  'isMine',
  'weightedHarm',
  'discoveryLagDays',
] as const

/** Another name a column may go by: what the person would call it, or what an export calls it. */
export const incidentImportColumnAliases: Record<string, keyof IncidentImportRow> = {
  reportingTeam: 'reportingTeamId',
  decisionOwnerTeam: 'decisionOwnerTeamId',
}

/** Without these a row can never be an incident; `externalId` may come as the export's `id`. */
export const incidentImportRequiredColumns = [
  'externalId',
  'title',
  'reportingTeamId',
  'discoveredAt',
  'discoveryChannel',
  'expected',
  'surprise',
  'harmedGoal',
  'harm',
] as const

export const incidentImportFormats = ['csv', 'json', 'ndjson'] as const
export type IncidentImportFormat = (typeof incidentImportFormats)[number]

export const incidentImportContentTypes: Record<IncidentImportFormat, string> = {
  csv: 'text/csv',
  json: 'application/json',
  ndjson: 'application/x-ndjson',
}

/** How many bad rows an answer lists; the total says how many there were in all. */
export const INCIDENT_IMPORT_PROBLEM_CAP = 1_000

export const IncidentImportQuery = Type.Object(
  {
    dryRun: Type.Optional(Type.Boolean({ default: false, description: 'true: check and compare only, write nothing' })),
  },
  { additionalProperties: false },
)
export type IncidentImportQuery = Static<typeof IncidentImportQuery>

export const IncidentImportProblem = Type.Object({
  line: Type.Integer({ description: 'The line of the file (CSV, NDJSON), or the item of a JSON array, 1-based' }),
  externalId: Type.Union([Type.String(), Type.Null()]),
  field: Type.String(),
  message: Type.String(),
})
export type IncidentImportProblem = Static<typeof IncidentImportProblem>

export const IncidentImportResult = Type.Object({
  dryRun: Type.Boolean(),
  format: Type.Enum(incidentImportFormats),
  /** CSV and NDJSON count lines; a JSON array counts items. */
  locator: Type.Enum(['line', 'item']),
  rows: Type.Integer({ minimum: 0, description: 'Rows read from the file' }),
  counts: Type.Object({
    create: Type.Integer({ minimum: 0 }),
    update: Type.Integer({ minimum: 0 }),
    unchanged: Type.Integer({ minimum: 0 }),
    error: Type.Integer({ minimum: 0, description: 'Rows with at least one problem' }),
  }),
  problems: Type.Array(IncidentImportProblem, {
    description: `Each bad field of each bad row, the first ${INCIDENT_IMPORT_PROBLEM_CAP}`,
  }),
  problemTotal: Type.Integer({ minimum: 0, description: 'All problems, also those past the listed ones' }),
})
export type IncidentImportResult = Static<typeof IncidentImportResult>
