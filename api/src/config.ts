import { type DatabaseConfig, ConfigError, readDatabaseConfig } from '@misalign/db'

export interface AppConfig {
  port: number
  host: string
  database: DatabaseConfig
  /** Fill a fresh database with the demo org (DEMO=off in production). */
  demo: boolean
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'
  /** Serve the built web app from this folder when it exists. */
  webDist: string | undefined
}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

/**
 * The one place that reads the environment. Every problem is collected, so a bad start
 * names all the variables to fix at once.
 */
export function loadConfig(env: NodeJS.ProcessEnv, defaults: { webDist?: string } = {}): AppConfig {
  const problems: string[] = []

  let port = 3000
  if (env.PORT !== undefined && env.PORT !== '') {
    port = Number(env.PORT)
    if (!Number.isInteger(port) || port < 0 || port > 65_535) {
      problems.push(`PORT must be a whole number from 0 to 65535, got "${env.PORT}"`)
    }
  }

  const host = env.HOST?.trim() || 'localhost'

  let demo = true
  if (env.DEMO !== undefined && env.DEMO !== '') {
    const value = env.DEMO.toLowerCase()
    if (['on', 'true', '1', 'yes'].includes(value)) demo = true
    else if (['off', 'false', '0', 'no'].includes(value)) demo = false
    else problems.push(`DEMO must be "on" or "off", got "${env.DEMO}"`)
  }

  const logLevel = (env.LOG_LEVEL || 'info') as AppConfig['logLevel']
  if (!logLevels.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${logLevels.join(', ')}, got "${env.LOG_LEVEL}"`)

  const database = readDatabaseConfig(env, problems)

  if (problems.length > 0) throw new ConfigError(problems)
  return { port, host, database, demo, logLevel, webDist: defaults.webDist }
}
