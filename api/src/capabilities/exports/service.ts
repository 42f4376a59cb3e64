import { Readable } from 'node:stream'
import {
  AuditEntry,
  type AuditExportQuery,
  Decision,
  type DecisionExportQuery,
  type ExportFormat,
  Incident,
  type IncidentExportQuery,
  RetroAction,
  type RetroActionExportQuery,
  Strategy,
  type StrategyExportQuery,
  StrategyGap,
  type StrategyGapExportQuery,
  Team,
  utcDay,
} from '@misalign/shared'
import type { TObject } from 'typebox'
import { authorize, type Caller } from '../../services/caller'
import type { ServiceDeps } from '../../services/deps'
import { actionService } from '../actions/service'
import { auditService } from '../audit/service'
import { decisionService } from '../decisions/service'
import { strategyService } from '../strategies/service'
import { strategyGapService } from '../strategy-gaps/service'
import { teamService } from '../teams/service'
import { writerFor } from './formats'

/**
 * Rows per read. Each batch is one keyset query of the list (ADR 038); 500 keeps a batch of
 * incidents well under a megabyte while making the per-query cost small next to the rows.
 */
export const EXPORT_BATCH_SIZE = 500
/** Bytes the download stream buffers before it stops reading the database (back-pressure). */
const STREAM_BUFFER_BYTES = 64 * 1024

type Item = Record<string, unknown>
interface Paging {
  limit: number
  cursor?: string
}
type ListPage = (paging: Paging) => Promise<{ items: object[]; nextCursor: string | null }>

export interface ExportDownload {
  filename: string
  contentType: string
  body: Readable
}

/** The resources an org backup holds, each with its file name. */
export const backupResources = ['teams', 'decisions', 'strategies', 'strategy-gaps', 'incidents', 'actions'] as const
export type BackupResource = (typeof backupResources)[number]

/** Every page of a list, in the list's order, one batch at a time: the cursor is the list's own. */
async function* pagesOf(list: ListPage): AsyncGenerator<object[]> {
  let cursor: string | undefined
  do {
    const page = await list({ limit: EXPORT_BATCH_SIZE, ...(cursor ? { cursor } : {}) })
    yield page.items
    cursor = page.nextCursor ?? undefined
  } while (cursor)
}

/** Only the fields the list's response schema declares, as the list's serializer would send them. */
function fieldsOf(schema: TObject): (item: object) => Item {
  const columns = Object.keys(schema.properties)
  return (item) => {
    const source = item as Item
    const picked: Item = {}
    for (const column of columns) if (column in source) picked[column] = source[column]
    return picked
  }
}

/** The backup's batches, counting items as they pass. */
export interface CountedBatches {
  batches: AsyncGenerator<Item[]>
  count(): number
}

export function exportService(deps: ServiceDeps) {
  const lists = {
    decisions: decisionService(deps),
    strategies: strategyService(deps),
    strategyGaps: strategyGapService(deps),
    actions: actionService(deps),
    audit: auditService(deps),
    teams: teamService(deps),
  }

  /** Incidents read without the list's total per batch; visibility and masking are the list's own. */
  const incidentPages = (caller: Caller, filters: Omit<IncidentExportQuery, 'format'>): ListPage => {
    authorize(caller, 'incident.read')
    return (paging) => deps.repos.incidents.listPage({ ...filters, ...paging }, caller.viewer)
  }

  async function download(name: string, schema: TObject, format: ExportFormat, list: ListPage): Promise<ExportDownload> {
    const writer = writerFor(format, Object.keys(schema.properties))
    const pick = fieldsOf(schema)
    const batches = pagesOf(list)
    // The first batch is read before answering: a refusal or a bad cursor is still a
    // problem+json, and only a failure halfway through can cut a 200 short.
    const first = await batches.next()
    async function* text(): AsyncGenerator<string> {
      yield writer.start()
      let written = 0
      for (let next = first; !next.done; next = await batches.next()) {
        yield writer.batch(next.value.map(pick), written === 0)
        written += next.value.length
      }
      yield writer.end()
    }
    return {
      filename: `${name}-${utcDay(deps.now())}.${writer.extension}`,
      contentType: writer.contentType,
      // Readable.from pulls the next batch only when the response has room for it.
      body: Readable.from(text(), { objectMode: false, highWaterMark: STREAM_BUFFER_BYTES }),
    }
  }

  return {
    incidents(caller: Caller, { format = 'json', ...filters }: IncidentExportQuery): Promise<ExportDownload> {
      return download('incidents', Incident, format, incidentPages(caller, filters))
    },
    decisions(caller: Caller, { format = 'json', ...filters }: DecisionExportQuery): Promise<ExportDownload> {
      return download('decisions', Decision, format, (paging) => lists.decisions.list(caller, { ...filters, ...paging }))
    },
    strategies(caller: Caller, { format = 'json', ...filters }: StrategyExportQuery): Promise<ExportDownload> {
      return download('strategies', Strategy, format, (paging) => lists.strategies.list(caller, { ...filters, ...paging }))
    },
    strategyGaps(caller: Caller, { format = 'json', ...filters }: StrategyGapExportQuery): Promise<ExportDownload> {
      return download('strategy-gaps', StrategyGap, format, (paging) =>
        lists.strategyGaps.list(caller, { ...filters, ...paging }),
      )
    },
    actions(caller: Caller, { format = 'json', ...filters }: RetroActionExportQuery): Promise<ExportDownload> {
      return download('actions', RetroAction, format, (paging) => lists.actions.list(caller, { ...filters, ...paging }))
    },
    audit(caller: Caller, { format = 'json', ...filters }: AuditExportQuery): Promise<ExportDownload> {
      authorize(caller, 'audit.read')
      return download('audit', AuditEntry, format, (paging) => lists.audit.list(caller, { ...filters, ...paging }))
    },

    /** Every item of a resource as the caller's unfiltered list shows it, batch by batch: the org backup. */
    everything(caller: Caller, resource: BackupResource): CountedBatches {
      const sources: Record<BackupResource, [TObject, () => ListPage]> = {
        teams: [Team, () => (paging) => lists.teams.list(caller, { includeArchived: true, ...paging })],
        decisions: [Decision, () => (paging) => lists.decisions.list(caller, paging)],
        strategies: [Strategy, () => (paging) => lists.strategies.list(caller, paging)],
        'strategy-gaps': [StrategyGap, () => (paging) => lists.strategyGaps.list(caller, paging)],
        incidents: [Incident, () => incidentPages(caller, {})],
        actions: [RetroAction, () => (paging) => lists.actions.list(caller, paging)],
      }
      const [schema, listOf] = sources[resource]
      const pick = fieldsOf(schema)
      let count = 0
      async function* batches(): AsyncGenerator<Item[]> {
        for await (const items of pagesOf(listOf())) {
          count += items.length
          yield items.map(pick)
        }
      }
      return { batches: batches(), count: () => count }
    },
  }
}

export type ExportService = ReturnType<typeof exportService>
