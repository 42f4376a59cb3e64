import type { Database } from '@misalign/db'
import { isEmpty, seedDemo } from '@misalign/db/seed'
import { utcDay } from '@misalign/shared'
import type { FastifyBaseLogger } from 'fastify'

/** A fresh database gets the demo org, so the app is alive on first start (DEMO=off skips it). */
export async function seedDemoIfEmpty(database: Database, log: FastifyBaseLogger): Promise<void> {
  if (!(await isEmpty(database))) return
  log.info('Empty database: creating the demo org (a few thousand incidents)…')
  const started = Date.now()
  await seedDemo(database, { today: utcDay(new Date()) })
  log.info(`Demo org ready in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}
