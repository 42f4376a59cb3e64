import type { Database } from '../src/index'
import { generateOrg } from './generate'
import { writeOrg } from './write'

export * as builders from './builders'
export * from './builders'
export { defaultToday, generateOrg } from './generate'
export type * from './types'
export { isEmpty, resetDatabase, type WriteOptions, writeOrg } from './write'

export interface SeedDemoOptions {
  /** 'YYYY-MM-DD': the year of incidents ends the day before. The app passes the real date. */
  today: string
  /** Default 3,000. */
  incidents?: number
  /** Default 42. */
  seed?: number
  onProgress?: (done: number, total: number) => void
}

/** Seeds the demo org into an empty, migrated database. Callers check `isEmpty` first. */
export async function seedDemo(database: Database, options: SeedDemoOptions): Promise<{ incidents: number; ms: number }> {
  const org = generateOrg({ incidents: options.incidents ?? 3000, seed: options.seed ?? 42, today: options.today })
  return writeOrg(database, org, { onProgress: options.onProgress })
}
