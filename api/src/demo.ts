import type { Database } from '@misalign/db'
import { demoSignInHelp, isEmpty, seedDemo } from '@misalign/db/seed'
import { utcDay } from '@misalign/shared'
import type { FastifyBaseLogger } from 'fastify'

/** A fresh database gets the demo org, so the app is alive on first start (DEMO=off skips it). */
export async function seedDemoIfEmpty(database: Database, log: FastifyBaseLogger): Promise<boolean> {
  if (!(await isEmpty(database))) return false
  log.info('Empty database: creating the demo org (a few thousand incidents)…')
  const started = Date.now()
  await seedDemo(database, { today: utcDay(new Date()) })
  log.info(`Demo org ready in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return true
}

export { demoSignInHelp }
