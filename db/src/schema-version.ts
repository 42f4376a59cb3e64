import fs from 'node:fs'
import { fileURLToPath } from 'node:url'

export interface SchemaVersion {
  /** How many migrations make this schema (the last one's index + 1). */
  version: number
  /** The last migration's tag, e.g. "0016_data_exchange". */
  tag: string
}

/**
 * The schema this code migrates a database to, from drizzle-kit's journal: a backup names it so
 * an import can tell whether its files were written by the same schema.
 */
export function schemaVersion(): SchemaVersion {
  const journal = fileURLToPath(new URL('../migrations/meta/_journal.json', import.meta.url))
  const { entries } = JSON.parse(fs.readFileSync(journal, 'utf8')) as { entries: { idx: number; tag: string }[] }
  const last = entries.at(-1)
  if (!last) throw new Error('the migration journal lists no migration')
  return { version: last.idx + 1, tag: last.tag }
}
