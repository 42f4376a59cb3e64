import { checkLanguage } from '@misalign/shared'
import { useDeferredValue, useMemo } from 'react'

/**
 * Gentle suggestions for "alignment" jargon under a text field (DESIGN.md, "Rules"). It never
 * blocks: the words are a nudge towards saying what is actually meant, nothing more.
 */
export function LanguageHints({ text, id }: { text: string; id: string }) {
  // Deferred so a long narrative never makes typing lag.
  const deferred = useDeferredValue(text)
  const suggestions = useMemo(() => checkLanguage(deferred).slice(0, 3), [deferred])
  return (
    <div className="language-hints" id={id} aria-live="polite">
      {suggestions.map((s) => (
        <p key={`${s.start}-${s.end}`} className="language-hint">
          <span aria-hidden="true">💡 </span>
          <span className="visually-hidden">Language suggestion: </span>
          {s.message}
        </p>
      ))}
    </div>
  )
}
