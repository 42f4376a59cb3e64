#!/usr/bin/env node
/**
 * Gzipped JS per route of the built app (run `pnpm --filter @misalign/web build` first):
 *   node web/scripts/bundle-size.mjs [route ...] [--allow=route,…]   (default: dashboard)
 * `--allow` names more routes that may load recharts on purpose (dashboard and strategy-gap may) (WEB_DIST overrides web/dist).
 * Prints the entry's size, each route's own chunks (what opening it downloads beyond the entry),
 * and which chunks hold recharts, failing (exit 1) if any chunk outside the dashboard's does.
 * No dependencies: chunks are followed through their `import … from "./x.js"` statements.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const dist = process.env.WEB_DIST ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist')
const assets = path.join(dist, 'assets')
if (!existsSync(assets)) {
  console.error(`No build in ${dist}: run \`pnpm --filter @misalign/web build\` first.`)
  process.exit(2)
}

const files = readdirSync(assets).filter((f) => f.endsWith('.js'))
const source = new Map(files.map((f) => [f, readFileSync(path.join(assets, f), 'utf8')]))
const gzip = (file) => gzipSync(source.get(file) ?? '', { level: 9 }).length
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`

const staticImports = (file) =>
  [...(source.get(file) ?? '').matchAll(/(?:from|import)\s*["'`]\.\/([^"'`]+\.js)["'`]/g)].map((m) => m[1])
const dynamicImports = (file) =>
  [...(source.get(file) ?? '').matchAll(/import\(\s*["'`]\.\/([^"'`]+\.js)["'`]\s*\)/g)].map((m) => m[1])

/** Every chunk loaded with `file`: through static imports, and lazy ones too when asked (a route's own `lazy`). */
function closure(file, seen = new Set(), withLazy = false, stop = new Set()) {
  if (seen.has(file) || stop.has(file) || !source.has(file)) return seen
  seen.add(file)
  for (const next of staticImports(file)) closure(next, seen, withLazy, stop)
  if (withLazy) for (const next of dynamicImports(file)) closure(next, seen, withLazy, stop)
  return seen
}

const html = readFileSync(path.join(dist, 'index.html'), 'utf8')
const entry = html.match(/<script[^>]+src="\/assets\/([^"]+\.js)"/)?.[1]
if (!entry) throw new Error('no entry script in dist/index.html')
const entryChunks = closure(entry)
const sum = (chunks) => [...chunks].reduce((s, f) => s + gzip(f), 0)
console.log(`entry ${[...entryChunks].join(', ')}: ${kb(sum(entryChunks))} gzip`)

// Route chunks are the entry's dynamic imports, named after their route file.
const routeChunks = [...new Set([...entryChunks].flatMap(dynamicImports))]
const routeOf = (chunk) => chunk.replace(/-.{8}\.js$/, '') // the hash is 8 characters, and may hold "-"
// recharts' own class names survive minification, so they mark the chunks that carry it.
const isRecharts = (file) => /recharts-(wrapper|surface|legend)/.test(source.get(file) ?? '')

const args = process.argv.slice(2)
// The gap detail draws its before/after chart (issue #8), so it may load recharts too.
const allowed = new Set([
  'dashboard',
  'strategy-gap',
  ...args.filter((a) => a.startsWith('--allow=')).flatMap((a) => a.slice(8).split(',')),
])
const named = args.filter((a) => !a.startsWith('--'))
const wanted = named.length ? named : ['dashboard']
let failed = false
const chartHolders = new Set(files.filter(isRecharts))
const reachedByOthers = new Set()
for (const chunk of routeChunks) {
  // Routes import the entry back (it holds React); its own lazy routes are not this route's.
  const own = [...closure(chunk, new Set(), true, entryChunks)]
  const route = routeOf(chunk)
  if (wanted.includes(route)) {
    console.log(`route ${route}: ${own.map((f) => `${f} ${kb(gzip(f))}`).join(', ')} → ${kb(sum(own))} gzip beyond the entry`)
  }
  if (!allowed.has(route)) for (const f of own) if (chartHolders.has(f)) reachedByOthers.add(`${route} → ${f}`)
}
for (const f of entryChunks) if (chartHolders.has(f)) reachedByOthers.add(`entry → ${f}`)

console.log(`recharts is in: ${[...chartHolders].join(', ') || 'no chunk'}`)
if (reachedByOthers.size > 0) {
  failed = true
  console.error(`recharts also loads outside the dashboard: ${[...reachedByOthers].join('; ')}`)
} else console.log(`recharts loads in no route but ${[...allowed].join(', ')}, and not in the entry`)
process.exit(failed ? 1 : 0)
