#!/usr/bin/env node
/**
 * Builds the web app only when what goes into the bundle changed since the last build
 * (`pnpm start` runs it before the API). A SHA-256 of every input file's path and contents is
 * kept in web/dist/.source-hash; contents rather than modification times, so a checkout or a
 * copy that touches files without changing them does not rebuild, and a changed file always does.
 *   node web/scripts/build-if-changed.mjs [--force]
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const root = path.resolve(web, '..')
const dist = path.join(web, 'dist')
const stampFile = path.join(dist, '.source-hash')

/** Everything vite reads to build the bundle: our sources, the shared package, config and locked versions. */
const inputs = [
  'web/src',
  'web/public',
  'web/index.html',
  'web/vite.config.ts',
  'web/tsconfig.json',
  'web/package.json',
  'shared/src',
  'shared/package.json',
  'pnpm-lock.yaml',
]
// Tests are never bundled: changing one should not cost a rebuild.
const isBundled = (file) => !/\.test\.tsx?$/.test(file)

/** The input and, for a folder, every file under it, as paths from the repository root. */
function filesOf(input) {
  const absolute = path.join(root, input)
  if (!existsSync(absolute)) return []
  if (!statSync(absolute).isDirectory()) return [input]
  return readdirSync(absolute, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
}

function sourceHash() {
  const files = inputs.flatMap(filesOf).filter(isBundled).sort()
  const hash = createHash('sha256')
  for (const file of files)
    hash
      .update(`${file}\0`)
      .update(readFileSync(path.join(root, file)))
      .update('\0')
  return hash.digest('hex')
}

const started = performance.now()
const current = sourceHash()
const built = existsSync(path.join(dist, 'index.html')) && existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : ''
const force = process.argv.includes('--force')
if (current === built && !force) {
  console.log(`Web app up to date (sources unchanged, checked in ${Math.round(performance.now() - started)} ms).`)
  process.exit(0)
}
console.log(built ? 'Web app sources changed: building…' : 'No web build yet: building…')
const result = spawnSync('pnpm', ['--filter', '@misalign/web', 'build'], { cwd: root, stdio: 'inherit' })
if (result.status !== 0) process.exit(result.status ?? 1)
// Written only after a successful build, so a failed one is retried on the next start.
writeFileSync(stampFile, `${current}\n`)
