import path from 'node:path'
import { fileURLToPath } from 'node:url'

export type DatabaseConfig =
  | { kind: 'postgres'; url: string; poolSize: number; statementTimeoutMs: number }
  | { kind: 'pglite'; dataDir: string }

/** The repository root, so the default data folder does not depend on which package runs. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const defaultDataDir = path.join(repoRoot, '.data', 'pglite')

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number, problems: string[]): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value <= 0) {
    problems.push(`${name} must be a positive integer, got "${raw}"`)
    return fallback
  }
  return value
}

/** Reads the database part of the configuration; problems are appended, not thrown. */
export function readDatabaseConfig(env: NodeJS.ProcessEnv, problems: string[] = []): DatabaseConfig {
  const url = env.DATABASE_URL
  const poolSize = positiveInt(env, 'DATABASE_POOL_SIZE', 10, problems)
  const statementTimeoutMs = positiveInt(env, 'DATABASE_STATEMENT_TIMEOUT_MS', 15_000, problems)
  if (url !== undefined && url !== '') {
    let parsed: URL | undefined
    try {
      parsed = new URL(url)
    } catch {
      problems.push('DATABASE_URL is not a URL; expected postgres://user:password@host:5432/database')
    }
    if (parsed && !['postgres:', 'postgresql:'].includes(parsed.protocol)) {
      problems.push(`DATABASE_URL must start with postgres:// or postgresql://, got "${parsed.protocol}//"`)
    }
    return { kind: 'postgres', url, poolSize, statementTimeoutMs }
  }
  const dataDir = env.DATA_DIR ? path.resolve(env.DATA_DIR) : defaultDataDir
  return { kind: 'pglite', dataDir }
}

export function requireDatabaseConfig(env: NodeJS.ProcessEnv): DatabaseConfig {
  const problems: string[] = []
  const config = readDatabaseConfig(env, problems)
  if (problems.length > 0) throw new ConfigError(problems)
  return config
}
