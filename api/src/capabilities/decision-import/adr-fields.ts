import { EARLIEST_DAY, LATEST_DAY } from '@misalign/shared'

/**
 * What an ADR's status words mean for the decision register (docs/decisions/039). Only
 * accepted, deprecated and superseded records are decisions in force or once in force; a
 * proposal or a rejected proposal was never decided, so it is skipped rather than imported.
 */
export type AdrStatusKind = 'accepted' | 'proposed' | 'rejected' | 'deprecated' | 'superseded'

const statusWords: Record<AdrStatusKind, readonly string[]> = {
  accepted: ['accepted', 'approved', 'adopted', 'agreed', 'decided', 'done', 'implemented', 'active', 'final', 'in effect'],
  proposed: ['proposed', 'proposal', 'draft', 'open', 'in progress', 'pending', 'under review', 'in review', 'tbd', 'wip', 'rfc'],
  rejected: ['rejected', 'declined', 'abandoned', 'withdrawn', 'not accepted'],
  deprecated: ['deprecated', 'obsolete', 'retired', 'reversed', 'revoked'],
  superseded: ['superseded', 'superceded', 'replaced'],
}

/** adr-tools writes "Superceded by"; people write "superseded by", "Replaced by". */
const supersededPattern = /^\s*(?:super[cs]eded|replaced)\b/i

export function isSupersededText(text: string): boolean {
  return supersededPattern.test(text)
}

/** The kind a status text names, from its leading words; undefined when we cannot tell. */
export function statusKindOf(text: string): AdrStatusKind | undefined {
  const words = text
    .toLowerCase()
    .replace(/[*_`[\]]/g, '')
    .trim()
  if (isSupersededText(words)) return 'superseded'
  for (const [kind, starts] of Object.entries(statusWords) as [AdrStatusKind, readonly string[]][]) {
    if (starts.some((start) => words === start || new RegExp(`^${start}\\b`).test(words))) return kind
  }
  return undefined
}

export const knownStatusWords = 'accepted, proposed, rejected, deprecated or "superseded by …"'

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

function day(year: number, month: number, dayOfMonth: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, dayOfMonth))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== dayOfMonth) return undefined
  const iso = date.toISOString().slice(0, 10)
  return iso >= EARLIEST_DAY && iso <= LATEST_DAY ? iso : undefined
}

/**
 * A calendar day from the ways ADRs write one: ISO (with or without a time), adr-tools' old
 * dd/mm/yyyy default (its own ADR 8 moved to ISO), yyyy/mm/dd, and "14 March 2024" or
 * "March 14, 2024". Undefined when the text is none of those or not a real day.
 */
export function readDay(text: string): string | undefined {
  const value = text.trim()
  const iso = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:$|[T\s])/.exec(value)
  if (iso) return day(Number(iso[1]), Number(iso[2]), Number(iso[3]))
  const british = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(value)
  if (british) return day(Number(british[3]), Number(british[2]), Number(british[1]))
  const dayFirst = /^(\d{1,2})\.?\s+([a-z]+)\.?,?\s+(\d{4})$/i.exec(value)
  const monthFirst = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i.exec(value)
  const named = dayFirst
    ? { d: dayFirst[1], m: dayFirst[2], y: dayFirst[3] }
    : monthFirst
      ? { d: monthFirst[2], m: monthFirst[1], y: monthFirst[3] }
      : undefined
  if (!named) return undefined
  const month = months.indexOf(String(named.m).slice(0, 3).toLowerCase()) + 1
  return month > 0 ? day(Number(named.y), month, Number(named.d)) : undefined
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

/** log4brains names files YYYYMMDD-slug.md; others YYYY-MM-DD-slug.md. */
export function dayInFileName(path: string): string | undefined {
  const match = /^(\d{4})-?(\d{2})-?(\d{2})[-_]/.exec(baseName(path))
  return match ? day(Number(match[1]), Number(match[2]), Number(match[3])) : undefined
}

/** adr-tools and MADR number files 0001-slug.md; eight digits are a date, not a number. */
export function numberInFileName(path: string): number | undefined {
  const match = /^(\d{1,5})[-_.]/.exec(baseName(path))
  return match ? Number(match[1]) : undefined
}

/** "0003-use-x.md" → "Use x", for a record with no heading at all. */
export function titleFromFileName(path: string): string {
  const words = baseName(path)
    .replace(/\.md$/i, '')
    .replace(/^\d+[-_.]/, '')
    .replace(/[-_]+/g, ' ')
    .trim()
  return words ? words[0]?.toUpperCase() + words.slice(1) : ''
}

/** "1. Record …", "10) Do not …", "ADR-0007: Service …", "ADR 0017 — Desktop …" → the words after the number. */
export function stripTitleNumber(title: string): string {
  return title
    .replace(/\s*\{#[^}]*\}\s*$/, '')
    .replace(/^\s*(?:ADR[-\s]?)?\d+\s*(?:[.):]|[-–—])?\s+/i, '')
    .trim()
}

/** The ADR number a title carries ("3. Use X" → 3), used to resolve "Superseded by [3. Use X]". */
export function numberInTitle(title: string): number | undefined {
  const match = /^\s*(?:ADR[-\s]?)?(\d{1,5})\b/i.exec(title)
  return match ? Number(match[1]) : undefined
}

/** Cut at a word boundary so a person can still read it, and say it was cut. */
export function clip(text: string, max: number): string {
  const flat = text.trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max - 1)
  const lastSpace = cut.lastIndexOf(' ')
  return `${(lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.-]+$/, '')}…`
}

/** Template placeholders ("{short title …}", "[option 1]") mean the file was never filled in. */
export function looksLikePlaceholder(text: string): boolean {
  return /^\s*[{[][^}\]]*[}\]]\s*$/.test(text) || /\{[^}]*\|[^}]*\}/.test(text)
}
