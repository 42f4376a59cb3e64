import os from 'node:os'
import { parseArgs } from 'node:util'
import { openDatabase } from '@misalign/db'
import { type BenchDatabase, createBenchDatabase, pgPoolOf, postgresConfig, serverFacts } from './lib/bench-database'
import type { BenchContext } from './lib/section'
import { sections } from './sections/index'

const usage = `pnpm bench [--only <section>[,<section>…]] [--json]

Runs each section against a database of its own (misalign_bench_<random>) on the Postgres
server at BENCH_DATABASE_URL, which is created, migrated and dropped again.

  --only <names>   run only these sections: ${sections.map((s) => s.name).join(', ')}
  --json           also print the results as one JSON object at the end

Environment:
  BENCH_DATABASE_URL   server to use (default postgres://postgres@127.0.0.1:5432/postgres)
  BENCH_DURATION_S     measured seconds per measurement (default 10)
  BENCH_WARMUP_S       uncounted warm-up seconds per measurement (default min(2, duration / 5))
  BENCH_CONCURRENCY    concurrent workers, and the pg pool size (default 16)`

function positiveNumber(name: string, fallback: number, integer: boolean): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value < 0 || (integer && (!Number.isInteger(value) || value === 0))) {
    throw new Error(`${name} must be a ${integer ? 'positive whole number' : 'non-negative number'}, got "${raw}"`)
  }
  return value
}

function redact(url: string): string {
  const parsed = new URL(url)
  if (parsed.password) parsed.password = '***'
  return parsed.toString()
}

async function main(): Promise<number> {
  // `pnpm bench -- --only x` passes the `--` through; `pnpm bench --only x` does not.
  const args = process.argv.slice(2)
  if (args[0] === '--') args.shift()
  let values: { only?: string[]; json?: boolean; help?: boolean }
  try {
    ;({ values } = parseArgs({
      args,
      options: { only: { type: 'string', multiple: true }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    }))
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`)
    return 2
  }
  if (values.help) {
    console.log(usage)
    return 0
  }
  const wanted = (values.only ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean)
  const unknown = wanted.filter((name) => !sections.some((s) => s.name === name))
  if (unknown.length > 0) {
    console.error(`Unknown section(s): ${unknown.join(', ')}. Sections: ${sections.map((s) => s.name).join(', ')}`)
    return 2
  }
  const selected = wanted.length > 0 ? sections.filter((s) => wanted.includes(s.name)) : sections

  const serverUrl = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres'
  const durationS = positiveNumber('BENCH_DURATION_S', 10, false)
  const warmupS = positiveNumber('BENCH_WARMUP_S', Math.min(2, durationS / 5), false)
  const concurrency = positiveNumber('BENCH_CONCURRENCY', 16, true)

  // Ctrl-C stops the load; the finally below still drops the database. A second one hurries it.
  const controller = new AbortController()
  let bench: BenchDatabase | undefined
  const onSignal = (signal: NodeJS.Signals) => {
    if (!controller.signal.aborted) {
      console.error(`\n${signal}: stopping the load, then dropping the bench database…`)
      controller.abort()
      return
    }
    console.error(`\n${signal} again: dropping the bench database and exiting now.`)
    void (bench?.drop() ?? Promise.resolve()).finally(() => process.exit(130))
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)

  bench = await createBenchDatabase(serverUrl)
  const results: Record<string, unknown> = {}
  let machine: Record<string, unknown> = {}
  let pgSettings: Record<string, string> = {}
  try {
    const database = await openDatabase(postgresConfig(bench.url, 1))
    try {
      await database.migrate()
      const server = await serverFacts(pgPoolOf(database))
      pgSettings = server.settings
      const cpus = os.cpus()
      machine = {
        cpus: cpus.length,
        cpuModel: cpus[0]?.model.trim() ?? 'unknown',
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        platform: `${os.platform()} ${os.release()} ${os.arch()}`,
        node: process.version,
        postgres: server.version,
        postgresSettings: server.settings,
      }
    } finally {
      await database.close()
    }

    console.log('Misalignment Tracker benchmark')
    console.log(`  machine    ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB, ${machine.platform}`)
    console.log(`  node       ${machine.node}`)
    console.log(`  postgres   ${machine.postgres}`)
    const settings = Object.entries(pgSettings).map(([name, value]) => `${name}=${value}`)
    console.log(`  pg config  ${settings.join(', ')}`)
    console.log(`  database   ${redact(serverUrl)} → ${bench.name} (dropped at the end)`)
    console.log(`  load       ${concurrency} concurrent workers, ${warmupS} s warm-up + ${durationS} s measured per measurement`)
    console.log('  load generator, API and Postgres share this machine: figures are relative, not capacity')

    const ctx: BenchContext = {
      databaseUrl: bench.url,
      concurrency,
      durationMs: durationS * 1000,
      warmupMs: warmupS * 1000,
      signal: controller.signal,
    }
    for (const section of selected) {
      if (controller.signal.aborted) break
      console.log(`\n== ${section.title}\n`)
      const result = await section.run(ctx)
      results[section.name] = result
      console.log(section.report(result, ctx))
    }
  } finally {
    try {
      await bench.drop()
    } catch (error) {
      console.error(
        `Could not drop ${bench.name}: ${(error as Error).message}. Drop it by hand: drop database ${bench.name} with (force)`,
      )
    }
  }

  if (values.json) {
    console.log(`\n${JSON.stringify({ machine, settings: { concurrency, durationS, warmupS }, sections: results }, null, 2)}`)
  }
  return controller.signal.aborted ? 130 : 0
}

main().then(
  (code) => {
    process.exitCode = code
    // Everything is closed by now; this only guards against a stray handle keeping us alive.
    setTimeout(() => process.exit(code), 2_000).unref()
  },
  (error: unknown) => {
    console.error('The benchmark failed:', error)
    process.exitCode = 1
    setTimeout(() => process.exit(1), 2_000).unref()
  },
)
