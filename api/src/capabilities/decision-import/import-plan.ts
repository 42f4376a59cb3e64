import path from 'node:path/posix'
import type { DecisionStatus, FieldProblem } from '@misalign/shared'
import { baseName } from './adr-fields'
import { type ParsedAdr, parseAdr } from './parse-adr'

export interface AdrFile {
  path: string
  content: string
}

/** One file as the import will treat it, before anything is compared with the register. */
export interface PlannedRecord {
  /** Relative to the ADR folder: the part of the idempotency key that names the file. */
  path: string
  externalRef: string
  link: string | null
  parsed: ParsedAdr
  skipReason: string | null
  status: DecisionStatus | null
  /** The file (relative path) this record is superseded by, inside or outside this import. */
  supersededByPath: string | null
  /** Whether that file is part of this import; otherwise it must have been imported before. */
  supersededByInImport: boolean
  problems: FieldProblem[]
}

/**
 * The key that makes a re-import update instead of duplicate (docs/decisions/039): the
 * owning team and the file's path relative to the ADR folder.
 */
export const externalRefOf = (owningTeamId: string, relativePath: string) => `adr:${owningTeamId}:${relativePath}`

/**
 * A path we will use as a key and in a link, or the reason it is refused: absolute paths and
 * ".." could name files outside the ADR folder (zip slip), so they are never taken.
 */
export function unsafePathReason(name: string): string | undefined {
  if (name.includes('\u0000')) return 'contains a NUL character'
  if (/^([a-zA-Z]:)?[\\/]/.test(name)) return 'is an absolute path'
  if (name.split(/[\\/]/).includes('..')) return 'climbs out of the folder with ".."'
  return undefined
}

export function normalisePath(name: string): string {
  return name
    .replaceAll('\\', '/')
    .replace(/^(\.\/)+/, '')
    .replace(/\/{2,}/g, '/')
}

/** The deepest folder every file is in: zipping the folder, or pointing at it, gives the same keys. */
function commonFolder(paths: string[]): string {
  const folders = paths.map((p) => p.split('/').slice(0, -1))
  const [first = [], ...rest] = folders
  let depth = first.length
  for (const folder of rest) {
    let same = 0
    while (same < Math.min(depth, folder.length) && folder[same] === first[same]) same++
    depth = same
  }
  return depth === 0 ? '' : `${first.slice(0, depth).join('/')}/`
}

function notADecisionRecord(relativePath: string): string | undefined {
  const name = baseName(relativePath).toLowerCase()
  if (name === 'readme.md' || name === 'index.md') return 'an index of the folder, not a decision record'
  if (name.includes('template')) return 'a template, not a decision record'
  return undefined
}

const statusOfKind = { accepted: 'active', deprecated: 'reversed', superseded: 'superseded' } as const

function linkOf(linkBase: string | undefined, relativePath: string): string | null {
  if (!linkBase) return null
  const base = linkBase.endsWith('/') ? linkBase : `${linkBase}/`
  return new URL(relativePath.split('/').map(encodeURIComponent).join('/'), base).toString()
}

/** Finds the record a "superseded by" points at: by the link's path, then its file name, then its ADR number. */
function resolveSupersededBy(record: PlannedRecord, records: PlannedRecord[]): { path: string; inImport: boolean } | undefined {
  const ref = record.parsed.supersededBy
  if (!ref) return undefined
  const href = ref.href?.split(/[?#]/)[0]
  let outside: string | undefined
  if (href && !/^[a-z][a-z0-9+.-]*:/i.test(href)) {
    const target = path.normalize(path.join(path.dirname(record.path), safeDecode(href)))
    const byPath = records.find((other) => other.path === target || other.path === `${target}.md`)
    if (byPath) return { path: byPath.path, inImport: true }
    if (!target.startsWith('..')) outside = target.endsWith('.md') ? target : `${target}.md`
  }
  const name = href ? baseName(href) : undefined
  const byName = name ? records.filter((other) => baseName(other.path) === name || baseName(other.path) === `${name}.md`) : []
  if (byName.length === 1 && byName[0]) return { path: byName[0].path, inImport: true }
  const byNumber = ref.number === null ? [] : records.filter((other) => other.parsed.number === ref.number)
  if (byNumber.length === 1 && byNumber[0]) return { path: byNumber[0].path, inImport: true }
  // Not in this import: it may have been imported before (looked up by its key later).
  return outside ? { path: outside, inImport: false } : undefined
}

function safeDecode(href: string): string {
  try {
    return decodeURIComponent(href)
  } catch {
    return href
  }
}

/**
 * Reads every file and works out, without the database, what each would become: its key,
 * status, link and the record it is superseded by. Pure, so a dry run and a real run agree.
 */
export function planAdrImport(files: AdrFile[], options: { owningTeamId: string; linkBase?: string }): PlannedRecord[] {
  const paths = files.map((file) => normalisePath(file.path))
  const folder = commonFolder(paths)
  const seen = new Set<string>()
  const records = files.map((file, index): PlannedRecord => {
    const relativePath = (paths[index] ?? file.path).slice(folder.length)
    const parsed = parseAdr(relativePath, file.content)
    const problems = [...parsed.problems]
    if (seen.has(relativePath)) problems.push({ field: 'path', message: 'the same file is given twice' })
    seen.add(relativePath)
    const kind = parsed.statusKind
    const skipReason =
      notADecisionRecord(relativePath) ??
      (kind === 'proposed'
        ? 'a proposal, not a decision yet; import it again once it is accepted'
        : kind === 'rejected'
          ? 'rejected: it was never decided'
          : null)
    return {
      path: relativePath,
      externalRef: externalRefOf(options.owningTeamId, relativePath),
      link: linkOf(options.linkBase, relativePath),
      parsed,
      skipReason,
      status: kind && kind !== 'proposed' && kind !== 'rejected' ? statusOfKind[kind] : null,
      supersededByPath: null,
      supersededByInImport: false,
      problems: skipReason ? [] : problems,
    }
  })
  for (const record of records) {
    if (record.skipReason || record.status !== 'superseded') continue
    const target = resolveSupersededBy(record, records)
    const said = record.parsed.supersededBy?.text || record.parsed.supersededBy?.href || 'nothing'
    if (!target) {
      record.problems.push({
        field: 'status',
        message: `superseded by "${said}", which we cannot find: link the newer file ("Superseded by [3. Title](0003-title.md)") and import it too`,
      })
      continue
    }
    const inImport = records.find((other) => other.path === target.path)
    if (inImport === record) {
      record.problems.push({ field: 'status', message: 'superseded by itself: link the newer record instead' })
    } else if (inImport?.skipReason) {
      record.problems.push({
        field: 'status',
        message: `superseded by ${inImport.path}, which is not imported (${inImport.skipReason})`,
      })
    } else {
      record.supersededByPath = target.path
      record.supersededByInImport = target.inImport
    }
  }
  return records
}
