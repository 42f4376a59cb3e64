import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { type GlossaryId, glossaryEntry } from '../lib/glossary'

/**
 * A product word defined where it appears: hovering shows its definition, and the word links to
 * its glossary entry, which is how keyboard, touch and screen-reader users reach the same words.
 */
export function Term({ id, children }: { id: GlossaryId; children?: ReactNode }) {
  const entry = glossaryEntry(id)
  return (
    <Link className="term" to={`/glossary#${id}`} title={entry.definition}>
      {children ?? entry.term.toLowerCase()}
    </Link>
  )
}
