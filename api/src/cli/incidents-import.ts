import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { DomainError, type IncidentImportFormat, type IncidentImportResult } from '@misalign/shared'
import type { ImportProgress } from '../capabilities/incident-import/service'
import type { CommandContext } from './commands'
import { CliError, UsageError } from './input'

export const incidentsImportUsage = `Usage: pnpm cli incidents import [--dry-run] [--format csv|json|ndjson] <file>

Imports incidents from a CSV file (a header row naming the columns), a JSON array or NDJSON, as
the API's POST /api/v1/incidents/import does. Each row needs externalId (the id it had where it
comes from; an incident export's "id" column serves), title, reportingTeamId (an id or a slug),
discoveredAt, discoveryChannel, expected, surprise, harmedGoal and harm. Importing the same file
again updates the incidents that changed and leaves the rest. All or nothing: if any row has a
problem, nothing is written and each problem is listed with its line.

Options:
  --dry-run            Check every row and count what would be created or updated; write nothing
  --format <format>    csv, json or ndjson; by default taken from the file's extension
  -h, --help           Show this help`

export const incidentsGroupUsage = `Usage: pnpm cli incidents import [--dry-run] <file>

Run "pnpm cli incidents import --help" for its options.`

/** Same as the API's limit: a file the screen could not send is not imported from here either. */
const MAX_BYTES = 100 * 1024 * 1024

/** `pnpm cli` runs in api/; INIT_CWD is where the person typed the command (as decisions import does). */
const invokedFrom = () => process.env.INIT_CWD ?? process.cwd()

function formatOf(file: string, given: string | undefined): IncidentImportFormat {
  const format = (given ?? path.extname(file).slice(1)).toLowerCase()
  if (format === 'csv' || format === 'json' || format === 'ndjson') return format
  if (format === 'jsonl') return 'ndjson'
  throw new UsageError(`Say which format ${path.basename(file)} is with --format csv, json or ndjson`)
}

function readInput(name: string): Buffer {
  const file = path.resolve(invokedFrom(), name)
  let size: number
  try {
    size = statSync(file).size
  } catch {
    throw new CliError(`${name} does not exist`)
  }
  if (size > MAX_BYTES)
    throw new CliError(`${name} is ${Math.round(size / 1024 / 1024)} MB; split it into files of at most 100 MB`)
  return readFileSync(file)
}

function progressLine(progress: ImportProgress): string {
  const verb = { read: 'read', checked: 'checked', written: 'written' }[progress.phase]
  return `${progress.rows.toLocaleString('en')}${progress.of === undefined ? '' : ` of ${progress.of.toLocaleString('en')}`} rows ${verb}\n`
}

function printResult(result: IncidentImportResult, out: (text: string) => void): void {
  const lines: string[] = []
  for (const problem of result.problems) {
    lines.push(`${result.locator} ${problem.line}  ${problem.field}: ${problem.message}`)
  }
  if (result.problemTotal > result.problems.length) {
    lines.push(`… and ${result.problemTotal - result.problems.length} more problems`)
  }
  const { create, update, unchanged, error } = result.counts
  const verbs = result.dryRun ? ['Would create', 'update'] : ['Created', 'updated']
  if (lines.length > 0) lines.push('')
  lines.push(
    `${verbs[0]} ${create}, ${verbs[1]} ${update}; ${unchanged} unchanged, ${error} with problems (${result.rows} rows).`,
  )
  out(`${lines.join('\n')}\n`)
}

export async function incidentsImport(args: string[], ctx: CommandContext): Promise<void> {
  const options = {
    'dry-run': { type: 'boolean' },
    format: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  } as const
  let parsed: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true; strict: true }>>
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]} (see: pnpm cli incidents import --help)`)
  }
  const { values, positionals } = parsed
  if (values.help) return ctx.out(`${incidentsImportUsage}\n`)
  const [name, ...extra] = positionals
  if (!name || extra.length > 0) throw new UsageError('Name one file to import (see: pnpm cli incidents import --help)')
  const format = formatOf(name, values.format)
  const bytes = readInput(name)

  await ctx.withServices(async ({ services, caller }) => {
    try {
      const result = await services.incidentImport.importIncidents(
        caller,
        { bytes, format, dryRun: values['dry-run'] === true },
        (progress) => ctx.err(progressLine(progress)),
      )
      printResult(result, ctx.out)
    } catch (error) {
      // The service lists each row's problem; the CLI's last resort prints only the headline.
      if (error instanceof DomainError && error.details.fields) {
        ctx.err(`${error.details.fields.map((field) => `  ${field.field}: ${field.message}`).join('\n')}\n`)
      }
      throw error
    }
  })
}
