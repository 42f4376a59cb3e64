import { NO_HARM_MESSAGE } from '@misalign/shared'
import { useEffect, useRef } from 'react'
import { Link } from 'react-router'
import { ProblemMessage } from '../../../components/feedback'

/** Moves focus to the outcome heading, so keyboard and screen-reader users land on the news. */
function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null)
  useEffect(() => ref.current?.focus(), [])
  return ref
}

export function Filed({ incidentKey, onAnother }: { incidentKey: string; onAnother: () => void }) {
  const heading = useFocusOnMount<HTMLHeadingElement>()
  return (
    <div className="outcome card">
      <h2 ref={heading} tabIndex={-1}>
        Filed as {incidentKey}
      </h2>
      <p>Thank you. The teams involved can now trace it to the decision and the strategy that was missing.</p>
      <p className="actions">
        <Link className="button-primary" to={`/incidents/${incidentKey}`}>
          Open {incidentKey}
        </Link>
        <button type="button" className="button-secondary" onClick={onAnother}>
          File another report
        </button>
      </p>
    </div>
  )
}

export function NearMissNoted({ onAnother }: { onAnother: () => void }) {
  const heading = useFocusOnMount<HTMLHeadingElement>()
  return (
    <div className="outcome card">
      <h2 ref={heading} tabIndex={-1}>
        Noted as a near miss
      </h2>
      <p>It is counted apart from incidents. Near misses show where a decision could hurt someone next time.</p>
      <p className="actions">
        <button type="button" className="button-secondary" onClick={onAnother}>
          Start a new report
        </button>
      </p>
    </div>
  )
}

/**
 * Shown instead of filing when harm is "none". Plain, not preachy: it explains why this is not an
 * incident and offers the useful alternative.
 */
export function NoHarmPanel({ onNote, isPending, error }: { onNote: () => void; isPending: boolean; error: unknown }) {
  const sentence = NO_HARM_MESSAGE.charAt(0).toUpperCase() + NO_HARM_MESSAGE.slice(1)
  return (
    <section className="no-harm card" aria-labelledby="no-harm-heading">
      <h2 id="no-harm-heading">{sentence}</h2>
      <p>
        Nothing was hurt, so this will not be filed as an incident. It is still worth counting: you can note it as a{' '}
        <strong>near miss</strong>, which shows where a decision came as a surprise before it cost anyone.
      </p>
      <ProblemMessage error={error} />
      <p className="actions">
        <button type="button" className="button-primary" onClick={onNote} disabled={isPending}>
          {isPending ? 'Noting…' : 'Note as a near miss'}
        </button>
      </p>
      <p className="hint">If it did hurt after all, choose how badly above and carry on.</p>
    </section>
  )
}
