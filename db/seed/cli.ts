import { parseArgs } from 'node:util'
import cliProgress from 'cli-progress'
import { type Database, openDatabase, requireDatabaseConfig } from '../src/index'
import { generateOrg } from './generate'
import { demoSignInHelp, setDemoPasswords } from './index'
import { isEmpty, resetDatabase, writeOrg } from './write'

/**
 * pnpm seed [--size <n>] [--seed <s>] [--today YYYY-MM-DD] [--reset]
 * Seeds the database the app would use: DATABASE_URL (Postgres) or the PGlite folder DATA_DIR.
 */

const usage = `Usage: pnpm seed [--size <incidents>] [--seed <number>] [--today YYYY-MM-DD] [--reset]

  --size    incidents to generate (default 3000)
  --seed    generator seed; the same seed gives the same org (default 42)
  --today   the day the year of incidents ends (default: today)
  --reset   erase all data first; without it a non-empty database is left alone

Writes to DATABASE_URL when set, otherwise to the embedded database in DATA_DIR.`

class UsageError extends Error {}

function parse(argv: string[]) {
  // `pnpm seed -- --size 10` forwards the separator too.
  const args = argv[0] === '--' ? argv.slice(1) : argv
  const { values } = parseArgs({
    args,
    options: {
      size: { type: 'string', default: '3000' },
      seed: { type: 'string', default: '42' },
      today: { type: 'string' },
      reset: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  })
  const integer = (name: string, raw: string, min: number) => {
    const value = Number(raw)
    if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min)
      throw new UsageError(`--${name} must be an integer ≥ ${min}, got "${raw}"`)
    return value
  }
  const today = values.today ?? new Date().toISOString().slice(0, 10)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new UsageError(`--today must be a date as YYYY-MM-DD, got "${today}"`)
  return {
    size: integer('size', values.size, 0),
    seed: integer('seed', values.seed, -(2 ** 53) + 1),
    today,
    reset: values.reset,
    help: values.help,
  }
}

function progressReporter(total: number) {
  if (process.stdout.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: 'incidents [{bar}] {percentage}% | {value}/{total} | {rate} rows/s | eta {eta_formatted}', hideCursor: true },
      cliProgress.Presets.shades_classic,
    )
    const started = performance.now()
    bar.start(total, 0, { rate: 0 })
    return {
      update: (done: number) =>
        bar.update(done, { rate: Math.round(done / Math.max(0.001, (performance.now() - started) / 1000)) }),
      stop: () => bar.stop(),
    }
  }
  // Not a terminal (CI, a log file): a plain line every few seconds instead of redraws.
  let last = 0
  return {
    update: (done: number) => {
      const now = performance.now()
      if (done < total && now - last < 5000) return
      last = now
      console.log(`incidents: ${done}/${total} (${total === 0 ? 100 : Math.floor((done / total) * 100)}%)`)
    },
    stop: () => {},
  }
}

async function main(): Promise<number> {
  let options: ReturnType<typeof parse>
  try {
    options = parse(process.argv.slice(2))
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`)
    return 2
  }
  if (options.help) {
    console.log(usage)
    return 0
  }

  const config = requireDatabaseConfig(process.env)
  const where =
    config.kind === 'postgres'
      ? `Postgres (${new URL(config.url).host}${new URL(config.url).pathname})`
      : `PGlite in ${config.dataDir}`
  const database: Database = await openDatabase(config, {
    onPoolError: (error) => console.error(`database connection error: ${error.message}`),
  })
  try {
    await database.migrate()
    if (!(await isEmpty(database))) {
      if (!options.reset) {
        console.error(
          `The database (${where}) already has data. Nothing was written.\nRun again with --reset to erase everything in it and seed from scratch.`,
        )
        return 1
      }
      console.log(`Erasing all data in ${where} (--reset)…`)
      await resetDatabase(database)
    }

    console.log(`Seeding ${where}: ${options.size} incidents, seed ${options.seed}, year ending ${options.today}`)
    const org = generateOrg({ incidents: options.size, seed: options.seed, today: options.today })
    const progress = progressReporter(org.incidentCount)
    let result: { incidents: number; ms: number }
    try {
      result = await writeOrg(database, org, { onProgress: progress.update })
      await setDemoPasswords(database)
    } finally {
      progress.stop()
    }
    const seconds = result.ms / 1000
    const counts = [
      ['teams', org.teams.length],
      ['users', org.users.length],
      ['priorities', org.priorities.length],
      ['decisions', org.decisions.length],
      ['strategies', org.strategies.length],
      ['strategy gaps', org.gaps.length],
      ['signals', org.signals.length],
      ['clusters', org.clusters.length],
      ['retros', org.retros.length],
      ['actions', org.actions.length],
      ['incidents', result.incidents],
    ]
    console.log(`Done in ${seconds.toFixed(1)} s: ${counts.map(([name, n]) => `${n} ${name}`).join(', ')}.`)
    console.log(`Incidents: ${Math.round(result.incidents / Math.max(seconds, 0.001)).toLocaleString('en-US')} rows/s.`)
    console.log(demoSignInHelp())
    return 0
  } finally {
    await database.close()
  }
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 1
  },
)
