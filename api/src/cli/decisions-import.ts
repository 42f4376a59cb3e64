import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { type DecisionImportResult, DomainError } from '@misalign/shared'
import type { AdrFile } from '../capabilities/decision-import/import-plan'
import { decodeUtf8, markdownFilesFromZip } from '../capabilities/decision-import/zip-entries'
import type { CommandContext } from './commands'
import { CliError, UsageError } from './input'

export const decisionsImportUsage = `Usage: pnpm cli decisions import --team <slug> [--link-base <url>] [--dry-run] [--accept-tradeoffs] <dir | file.zip | file.md>...

Imports Markdown ADRs (MADR, Nygard/adr-tools, log4brains) as decisions of the team. A folder
is read recursively (its .md files only); a zip's .md entries are read. Importing the same files
again updates the decisions they created. All or nothing: if any file has a problem, nothing is
written and each problem is listed. Proposed and rejected records are skipped.

Options:
  --team <slug>        The owning team
  --link-base <url>    Link each decision to <url>/<path of the file>, e.g.
                       https://github.com/org/repo/blob/main/docs/adr/
  --dry-run            Show what would be created or updated; write nothing
  --accept-tradeoffs   Store each suggested tradeoff (chosen option over the others, for the
                       decision drivers); without it none is stored
  -h, --help           Show this help`

export const decisionsGroupUsage = `Usage: pnpm cli decisions import [options] <dir | file.zip | file.md>...

Run "pnpm cli decisions import --help" for its options.`

const skippedFolders = new Set(['node_modules', '.git'])

function markdownIn(folder: string): AdrFile[] {
  const files: AdrFile[] = []
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: false }) as string[]) {
    const relative = entry.split(path.sep).join('/')
    if (!/\.md$/i.test(relative) || relative.split('/').some((part) => skippedFolders.has(part))) continue
    const full = path.join(folder, entry)
    if (statSync(full).isFile()) files.push({ path: relative, content: decodeUtf8(relative, readFileSync(full)) })
  }
  return files
}

/**
 * `pnpm cli` runs in api/; pnpm keeps the folder the person typed the command in as INIT_CWD,
 * so "docs/adr" means what they see, not api/docs/adr.
 */
const invokedFrom = () => process.env.INIT_CWD ?? process.cwd()

function readInputs(names: string[]): AdrFile[] {
  const files: AdrFile[] = []
  for (const name of names) {
    const input = path.resolve(invokedFrom(), name)
    let isFolder: boolean
    try {
      isFolder = statSync(input).isDirectory()
    } catch {
      throw new CliError(`${name} does not exist`)
    }
    if (isFolder) files.push(...markdownIn(input))
    else if (/\.zip$/i.test(input)) files.push(...markdownFilesFromZip(readFileSync(input)))
    else files.push({ path: path.basename(input), content: decodeUtf8(name, readFileSync(input)) })
  }
  if (files.length === 0) throw new CliError(`No .md files in ${names.join(', ')}`)
  return files
}

const pad = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width))

function printResult(result: DecisionImportResult, out: (text: string) => void): void {
  const lines = [`${pad('ACTION', 9)} ${pad('STATUS', 10)} ${pad('DECIDED', 10)} ${pad('FILE', 40)} TITLE`]
  for (const file of result.files) {
    lines.push(
      `${pad(file.action, 9)} ${pad(file.status ?? '-', 10)} ${pad(file.decidedAt ?? '-', 10)} ${pad(file.relativePath, 40)} ${file.title}`,
    )
    if (file.skipReason) lines.push(`          skipped: ${file.skipReason}`)
    for (const problem of file.problems) lines.push(`          problem: ${problem.field}: ${problem.message}`)
    for (const note of file.notes) lines.push(`          note: ${note.field}: ${note.message}`)
    if (file.suggestedTradeoff) {
      const { prefer, over, forGoal } = file.suggestedTradeoff
      const stored = file.tradeoffAccepted ? 'stored' : 'suggested, not stored'
      lines.push(`          tradeoff (${stored}): prefer ${prefer} over ${over}, for ${forGoal}`)
    }
  }
  const { create, update, unchanged, skip, error } = result.counts
  const verb = result.dryRun ? 'Would create' : 'Created'
  lines.push(
    '',
    `${verb} ${create}, ${result.dryRun ? 'update' : 'updated'} ${update}; ${unchanged} unchanged, ${skip} skipped, ${error} with problems.`,
  )
  out(`${lines.join('\n')}\n`)
}

export async function decisionsImport(args: string[], ctx: CommandContext): Promise<void> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true; strict: true }>>
  const options = {
    team: { type: 'string' },
    'link-base': { type: 'string' },
    'dry-run': { type: 'boolean' },
    'accept-tradeoffs': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  } as const
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]} (see: pnpm cli decisions import --help)`)
  }
  const { values, positionals } = parsed
  if (values.help) return ctx.out(`${decisionsImportUsage}\n`)
  const slug = values.team?.trim()
  if (!slug) throw new UsageError('--team is required (see: pnpm cli decisions import --help)')
  if (positionals.length === 0)
    throw new UsageError('Name a folder, a zip or .md files to import (see: pnpm cli decisions import --help)')
  const files = readInputs(positionals)

  await ctx.withServices(async ({ services, caller, repos }) => {
    const team = await repos.teams.findBySlug(slug)
    if (!team) throw new CliError(`No team has the slug "${slug}"`)
    try {
      const result = await services.decisionImport.importAdrs(caller, {
        owningTeamId: team.id,
        ...(values['link-base'] ? { linkBase: values['link-base'] } : {}),
        dryRun: values['dry-run'] === true,
        files,
        acceptTradeoffs: values['accept-tradeoffs'] ? files.map((file) => file.path) : [],
      })
      printResult(result, ctx.out)
    } catch (error) {
      // The service lists each file's problem; the CLI's last resort prints only the headline.
      if (error instanceof DomainError && error.details.fields) {
        ctx.err(`${error.details.fields.map((field) => `  ${field.field}: ${field.message}`).join('\n')}\n`)
      }
      throw error
    }
  })
}
