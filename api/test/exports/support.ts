import type { ActorName, TestContext } from '../helper'

export type Row = Record<string, unknown> & { id: string }

/** Every item of a list, following nextCursor to the end, as `as` sees it. */
export async function pageThrough(ctx: TestContext, path: string, as: ActorName = 'admin'): Promise<Row[]> {
  const rows: Row[] = []
  let cursor: string | null = null
  do {
    const sep = path.includes('?') ? '&' : '?'
    const url: string = `${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`
    const res = await ctx.as(as).inject({ url })
    if (res.statusCode !== 200) throw new Error(`GET ${url} → ${res.statusCode} ${res.body}`)
    const page = res.json() as { items: Row[]; nextCursor: string | null }
    rows.push(...page.items)
    cursor = page.nextCursor
  } while (cursor)
  return rows
}

/** An export's NDJSON body, one parsed object per line (every line must parse). */
export function ndjsonRows(body: string): Row[] {
  const lines = body.split('\n')
  if (lines.at(-1) !== '') throw new Error('NDJSON must end with a newline')
  return lines.slice(0, -1).map((line) => JSON.parse(line) as Row)
}

/** `/api/v1/incidents?x=1` → `/api/v1/incidents/export?format=ndjson&x=1` */
export function exportUrl(listPath: string, format: 'csv' | 'ndjson' | 'json'): string {
  const [path, query] = listPath.split('?')
  return `${path}/export?format=${format}${query ? `&${query}` : ''}`
}
