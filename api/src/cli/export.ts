import { createWriteStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { schemaVersion } from '@misalign/db'
import { type BackupResource, backupResources } from '../capabilities/exports/service'
import type { CommandContext } from './commands'
import { CliError, parseOptions, required } from './input'
import { usage } from './usage'

export interface BackupManifest {
  kind: 'misalignment-tracker-backup'
  schemaVersion: number
  schemaTag: string
  exportedAt: string
  files: Record<BackupResource, { file: string; count: number }>
}

async function* ndjsonLines(batches: AsyncIterable<Record<string, unknown>[]>): AsyncGenerator<string> {
  for await (const items of batches) {
    if (items.length > 0) yield items.map((item) => `${JSON.stringify(item)}\n`).join('')
  }
}

/** Refuses a folder with anything in it: a backup is never written over another one. */
async function prepareFolder(out: string): Promise<void> {
  const entries = await fs.readdir(out).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return []
    throw new CliError(`Cannot read ${out}: ${error.message}`)
  })
  if (entries.length > 0) throw new CliError(`${out} is not empty; give a new or empty folder`)
  await fs.mkdir(out, { recursive: true })
}

/**
 * `pnpm cli export --out <dir>`: the org as NDJSON, one file per register, read through the same
 * export service as the API (as an admin sees it: anonymous reporters stay hidden). The manifest
 * is written last, so a folder with a manifest holds a whole backup.
 */
export async function exportCommand(args: string[], ctx: CommandContext): Promise<void> {
  const command = 'export'
  const values = parseOptions(args, { out: { type: 'string' } }, command)
  if (values.help) return ctx.out(`${usage.export}\n`)
  const out = path.resolve(required(values, 'out', command))
  await prepareFolder(out)

  await ctx.withServices(async ({ services, caller }) => {
    const files = {} as BackupManifest['files']
    for (const resource of backupResources) {
      const { batches, count } = services.exports.everything(caller, resource)
      const file = `${resource}.ndjson`
      // pipeline waits for the file to drain before the next batch is read.
      await pipeline(Readable.from(ndjsonLines(batches)), createWriteStream(path.join(out, file)))
      files[resource] = { file, count: count() }
      ctx.err(`${resource}: ${count()}\n`)
    }
    const { version, tag } = schemaVersion()
    const manifest: BackupManifest = {
      kind: 'misalignment-tracker-backup',
      schemaVersion: version,
      schemaTag: tag,
      exportedAt: new Date().toISOString(),
      files,
    }
    await fs.writeFile(path.join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
    ctx.out(`Exported to ${out}\n`)
  })
}
