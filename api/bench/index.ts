import os from 'node:os'
import { parseArgs } from 'node:util'
import { type BenchDatabase, createMigratedBenchDatabase, serverFacts } from './lib/bench-database'
import type { BenchContext, Section } from './lib/section'
import { type LoadSettings, loadDefaults, loadSettings, type Mode, resolveSizes, smokeRequested } from './lib/settings'
import { sections } from './sections/index'

function sizeLines(): string {
  const seen = new Set<string>()
  const lines: string[] = []
  for (const section of sections) {
    for (const setting of Object.values(section.sizes)) {
      if (seen.has(setting.env)) continue
      seen.add(setting.env)
      const defaults = `(default ${setting.full.toLocaleString('en-US')}; smoke ${setting.smoke.toLocaleString('en-US')})`
      lines.push(`  ${setting.env.padEnd(36)} ${section.name}: ${setting.about} ${defaults}`)
    }
  }
  return lines.join('\n')
}

const usage = `pnpm bench [--only <section>[,<section>…]] [--smoke] [--json]

Runs each section against a database of its own (misalign_bench_<random>) on the Postgres
server at BENCH_DATABASE_URL: created and migrated before the section, dropped after it.

  --only <names>   run only these sections: ${sections.map((s) => s.name).join(', ')}
  --smoke          tiny sizes and 0.2 s loads, so every section runs in under a minute in all
                   (what CI runs). Checks that nothing breaks; its timings mean nothing.
                   Same as BENCH_SMOKE=1. Variables set below still win.
  --json           also print the results as one JSON object at the end

Exits 1 when a section throws or reports failed requests or rows that do not add up;
a missed timing target is printed (FAIL), never an exit code.

Environment:
  BENCH_DATABASE_URL   server to use (default postgres://postgres@127.0.0.1:5432/postgres)
  BENCH_SMOKE          1 for a smoke run (as --smoke)
  BENCH_DURATION_S     measured seconds per measurement (default ${loadDefaults.full.durationS}; smoke ${loadDefaults.smoke.durationS})
  BENCH_WARMUP_S       uncounted warm-up seconds per measurement (default min(2, duration / 5))
  BENCH_CONCURRENCY    concurrent workers, and the pg pool size (default ${loadDefaults.full.concurrency}; smoke ${loadDefaults.smoke.concurrency})
Sizes, each a positive whole number:
${sizeLines()}`

function redact(url: string): string {
  const parsed = new URL(url)
  if (parsed.password) parsed.password = '***'
  return parsed.toString()
}

interface Options {
  selected: Section[]
  mode: Mode
  load: LoadSettings
  sizes: Map<string, Record<string, number>>
  json: boolean
}

/** Reads arguments and environment; a string is the message to print before exiting with 2. */
function readOptions(): Options | string | 'help' {
  // `pnpm bench -- --only x` passes the `--` through; `pnpm bench --only x` does not.
  const args = process.argv.slice(2)
  if (args[0] === '--') args.shift()
  let values: { only?: string[]; json?: boolean; smoke?: boolean; help?: boolean }
  try {
    ;({ values } = parseArgs({
      args,
      options: {
        only: { type: 'string', multiple: true },
        json: { type: 'boolean' },
        smoke: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }))
  } catch (error) {
    return `${(error as Error).message}\n\n${usage}`
  }
  if (values.help) return 'help'
  const wanted = (values.only ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean)
  const unknown = wanted.filter((name) => !sections.some((s) => s.name === name))
  if (unknown.length > 0) {
    return `Unknown section(s): ${unknown.join(', ')}. Sections: ${sections.map((s) => s.name).join(', ')}`
  }
  const selected = wanted.length > 0 ? sections.filter((s) => wanted.includes(s.name)) : sections
  try {
    const mode: Mode = values.smoke || smokeRequested(process.env) ? 'smoke' : 'full'
    // Every size is checked before the first database is created.
    const sizes = new Map(selected.map((s) => [s.name, resolveSizes(s.sizes, process.env, mode)]))
    return { selected, mode, load: loadSettings(process.env, mode), sizes, json: values.json ?? false }
  } catch (error) {
    return `${(error as Error).message}\n\n${usage}`
  }
}

async function main(): Promise<number> {
  const options = readOptions()
  if (options === 'help') {
    console.log(usage)
    return 0
  }
  if (typeof options === 'string') {
    console.error(options)
    return 2
  }
  const { selected, mode, load, sizes } = options
  const serverUrl = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres'

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

  const server = await serverFacts(serverUrl)
  const cpus = os.cpus()
  const machine = {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    postgres: server.version,
    postgresSettings: server.settings,
  }
  console.log(`Misalignment Tracker benchmark${mode === 'smoke' ? ' — SMOKE RUN: tiny sizes, timings mean nothing' : ''}`)
  console.log(`  machine    ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB, ${machine.platform}`)
  console.log(`  node       ${machine.node}`)
  console.log(`  postgres   ${machine.postgres}`)
  const settings = Object.entries(server.settings).map(([name, value]) => `${name}=${value}`)
  console.log(`  pg config  ${settings.join(', ')}`)
  console.log(`  database   ${redact(serverUrl)} → a fresh misalign_bench_<random> per section (dropped after it)`)
  console.log(
    `  load       ${load.concurrency} concurrent workers, ${load.warmupS} s warm-up + ${load.durationS} s measured per measurement`,
  )
  console.log('  load generator, API and Postgres share this machine: figures are relative, not capacity')

  const results: Record<string, unknown> = {}
  const failures: string[] = []
  for (const section of selected) {
    if (controller.signal.aborted) break
    console.log(`\n== ${section.title}\n`)
    const sectionSizes = sizes.get(section.name) ?? {}
    const began = performance.now()
    try {
      bench = await createMigratedBenchDatabase(serverUrl)
      const ctx: BenchContext = {
        databaseUrl: bench.url,
        mode,
        concurrency: load.concurrency,
        durationMs: load.durationS * 1000,
        warmupMs: load.warmupS * 1000,
        signal: controller.signal,
      }
      const result = await section.run(ctx, sectionSizes)
      results[section.name] = result
      console.log(section.report(result, ctx, sectionSizes))
      for (const problem of section.problems?.(result) ?? []) failures.push(`${section.name}: ${problem}`)
    } catch (error) {
      // One broken section must not hide the others' figures; the exit code still says it broke.
      console.error(`  section ${section.name} threw:`, error)
      failures.push(`${section.name}: threw ${(error as Error).message ?? error}`)
    } finally {
      await dropQuietly(bench)
      bench = undefined
    }
    console.log(`  (section took ${((performance.now() - began) / 1000).toFixed(1)} s)`)
  }

  if (options.json) {
    console.log(
      `\n${JSON.stringify({ machine, settings: { mode, ...load, sizes: Object.fromEntries(sizes) }, sections: results }, null, 2)}`,
    )
  }
  // An interrupted run stops mid-section; what it left unfinished is not a breakage.
  if (controller.signal.aborted) return 130
  if (failures.length > 0) {
    console.error(`\nThe benchmark broke (${failures.length}):\n${failures.map((f) => `  - ${f}`).join('\n')}`)
    return 1
  }
  return 0
}

async function dropQuietly(bench: BenchDatabase | undefined): Promise<void> {
  if (!bench) return
  try {
    await bench.drop()
  } catch (error) {
    console.error(
      `Could not drop ${bench.name}: ${(error as Error).message}. Drop it by hand: drop database ${bench.name} with (force)`,
    )
  }
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
