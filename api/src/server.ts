import path from 'node:path'
import { ConfigError, DataDirInUseError, openDatabase, repoRoot } from '@misalign/db'
import closeWithGrace from 'close-with-grace'
import { buildApp } from './app'
import { loadConfig } from './config'
import { seedDemoIfEmpty } from './demo'
import { localSecret } from './lib/local-secret'

/** The only entry point that listens: config, database, migrations, demo data, then the app. */
async function main() {
  const config = loadConfig(process.env, {
    webDist: path.join(repoRoot, 'web', 'dist'),
    reporterKeySecret: () => localSecret(path.join(repoRoot, '.data'), 'reporter-key'),
  })
  const database = await openDatabase(config.database, {
    onPoolError: (error) => console.error(`database connection error: ${error.message}`),
  })
  await database.migrate()
  const app = await buildApp({ config, database })
  if (config.demo) await seedDemoIfEmpty(database, app.log)

  const purge = setInterval(() => void app.repos.incidents.purgeExpiredIdempotencyKeys().catch(() => {}), 60 * 60 * 1000)
  purge.unref()

  // In-flight requests finish, then the pool closes; a second signal or 10 s forces the exit.
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error')
    else app.log.info({ signal }, 'shutting down')
    clearInterval(purge)
    await app.close()
    await database.close()
  })

  await app.listen({ port: config.port, host: config.host })
  const where = config.database.kind === 'postgres' ? 'Postgres (DATABASE_URL)' : `embedded PGlite in ${config.database.dataDir}`
  app.log.info(`Misalignment Tracker on http://${config.host}:${config.port} — API docs at /api/docs — database: ${where}`)
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirInUseError) {
    console.error(error.message)
  } else {
    console.error('The app could not start:', error)
  }
  process.exit(1)
})
