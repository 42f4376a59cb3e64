import type { Heading, Link, List, ListItem, Nodes, Root, RootContent } from 'mdast'
import { toString as mdastToString } from 'mdast-util-to-string'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { parse as parseYaml } from 'yaml'

/** The tree of one ADR, its front matter kept apart. */
export interface AdrDocument {
  root: Root
  frontMatter: Record<string, unknown>
  frontMatterError?: string
}

const markdown = unified().use(remarkParse).use(remarkFrontmatter, ['yaml'])

/** BOM and CRLF are how Windows editors save; neither means anything to an ADR. */
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
}

export function parseMarkdown(text: string): AdrDocument {
  const root = markdown.parse(normaliseText(text)) as Root
  const yamlNode = root.children.find((node) => node.type === 'yaml')
  if (yamlNode?.type !== 'yaml') return { root, frontMatter: {} }
  try {
    const data: unknown = parseYaml(yamlNode.value)
    const frontMatter = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {}
    return { root, frontMatter }
  } catch (error) {
    return { root, frontMatter: {}, frontMatterError: (error as Error).message.split('\n')[0] ?? 'unreadable YAML' }
  }
}

/** Words only: HTML comments such as MADR's "<!-- optional -->" are dropped. */
export function plainText(node: Nodes | Nodes[]): string {
  return mdastToString(node, { includeHtml: false, includeImageAlt: false }).replace(/\s+/g, ' ').trim()
}

/** Heading words compared case- and punctuation-insensitively, numbering ("1.", "I.") removed. */
export function sectionKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/^\s*(?:[ivx]+|\d+)[.)]\s+/, '')
    .replace(/[^a-z ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

export interface Section {
  heading: Heading
  key: string
  /** Everything up to the next heading of the same or a shallower depth. */
  content: RootContent[]
  /** Only what comes before the first sub-heading. */
  lead: RootContent[]
}

export function sectionsOf(root: Root): Section[] {
  const nodes = root.children
  const sections: Section[] = []
  nodes.forEach((node, index) => {
    if (node.type !== 'heading') return
    const content: RootContent[] = []
    for (const next of nodes.slice(index + 1)) {
      if (next.type === 'heading' && next.depth <= node.depth) break
      content.push(next)
    }
    const firstSub = content.findIndex((next) => next.type === 'heading')
    sections.push({
      heading: node,
      key: sectionKey(plainText(node)),
      content,
      lead: firstSub === -1 ? content : content.slice(0, firstSub),
    })
  })
  return sections
}

export function findSection(sections: Section[], keys: readonly string[]): Section | undefined {
  return sections.find((section) => keys.includes(section.key))
}

/** Paragraphs as text, list items as "- item"; code and HTML left out of a summary. */
export function blockText(nodes: RootContent[]): string {
  const parts: string[] = []
  for (const node of nodes) {
    if (node.type === 'code' || node.type === 'html' || node.type === 'yaml' || node.type === 'definition') continue
    if (node.type === 'list') parts.push(node.children.map((item) => `- ${plainText(item)}`).join('\n'))
    else if (node.type !== 'heading' && node.type !== 'thematicBreak') parts.push(plainText(node))
  }
  return parts.filter(Boolean).join('\n\n')
}

/** The first line of each list item (its first paragraph), for drivers and options. */
export function listItemsOf(nodes: RootContent[]): string[] {
  const list = nodes.find((node): node is List => node.type === 'list')
  if (!list) return []
  return list.children.map((item: ListItem) => plainText(item.children[0] ?? item)).filter(Boolean)
}

export function linksIn(node: Nodes): Link[] {
  const found: Link[] = []
  const visit = (current: Nodes) => {
    if (current.type === 'link') found.push(current)
    if ('children' in current) for (const child of current.children) visit(child as Nodes)
  }
  visit(node)
  return found
}
