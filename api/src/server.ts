import path from 'node:path'
import { ConfigError, DataDirInUseError, openDatabase, repoRoot } from '@misalign/db'
import closeWithGrace from 'close-with-grace'
import { buildApp } from './app'
import { loadConfig } from './config'
import { demoSignInHelp, seedDemoIfEmpty } from './demo'
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
  const seeded = config.demo && (await seedDemoIfEmpty(database, app.log))

  // Hourly housekeeping; a failure is logged and retried next hour.
  const housekeeping = async () => {
    await app.repos.incidents.purgeExpiredIdempotencyKeys()
    await app.repos.sessions.purgeStale()
    await app.repos.rateLimits.purgeStale()
  }
  const purge = setInterval(
    () => void housekeeping().catch((err) => app.log.warn({ err }, 'housekeeping failed')),
    60 * 60 * 1000,
  )
  purge.unref()

  // In-flight requests finish, then the pool closes; a second signal or 10 s forces the exit.
  // A supervisor may restart the process after either (README, "Running in production").
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error')
    else app.log.info({ signal }, 'shutting down')
    clearInterval(purge)
    // Closing the server drops the sockets idle at that moment; a keep-alive socket whose request
    // was in flight would idle on until keepAliveTimeout and hold the exit, so keep sweeping.
    const sweep = setInterval(() => app.server.closeIdleConnections(), 100)
    try {
      await app.close()
    } finally {
      clearInterval(sweep)
    }
    await database.close()
  })

  await app.listen({ port: config.port, host: config.host })
  const where = config.database.kind === 'postgres' ? 'Postgres (DATABASE_URL)' : `embedded PGlite in ${config.database.dataDir}`
  app.log.info({ database: where }, 'listening')
  // A plain banner for the person who just typed `pnpm start`; the logs above stay JSON.
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`
  console.log(`\nMisalignment Tracker is running on ${url}  (API docs: ${url}/api/docs)\nDatabase: ${where}`)
  if (seeded) console.log(`${demoSignInHelp()}\n`)
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirInUseError) {
    console.error(error.message)
  } else {
    console.error('The app could not start:', error)
  }
  process.exit(1)
})
