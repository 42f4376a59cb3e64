import { inArray } from 'drizzle-orm'
import { type Database, hashPassword, recomputeClusters, systemActor, users } from '../src/index'
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
  const written = await writeOrg(database, org, { onProgress: options.onProgress })
  // The demo shows the engine's suggestions; the planted clusters people already worked on stay as they are.
  await recomputeClusters(database.db, systemActor)
  await setDemoPasswords(database)
  return written
}

/** The demo users of every role; they exist only in the demo org, never with DEMO=off. */
export const demoUserEmails = ['admin@demo.test', 'leader@demo.test', 'lead@demo.test', 'member@demo.test'] as const
export const DEMO_PASSWORD = 'demo-password'

/** Gives the demo users the demo password, so a first visitor can sign in as any role. */
export async function setDemoPasswords(database: Database): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  await database.db
    .update(users)
    .set({ passwordHash })
    .where(inArray(users.email, [...demoUserEmails]))
}

export function demoSignInHelp(): string {
  return `Demo sign-ins (password "${DEMO_PASSWORD}"): ${demoUserEmails.join(', ')}`
}
