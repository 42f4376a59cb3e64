import { type Static, type TObject, Type } from 'typebox'
import { AuditQuery } from './admin'
import { DecisionQuery } from './decisions'
import { IncidentQuery } from './incidents'
import { RetroActionQuery } from './retros'
import { StrategyQuery } from './strategies'
import { StrategyGapQuery } from './strategy-gaps'

export const exportFormats = ['csv', 'ndjson', 'json'] as const
export type ExportFormat = (typeof exportFormats)[number]

/** What each format is sent as; the web app and the OpenAPI document read the same table. */
export const exportContentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
  json: 'application/json; charset=utf-8',
}

const Format = Type.Optional(
  Type.Enum(exportFormats, {
    default: 'json',
    description:
      'csv: one header row, arrays joined with ";", cells starting with = + - @ tab or CR prefixed with \'; ndjson: one JSON object per line; json (the default): one JSON array',
  }),
)

/**
 * An export takes exactly its list's filters (and sort), without paging: the export is every page
 * of that list, as the caller would see it (ADR 038).
 */
function exportQueryOf<T extends TObject>(list: T) {
  const { limit: _limit, cursor: _cursor, ...filters } = list.properties as T['properties'] & { limit: unknown; cursor: unknown }
  return Type.Object(
    { format: Format, ...(filters as Omit<T['properties'], 'limit' | 'cursor'>) },
    { additionalProperties: false },
  )
}

export const IncidentExportQuery = exportQueryOf(IncidentQuery)
export type IncidentExportQuery = Static<typeof IncidentExportQuery>
export const DecisionExportQuery = exportQueryOf(DecisionQuery)
export type DecisionExportQuery = Static<typeof DecisionExportQuery>
export const StrategyExportQuery = exportQueryOf(StrategyQuery)
export type StrategyExportQuery = Static<typeof StrategyExportQuery>
export const StrategyGapExportQuery = exportQueryOf(StrategyGapQuery)
export type StrategyGapExportQuery = Static<typeof StrategyGapExportQuery>
export const RetroActionExportQuery = exportQueryOf(RetroActionQuery)
export type RetroActionExportQuery = Static<typeof RetroActionExportQuery>
export const AuditExportQuery = exportQueryOf(AuditQuery)
export type AuditExportQuery = Static<typeof AuditExportQuery>
