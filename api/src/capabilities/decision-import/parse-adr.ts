import type { FieldProblem } from '@misalign/shared'
import type { Nodes, RootContent } from 'mdast'
import { toString as mdastToString } from 'mdast-util-to-string'
import {
  type AdrStatusKind,
  clip,
  dayInFileName,
  isSupersededText,
  knownStatusWords,
  looksLikePlaceholder,
  numberInFileName,
  numberInTitle,
  readDay,
  statusKindOf,
  stripTitleNumber,
  titleFromFileName,
} from './adr-fields'
import { blockText, findSection, linksIn, listItemsOf, parseMarkdown, plainText, type Section, sectionsOf } from './adr-markdown'

export type AdrFormat = 'madr' | 'nygard' | 'other'

/** Where a superseded record points: a link to the newer file, or just its number ("ADR-0123"). */
export interface SupersededByRef {
  href: string | null
  number: number | null
  text: string
}

export interface AdrTradeoff {
  prefer: string
  over: string
  forGoal: string
}

/** One ADR file read for the register; `problems` stop an import, `notes` only inform. */
export interface ParsedAdr {
  path: string
  format: AdrFormat
  number: number | null
  title: string
  statusText: string | null
  statusKind: AdrStatusKind | null
  supersededBy: SupersededByRef | null
  decidedAt: string | null
  deciders: string[]
  summary: string
  drivers: string[]
  options: string[]
  chosenOption: string | null
  suggestedTradeoff: AdrTradeoff | null
  problems: FieldProblem[]
  notes: FieldProblem[]
}

const SUMMARY_LENGTH = 1000
const TITLE_LENGTH = 200
const TRADEOFF_PART_LENGTH = 300

const sectionNames = {
  status: ['status'],
  context: ['context and problem statement', 'context', 'problem statement', 'issue', 'context and problem', 'background'],
  drivers: ['decision drivers', 'drivers'],
  options: ['considered options', 'considered actions', 'options considered', 'options', 'alternatives', 'positions'],
  outcome: ['decision outcome', 'decision', 'outcome'],
} as const
const allSectionNames = new Set<string>(Object.values(sectionNames).flat())

interface MetaLine {
  key: string
  value: string
  node: Nodes
}

/** "Status: accepted" lines, as bullets (MADR 2, log4brains) or paragraphs (Nygard's "Date:"). */
function metaLinesOf(nodes: RootContent[]): MetaLine[] {
  const lines: MetaLine[] = []
  for (const node of nodes) {
    if (node.type !== 'paragraph' && node.type !== 'list') continue
    const units: Nodes[] = node.type === 'list' ? node.children : [node]
    for (const unit of units) {
      for (const line of mdastToString(unit, { includeHtml: false }).split('\n')) {
        const match = /^\s*([A-Za-z][A-Za-z ()-]{1,40}?)\s*:\s*(.*)$/.exec(line)
        if (match?.[1] && match[2] !== undefined) {
          lines.push({ key: match[1].toLowerCase().replace(/[-\s]+/g, ' '), value: match[2].trim(), node: unit })
        }
      }
    }
  }
  return lines
}

function frontMatterText(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'string' || typeof value === 'number') return String(value).trim() || undefined
  return undefined
}

function peopleOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((person) => String(person).trim()).filter(Boolean)
  const text = frontMatterText(value)
  return text ? text.split(/\s*[,;]\s*|\s+and\s+/).filter(Boolean) : []
}

function supersededRefOf(text: string, node: Nodes | undefined): SupersededByRef {
  const link = node ? linksIn(node)[0] : undefined
  if (link) {
    const linkText = plainText(link)
    return { href: link.url, number: numberInTitle(linkText) ?? null, text: linkText }
  }
  const after = text.replace(/^\s*(?:super[cs]eded|replaced)\s*(?:by)?\s*/i, '').trim()
  // Front matter has no Markdown tree: "superseded by [ADR-0005](0005-example.md)" is plain text there.
  const inlineLink = /\[([^\]]*)\]\(([^)\s]+)\)/.exec(after)
  if (inlineLink?.[2])
    return { href: inlineLink[2], number: numberInTitle(inlineLink[1] ?? '') ?? null, text: inlineLink[1] ?? '' }
  return { href: null, number: numberInTitle(after) ?? null, text: after }
}

interface StatusFound {
  text: string
  node?: Nodes
  where: string
}

function findStatus(
  frontMatter: Record<string, unknown>,
  statusSection: Section | undefined,
  meta: MetaLine[],
): StatusFound | undefined {
  const fromFrontMatter = frontMatterText(frontMatter.status)
  if (fromFrontMatter) return { text: fromFrontMatter, where: 'front matter' }
  if (statusSection) {
    const paragraphs = statusSection.lead.filter((node) => node.type === 'paragraph' || node.type === 'list')
    // adr-tools adds "Superceded by …" to the section; some people keep "Accepted" above it.
    const superseding = paragraphs.find((node) => isSupersededText(plainText(node)))
    const first = superseding ?? paragraphs[0]
    if (first) return { text: plainText(first), node: first, where: 'the Status section' }
  }
  const line = meta.find((entry) => entry.key === 'status' && entry.value)
  return line && { text: line.value, node: line.node, where: 'the Status line' }
}

const dateKeys = ['date', 'decision date', 'decided', 'last updated', 'date of submission']

function findDay(
  frontMatter: Record<string, unknown>,
  meta: MetaLine[],
  path: string,
  notes: FieldProblem[],
  problems: FieldProblem[],
) {
  const fromFrontMatter = frontMatterText(frontMatter.date)
  const line = dateKeys.map((key) => meta.find((entry) => entry.key === key && entry.value)).find(Boolean)
  const written = fromFrontMatter ?? line?.value
  if (written && !looksLikePlaceholder(written)) {
    const found = readDay(written)
    if (found) return found
    problems.push({ field: 'decidedAt', message: `"${clip(written, 40)}" is not a date we can read; write it as YYYY-MM-DD` })
    return null
  }
  const fromName = dayInFileName(path)
  if (fromName) {
    notes.push({ field: 'decidedAt', message: 'no date in the file; taken from its name' })
    return fromName
  }
  problems.push({
    field: 'decidedAt',
    message: 'no date: add "date: YYYY-MM-DD" to the front matter or a "Date: YYYY-MM-DD" line under the title',
  })
  return null
}

/** `Chosen option: "pg-boss", because …` → "pg-boss". */
function chosenOptionOf(outcome: Section | undefined): string | null {
  for (const node of outcome?.content ?? []) {
    if (node.type !== 'paragraph') continue
    const text = plainText(node)
    const chosen = /^chosen option\s*:?\s*(.+)$/i.exec(text)?.[1]
    if (!chosen) continue
    const quoted = /^["“'‘](.+?)["”'’](?:\s*[,.;]|\s+because|\s*$)/.exec(chosen)?.[1]
    const named = quoted ?? chosen.split(/,?\s+because\b/i)[0] ?? chosen
    return named.replace(/[\s,.;:]+$/, '').trim() || null
  }
  return null
}

function optionsOf(section: Section | undefined): string[] {
  if (!section) return []
  const listed = listItemsOf(section.lead)
  const firstSentence = (option: string) => option.split(/(?<=[.!?])\s+(?=[A-Z])/)[0] ?? option
  if (listed.length > 0) return listed.map((option) => clip(option.length <= 120 ? option : firstSentence(option), 120))
  // Some teams give each option its own sub-heading instead of a list.
  return section.content
    .filter((node) => node.type === 'heading' && node.depth === section.heading.depth + 1)
    .map((node) => plainText(node).replace(/^\s*(?:[ivx]+|\d+)[.)]\s+/i, ''))
}

const sameOption = (a: string, b: string) => {
  const x = a.toLowerCase()
  const y = b.toLowerCase()
  return x === y || x.startsWith(y) || y.startsWith(x)
}

function joinWithin(parts: string[], separator: string, max: number): string {
  let joined = ''
  for (const part of parts) {
    const next = joined ? `${joined}${separator}${part}` : part
    if (next.length > max) return joined || clip(part, max)
    joined = next
  }
  return joined
}

/** prefer = the chosen option, over = the others, forGoal = the drivers (or the question). */
function suggestTradeoff(chosen: string | null, options: string[], drivers: string[], summary: string): AdrTradeoff | null {
  if (!chosen) return null
  const others = options.filter((option) => !sameOption(option, chosen))
  if (others.length === 0) return null
  const question = summary.split(/(?<=[.?!])\s/).find((sentence) => sentence.trim().endsWith('?'))
  const forGoal =
    drivers.length > 0 ? joinWithin(drivers, '; ', TRADEOFF_PART_LENGTH) : question ? clip(question, TRADEOFF_PART_LENGTH) : ''
  if (!forGoal) return null
  return { prefer: clip(chosen, TRADEOFF_PART_LENGTH), over: joinWithin(others, '; ', TRADEOFF_PART_LENGTH), forGoal }
}

function titleOf(sections: Section[], frontMatter: Record<string, unknown>, path: string, notes: FieldProblem[]): string {
  const heading = sections.find((section) => section.heading.depth === 1) ?? sections.find((s) => !allSectionNames.has(s.key))
  const written = heading ? plainText(heading.heading) : frontMatterText(frontMatter.title)
  // "[ChangeOp]" whose reference is not a URL stays literal text in Markdown; the brackets mean nothing in a title.
  const words = written?.replace(/\[([^\]]+)\]/g, '$1')
  if (words) return stripTitleNumber(words) || words
  notes.push({ field: 'title', message: 'no title heading; taken from the file name' })
  return titleFromFileName(path)
}

/**
 * Reads one MADR (2 to 4) or Nygard (adr-tools) record. Pure: the same text always gives the
 * same answer, and nothing here knows about teams or the database.
 */
export function parseAdr(path: string, text: string): ParsedAdr {
  const problems: FieldProblem[] = []
  const notes: FieldProblem[] = []
  const { root, frontMatter, frontMatterError } = parseMarkdown(text)
  if (frontMatterError)
    problems.push({ field: 'frontMatter', message: `the YAML front matter cannot be read: ${frontMatterError}` })
  const sections = sectionsOf(root)
  const find = (names: readonly string[]) => findSection(sections, names)
  const firstKnownSection = sections.find((section) => allSectionNames.has(section.key))
  const firstSectionIndex = firstKnownSection ? root.children.indexOf(firstKnownSection.heading) : -1
  const meta = metaLinesOf(firstSectionIndex === -1 ? root.children : root.children.slice(0, firstSectionIndex))

  let title = titleOf(sections, frontMatter, path, notes)
  if (!title || looksLikePlaceholder(title)) {
    problems.push({ field: 'title', message: 'no title, or still the template placeholder: give the record a "# Title" heading' })
  } else if (title.length > TITLE_LENGTH) {
    notes.push({ field: 'title', message: `longer than ${TITLE_LENGTH} characters; shortened` })
    title = clip(title, TITLE_LENGTH)
  }

  const status = findStatus(frontMatter, find(sectionNames.status), meta)
  let statusKind: AdrStatusKind | null = null
  let supersededBy: SupersededByRef | null = null
  if (!status) {
    notes.push({ field: 'status', message: 'no status; imported as accepted (active)' })
    statusKind = 'accepted'
  } else {
    statusKind = statusKindOf(status.text) ?? null
    if (!statusKind) {
      problems.push({
        field: 'status',
        message: `"${clip(status.text, 60)}" (in ${status.where}) is not a status we know: use ${knownStatusWords}`,
      })
    } else if (statusKind === 'superseded') {
      supersededBy = supersededRefOf(status.text, status.node)
    }
  }

  const context = find(sectionNames.context)
  const beforeSections = firstSectionIndex === -1 ? [] : root.children.slice(0, firstSectionIndex)
  const intro = blockText(beforeSections.filter((node) => node.type === 'paragraph' && metaLinesOf([node]).length === 0))
  const summary = clip(context ? blockText(context.lead) : intro, SUMMARY_LENGTH)
  if (!summary) notes.push({ field: 'summary', message: 'no context or problem statement; the summary is empty' })

  const drivers = listItemsOf(find(sectionNames.drivers)?.lead ?? [])
  const options = optionsOf(find(sectionNames.options))
  const chosenOption = chosenOptionOf(find(sectionNames.outcome))
  const isMadr =
    Object.keys(frontMatter).some((key) => ['status', 'date', 'decision-makers', 'deciders'].includes(key)) ||
    sections.some((section) => ['context and problem statement', 'decision outcome', 'considered options'].includes(section.key))
  const isNygard = !isMadr && Boolean(find(sectionNames.status)) && Boolean(find(['decision']))

  return {
    path,
    format: isMadr ? 'madr' : isNygard ? 'nygard' : 'other',
    number: numberInFileName(path) ?? numberInTitle(titleHeadingText(sections) ?? '') ?? null,
    title,
    statusText: status?.text ?? null,
    statusKind,
    supersededBy,
    decidedAt: findDay(frontMatter, meta, path, notes, problems),
    deciders: peopleOf(frontMatter['decision-makers'] ?? frontMatter.deciders ?? meta.find((m) => m.key === 'deciders')?.value),
    summary,
    drivers,
    options,
    chosenOption,
    suggestedTradeoff: suggestTradeoff(chosenOption, options, drivers, summary),
    problems,
    notes,
  }
}

function titleHeadingText(sections: Section[]): string | undefined {
  const first = sections.find((section) => section.heading.depth === 1)
  return first && plainText(first.heading)
}
