import { applyRewrite, checkLanguage, type LanguageFinding } from '@misalign/shared'
import { useDeferredValue, useMemo } from 'react'

/**
 * Gentle suggestions for "alignment" jargon under a text field (DESIGN.md, "Rules"). It never
 * blocks and never changes the text by itself: a rewrite that fits the sentence is offered with a
 * "Use this wording" button, and otherwise the plain words are listed with what each would mean.
 */
export function LanguageHints({ text, id, onRewrite }: { text: string; id: string; onRewrite?: (next: string) => void }) {
  // Deferred so a long narrative never makes typing lag.
  const deferred = useDeferredValue(text)
  const findings = useMemo(() => checkLanguage(deferred).slice(0, 3), [deferred])
  return (
    <div className="language-hints" id={id} aria-live="polite">
      {findings.map((finding) => (
        <LanguageHint
          key={`${finding.start}-${finding.end}`}
          finding={finding}
          // The text may have moved on since the deferred check: applyRewrite leaves it alone then.
          onUse={onRewrite && (() => onRewrite(applyRewrite(text, finding)))}
        />
      ))}
    </div>
  )
}

function LanguageHint({ finding, onUse }: { finding: LanguageFinding; onUse: (() => void) | undefined }) {
  return (
    <div className="language-hint">
      <p>
        <span aria-hidden="true">💡 </span>
        <span className="visually-hidden">Language suggestion: </span>
        {finding.explanation}
      </p>
      {finding.rewrittenSentence !== null ? (
        <div className="language-hint-rewrite">
          <q>{finding.rewrittenSentence}</q>
          {onUse && (
            <button
              type="button"
              className="button-secondary"
              aria-label={`Use this wording: “${finding.rewrite}” instead of “${finding.phrase}”`}
              onClick={onUse}
            >
              Use this wording
            </button>
          )}
        </div>
      ) : (
        <ul className="language-hint-alternatives">
          {finding.alternatives.map((alternative) => (
            <li key={alternative.word}>
              <strong>{alternative.word}</strong>: {alternative.meaning}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
