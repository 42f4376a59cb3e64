import type { TestContext } from '../helper'
import { runSql } from '../sql'

export const importColumns = [
  'externalId',
  'title',
  'narrative',
  'reportingTeam',
  'reporterEmail',
  'discoveredAt',
  'discoveryChannel',
  'expected',
  'surprise',
  'harmedGoal',
  'harm',
  'harmKinds',
  'status',
] as const

export type ImportRowValues = Partial<Record<(typeof importColumns)[number] | string, string | number>>

/** One row that files cleanly from the home team; `n` keeps titles and external ids apart. */
export const importRow = (n: number, overrides: ImportRowValues = {}): ImportRowValues => ({
  externalId: `JIRA-${n}`,
  title: `Imported report ${n}`,
  narrative: 'The search team changed the ranking, and our "featured" shelf, emptied overnight.',
  reportingTeam: 'home',
  reporterEmail: '',
  discoveredAt: '2026-02-10',
  discoveryChannel: 'production',
  expected: 'A heads-up before ranking changes',
  surprise: 4,
  harmedGoal: 'Keep conversion steady',
  harm: 3,
  harmKinds: 'rework;customer',
  status: 'open',
  ...overrides,
})

const cell = (value: unknown) => {
  const text = value === undefined || value === null ? '' : String(value)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export function toCsv(rows: ImportRowValues[], columns: readonly string[] = importColumns): string {
  return [columns.join(','), ...rows.map((row) => columns.map((column) => cell(row[column])).join(','))].join('\r\n')
}

export async function importFile(
  ctx: TestContext,
  body: string | Buffer,
  { dryRun = false, contentType = 'text/csv', as = 'admin' as const } = {},
) {
  return ctx.as(as).inject({
    method: 'POST',
    url: `/api/v1/incidents/import?dryRun=${dryRun}`,
    headers: { 'content-type': contentType },
    payload: body,
  })
}

export async function incidentCount(ctx: TestContext): Promise<number> {
  const [row] = (await runSql(ctx.database, 'select count(*)::int as n from incidents')) as { n: number }[]
  return row?.n ?? 0
}

export async function versionsByExternalId(ctx: TestContext): Promise<Record<string, number>> {
  const rows = (await runSql(
    ctx.database,
    'select external_id, version from incidents where external_id is not null order by external_id',
  )) as { external_id: string; version: number }[]
  return Object.fromEntries(rows.map((row) => [row.external_id, row.version]))
}

export async function eventCount(ctx: TestContext, type: string): Promise<number> {
  const [row] = (await runSql(ctx.database, `select count(*)::int as n from outbox_events where type = '${type}'`)) as {
    n: number
  }[]
  return row?.n ?? 0
}
